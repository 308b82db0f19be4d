/**
 * End to end: a backup sealed with the right password that holds one bad entry is refused
 * whole by `airlock import` and by its dry run, naming the entry; the vault and its previous
 * generation stay byte for byte as they were. A vault damaged the same way says which entry is
 * wrong instead of failing every command (issue 15, item 3).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWNER, PASSWORD, airlockOk, copyVault, createVault, expectCleanFailure, runAirlock } from '../helpers/cli.js';
import { createScratch } from '../helpers/files.js';
import { DEFECTS, sealTo, soundContent, spoiled } from '../helpers/hostile-content.js';

const BACKUP_PASSWORD = 'backup-password-42';
const BOTH = { ...OWNER, AIRLOCK_BACKUP_PASSWORD: BACKUP_PASSWORD };
/** The defects the probe planted through `airlock import`. */
const PLANTED = [
  'an empty public key',
  'a short public key',
  'an unknown network',
  'the __proto__ network',
  "someone else's public key (Alice's) under bob's path",
  'words that are not BIP39',
  'two identities with one id',
  'an address whose checksum fails',
  'an address filed under another network',
];

let scratch: Awaited<ReturnType<typeof createScratch>>;
let template = '';
beforeAll(async () => {
  scratch = await createScratch('hostile-backups');
  template = await createVault(join(await scratch.dir('template'), 'vault.json'), { devIdentity: true });
  // A second write, so that the previous generation exists and must survive too.
  await airlockOk(['account', 'derive', '--identity', 'dev', '--name', 'mine', '--path', '//mine'], {
    vault: template,
    env: OWNER,
  });
});
afterAll(() => scratch?.remove());

const snapshot = async (vault: string) => Promise.all([readFile(vault), readFile(`${vault}.bak`)]);

describe.concurrent('airlock import of a backup with one bad entry', () => {
  it.each(DEFECTS.filter((d) => PLANTED.includes(d.what)))(
    '$what: refused, naming the entry, the vault unchanged',
    async (defect) => {
      const dir = await scratch.dir();
      const vault = await copyVault(template, dir);
      await airlockOk(['account', 'rename', 'mine', 'mine-too'], { vault, env: OWNER });
      const file = join(dir, 'hostile.json');
      await sealTo(file, 'airlock-backup', await spoiled(defect), BACKUP_PASSWORD);
      const before = await snapshot(vault);
      const message = new RegExp(
        `^airlock: backup ${file} is damaged: ${defect.message.source}.*; nothing was imported`,
        'u',
      );
      expectCleanFailure(await runAirlock(['import', file, '--dry-run'], { vault, env: BOTH }), message);
      expectCleanFailure(await runAirlock(['import', file], { vault, env: BOTH }), message);
      expect(await snapshot(vault)).toEqual(before);
    },
  );

  it('the same backup, sound, imports', async () => {
    const dir = await scratch.dir();
    const vault = await copyVault(template, dir);
    const file = join(dir, 'sound.json');
    await sealTo(file, 'airlock-backup', await soundContent(), BACKUP_PASSWORD);
    const result = await airlockOk(['import', file], { vault, env: BOTH });
    expect(result.stdout).toContain(
      'Imported 1 identity, 3 accounts and 1 address; skipped 1 identity (already in the vault).',
    );
  });
});

describe.concurrent('a vault with a bad entry', () => {
  it.each([
    ['account', 'list'],
    ['account', 'show', 'alice'],
    ['address', 'add', '--name', 'x', '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty'],
  ])('airlock %s %s: says which entry is wrong, and changes nothing', async (...args) => {
    const vault = join(await scratch.dir(), 'vault.json');
    const defect = DEFECTS.find((d) => d.what === 'an empty public key')!;
    await sealTo(
      vault,
      'airlock-vault',
      { ...(await spoiled(defect)), settings: { defaultNetwork: 'substrate' } },
      PASSWORD,
    );
    const before = await readFile(vault);
    const line = expectCleanFailure(
      await runAirlock(args, { vault, env: OWNER }),
      new RegExp(`^airlock: vault ${vault} is damaged: ${defect.message.source}`, 'u'),
    );
    expect(line).toContain(`open its previous generation (--vault ${vault}.bak) or restore a backup`);
    expect(await readFile(vault)).toEqual(before);
  });
});
