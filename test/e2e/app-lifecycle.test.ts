/**
 * The full-screen app in a real terminal (tmux, 80×24): first run, unlock, resize, quit, and
 * what the terminal keeps afterwards.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EnvelopeJson } from '../../src/vault/envelope.js';
import { OWNER, createVault, runAirlock, expectCleanFailure } from '../helpers/cli.js';
import { openTerminal, type Terminal } from '../helpers/tmux.js';

const PASSWORD = OWNER.AIRLOCK_PASSWORD;
let terminal: Terminal | undefined;
afterEach(async () => {
  await terminal?.close();
  terminal = undefined;
});

const newVaultPath = async () => join(await mkdtemp(join(tmpdir(), 'airlock-app-')), 'vault.json');

describe('the full-screen app', () => {
  it('refuses to start without a terminal and points to the commands', async () => {
    const result = await runAirlock([], { vault: await newVaultPath() });
    expectCleanFailure(result, /the full-screen app needs a terminal; for scripts, use the commands: airlock --help/);
  });

  it('first run creates the vault with the password typed twice', async () => {
    const vault = await newVaultPath();
    terminal = await openTerminal({ args: ['--vault', vault] });
    await terminal.waitFor('Create a vault');
    await terminal.type(PASSWORD);
    await terminal.keys('Enter');
    await terminal.waitFor('Repeat it:');
    await terminal.type(PASSWORD);
    await terminal.keys('Enter');
    await terminal.waitFor('Identities ·');
    expect(await terminal.screen()).not.toContain(PASSWORD);
    await terminal.keys('C-c');
    expect(await terminal.exited()).toBe(0);
    // The vault is real: the CLI opens it with that password.
    expect((await runAirlock(['identity', 'list', '--json'], { vault, env: OWNER })).stdout.trim()).toBe('[]');
    expect((JSON.parse(await readFile(vault, 'utf8')) as EnvelopeJson).format).toBe('airlock-vault');
  });

  it('says when the password is wrong, lets the user try again, and leaves no trace on exit', async () => {
    const vault = await createVault(await newVaultPath());
    terminal = await openTerminal({ args: ['--vault', vault] });
    await terminal.waitFor('Unlock the vault');
    await terminal.type('not-the-password');
    await terminal.keys('Enter');
    await terminal.waitFor('Wrong password. Try again.');
    await terminal.type(PASSWORD);
    await terminal.keys('Enter');
    await terminal.waitFor('Identities ·');

    await terminal.resize(120, 40);
    await terminal.waitFor(/Settings/);
    expect((await terminal.screen()).split('\n').length).toBeGreaterThanOrEqual(40);
    await terminal.resize(80, 24);
    await terminal.waitFor(/Identities ·/);

    await terminal.keys('C-c');
    expect(await terminal.exited()).toBe(0);
    const history = await terminal.history();
    expect(history).not.toContain('Identities ·');
    expect(history).not.toContain(vault);
    expect(history).not.toContain('not-the-password');
  });
});
