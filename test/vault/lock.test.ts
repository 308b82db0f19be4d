import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile, access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VaultBusyError } from '../../src/errors.js';
import { withLock } from '../../src/vault/lock.js';
import { waitUntil } from '../helpers/wait.js';

async function vaultPath() {
  return join(await mkdtemp(join(tmpdir(), 'airlock-lock-')), 'vault.json');
}

describe('withLock', () => {
  it('holds PATH.lock with our pid while working and removes it after', async () => {
    const path = await vaultPath();
    const seen = await withLock(path, () => readFile(`${path}.lock`, 'utf8'));
    expect(seen.trim()).toBe(String(process.pid));
    await expect(access(`${path}.lock`)).rejects.toThrow();
  });

  it('refuses a second writer while a live process holds the lock, naming it', async () => {
    const path = await vaultPath();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      await writeFile(`${path}.lock`, `${holder.pid}\n`);
      const attempt = withLock(path, () => Promise.resolve('ran'));
      await expect(attempt).rejects.toBeInstanceOf(VaultBusyError);
      await expect(attempt).rejects.toThrow(`vault is in use by process ${holder.pid}`);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('takes over the lock of a process that died', async () => {
    const path = await vaultPath();
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => dead.on('exit', resolve));
    await writeFile(`${path}.lock`, `${dead.pid}\n`);
    expect(await withLock(path, () => Promise.resolve('ran'))).toBe('ran');
  });

  it('lets exactly one of two simultaneous writers in', async () => {
    const path = await vaultPath();
    let release!: () => void;
    const first = withLock(path, () => new Promise<void>((r) => (release = r)));
    await waitUntil(() => release, 'the first writer to hold the lock');
    await expect(withLock(path, () => Promise.resolve())).rejects.toBeInstanceOf(VaultBusyError);
    release();
    await first;
  });
});
