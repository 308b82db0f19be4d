/**
 * End to end: `airlock import` of a file too large to be a backup (over 64 MiB) is refused
 * from its size alone (issue 5): one clear line, the vault byte-identical, and the file never
 * read. The file is sparse, so it costs neither disk nor time.
 */
import { readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWNER, expectCleanFailure, runAirlock } from '../helpers/cli.js';
import { createScratch } from '../helpers/files.js';
import { HOOKS } from '../helpers/mounts.js';
import { FAST_SCRYPT } from '../helpers/vault.js';
import { VaultSession } from '../../src/vault/store.js';

const BOTH = { ...OWNER, AIRLOCK_BACKUP_PASSWORD: 'backup-password-42' };
const BACKUP_LIMIT = 64 * 1024 * 1024;

let scratch: Awaited<ReturnType<typeof createScratch>>;
let vaultDir = '';
let huge = '';
beforeAll(async () => {
  scratch = await createScratch('size-limit');
  vaultDir = await scratch.dir('vault');
  const session = await VaultSession.create(
    join(vaultDir, 'vault.json'),
    new TextEncoder().encode(OWNER.AIRLOCK_PASSWORD),
    FAST_SCRYPT,
  );
  session.close();
  huge = join(await scratch.dir('medium'), 'huge-backup.json');
  await writeFile(huge, '');
  await truncate(huge, BACKUP_LIMIT + 1);
});
afterAll(() => scratch?.remove());

/** Every file in a directory, by name. */
async function filesIn(dir: string): Promise<Record<string, Buffer>> {
  const names = (await readdir(dir)).sort();
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await readFile(join(dir, n))] as const)));
}

/** Runs airlock and also returns how many bytes it read in all (Linux rchar, from the test hooks). */
async function importCounted(args: string[], vault: string) {
  const report = join(await scratch.dir('reads'), 'rchar');
  const result = await runAirlock(args, {
    vault,
    env: { ...BOTH, NODE_OPTIONS: HOOKS, AIRLOCK_TEST_READ_REPORT: report },
  });
  return { result, bytesRead: Number(await readFile(report, 'utf8')) };
}

describe.concurrent('a file over the backup size limit', () => {
  it.each([
    { command: 'import', flags: [] },
    { command: 'import --dry-run', flags: ['--dry-run'] },
  ])('$command: refused unread, the vault byte-identical', async ({ flags }) => {
    const before = await filesIn(vaultDir);
    const { result, bytesRead } = await importCounted(['import', huge, ...flags], join(vaultDir, 'vault.json'));
    const line = expectCleanFailure(result, /too large/i);
    expect(line).toContain(huge);
    expect(await filesIn(vaultDir), 'the vault changed').toEqual(before);
    // Node and airlock's own modules are a few MiB; reading the file would add 64 MiB.
    expect(bytesRead).toBeGreaterThan(0);
    expect(bytesRead).toBeLessThan(BACKUP_LIMIT / 8);
  });

  it('import --dry-run without a vault: refused unread, and no vault created', async () => {
    const dir = await scratch.dir('no-vault');
    const { result, bytesRead } = await importCounted(['import', huge, '--dry-run'], join(dir, 'vault.json'));
    expectCleanFailure(result, /too large/i);
    expect(bytesRead).toBeLessThan(BACKUP_LIMIT / 8);
    expect(await readdir(dir)).toEqual([]);
  });
});
