/**
 * End to end, at a real (pseudo-)terminal: passwords typed with echo off, typed twice when
 * new; a recovery phrase typed hidden. Nothing typed may appear in what the terminal shows.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWNER, airlockJson, runAirlockInTerminal } from '../helpers/cli.js';
import { DEV_PHRASE } from '../helpers/dev-keys.js';
import { createScratch } from '../helpers/files.js';
import { ENTER } from '../helpers/keys.js';

const TYPED_PASSWORD = 'typed-at-the-terminal-7';

let scratch: Awaited<ReturnType<typeof createScratch>>;
beforeAll(async () => {
  scratch = await createScratch('prompts');
});
afterAll(() => scratch?.remove());

const typePassword = (cue: string | RegExp, password: string) => ({ when: cue, send: password + ENTER });

describe.concurrent('prompts at the terminal', () => {
  it('init asks for the password twice, hides it, and the vault opens with it', async () => {
    const vault = join(await scratch.dir(), 'vault.json');
    const result = await runAirlockInTerminal(['init'], {
      vault,
      replies: [typePassword('Vault password: ', TYPED_PASSWORD), typePassword('Repeat it: ', TYPED_PASSWORD)],
    });
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).not.toContain(TYPED_PASSWORD);
    expect(await airlockJson(['identity', 'list'], { vault, env: { AIRLOCK_PASSWORD: TYPED_PASSWORD } })).toEqual([]);
  });

  it('init refuses two different passwords and creates nothing', async () => {
    const dir = await scratch.dir();
    const result = await runAirlockInTerminal(['init'], {
      vault: join(dir, 'vault.json'),
      replies: [typePassword('Vault password: ', TYPED_PASSWORD), typePassword('Repeat it: ', `${TYPED_PASSWORD}x`)],
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('airlock: the two passwords differ');
    expect(await readdir(dir)).toEqual([]);
  });

  it('init refuses a password under 6 characters before asking again', async () => {
    const dir = await scratch.dir();
    const result = await runAirlockInTerminal(['init'], {
      vault: join(dir, 'vault.json'),
      replies: [typePassword('Vault password: ', 'abc')],
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('at least 6 characters');
    expect(result.stdout).not.toContain('Repeat it');
    expect(await readdir(dir)).toEqual([]);
  });

  it('init warns about a weak password but accepts it', async () => {
    const vault = join(await scratch.dir(), 'vault.json');
    const result = await runAirlockInTerminal(['init'], { vault, env: { AIRLOCK_PASSWORD: 'abcdef' } });
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/airlock: warning: this vault password is weak/);
  });

  it('identity restore takes the phrase typed hidden, after the vault password', async () => {
    const vault = join(await scratch.dir(), 'vault.json');
    await runAirlockInTerminal(['init'], { vault, env: OWNER });
    const result = await runAirlockInTerminal(['identity', 'restore', '--name', 'typed'], {
      vault,
      replies: [
        typePassword('Vault password: ', OWNER.AIRLOCK_PASSWORD),
        { when: 'Recovery phrase (hidden): ', send: DEV_PHRASE + ENTER },
      ],
    });
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain('Restored identity "typed"');
    expect(result.stdout).not.toMatch(/bottom|curtain|walk/u);
    expect(result.stdout).not.toContain(OWNER.AIRLOCK_PASSWORD);
    expect(await airlockJson(['identity', 'list'], { vault, env: OWNER })).toMatchObject([
      { name: 'typed', kind: 'mnemonic' },
    ]);
  });
});
