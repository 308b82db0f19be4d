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

  it('init asks again after two different passwords, and gives up after three tries, creating nothing', async () => {
    const dir = await scratch.dir();
    const differ = [1, 2, 3].flatMap(() => [
      typePassword(/Vault password: $/u, TYPED_PASSWORD),
      typePassword(/Repeat it: $/u, `${TYPED_PASSWORD}x`),
    ]);
    const result = await runAirlockInTerminal(['init'], { vault: join(dir, 'vault.json'), replies: differ });
    expect(result.code, result.stdout).toBe(1);
    expect(result.stdout).toContain('The two passwords differ; try again (2 tries left).');
    expect(result.stdout).toContain('The two passwords differ; try again (1 try left).');
    expect(result.stdout).toContain('airlock: the two passwords differ; nothing was changed');
    expect(result.stdout.match(/Vault password: /gu)).toHaveLength(3);
    expect(await readdir(dir)).toEqual([]);
  });

  it('init asks again for a password under 6 characters, then takes a good one', async () => {
    const vault = join(await scratch.dir(), 'vault.json');
    const result = await runAirlockInTerminal(['init'], {
      vault,
      replies: [
        typePassword('Vault password: ', 'abc'),
        typePassword(/try again \(2 tries left\)\.\s+Vault password: $/u, TYPED_PASSWORD),
        typePassword('Repeat it: ', TYPED_PASSWORD),
      ],
    });
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain('The vault password must be at least 6 characters long; try again (2 tries left).');
    expect(result.stdout.match(/Repeat it: /gu)).toHaveLength(1);
    expect(await airlockJson(['identity', 'list'], { vault, env: { AIRLOCK_PASSWORD: TYPED_PASSWORD } })).toEqual([]);
  });

  it('passwd asks again for a mismatched new password without unlocking again', async () => {
    const vault = join(await scratch.dir(), 'vault.json');
    await runAirlockInTerminal(['init'], { vault, env: OWNER });
    const result = await runAirlockInTerminal(['passwd'], {
      vault,
      replies: [
        typePassword('Vault password: ', OWNER.AIRLOCK_PASSWORD),
        typePassword(/New vault password: $/u, TYPED_PASSWORD),
        typePassword(/Repeat it: $/u, 'something-else-9'),
        typePassword(/\(2 tries left\)\.\s+New vault password: $/u, TYPED_PASSWORD),
        typePassword(/Repeat it: $/u, TYPED_PASSWORD),
      ],
    });
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain('Vault password changed.');
    expect(result.stdout.match(/^Vault password: /gmu)).toHaveLength(1);
    expect(result.stdout).not.toContain(TYPED_PASSWORD);
    expect(await airlockJson(['identity', 'list'], { vault, env: { AIRLOCK_PASSWORD: TYPED_PASSWORD } })).toEqual([]);
  });

  it('export asks again for a backup password that is too short, and writes the backup', async () => {
    const dir = await scratch.dir();
    const vault = join(dir, 'vault.json');
    await runAirlockInTerminal(['init'], { vault, env: OWNER });
    const out = join(dir, 'backup.json');
    const result = await runAirlockInTerminal(['export', '--out', out], {
      vault,
      env: OWNER,
      replies: [
        typePassword('Backup password: ', 'short'),
        typePassword(/\(2 tries left\)\.\s+Backup password: $/u, TYPED_PASSWORD),
        typePassword('Repeat it: ', TYPED_PASSWORD),
      ],
    });
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain('The backup password must be at least 6 characters long; try again');
    expect(await readdir(dir)).toContain('backup.json');
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
