/** End to end: `airlock export` and `airlock import` on real files, through the real binary. */
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnvelopeJson } from '../../src/vault/envelope.js';
import {
  OWNER,
  airlockJson,
  airlockOk,
  copyVault,
  createVault,
  expectCleanFailure,
  fileBytes,
  runAirlock,
} from '../helpers/cli.js';
import { ALICE, BOB } from '../helpers/dev-keys.js';
import { createScratch } from '../helpers/files.js';

const BACKUP = { AIRLOCK_BACKUP_PASSWORD: 'backup-password-42' };
const BOTH = { ...OWNER, ...BACKUP };

interface Receipt {
  file: string;
  bytes: number;
  sha256: string;
  identities: string[];
  accounts: string[];
  addresses: string[];
}
interface Entry {
  kind: string;
  name: string;
  action: string;
  as?: string;
}

let scratch: Awaited<ReturnType<typeof createScratch>>;
let template = '';
let backup = '';
beforeAll(async () => {
  scratch = await createScratch('backup');
  template = await createVault(join(await scratch.dir('template'), 'vault.json'), { devIdentity: true });
  await airlockOk(['account', 'derive', '--identity', 'dev', '--name', 'alice', '--path', '//Alice'], {
    vault: template,
    env: OWNER,
  });
  await airlockOk(
    ['account', 'derive', '--identity', 'dev', '--name', 'bob', '--path', '//Bob', '--network', 'polkadot'],
    { vault: template, env: OWNER },
  );
  await airlockOk(['address', 'add', '--name', 'exchange', '--note', 'memo 77', BOB.substrate], {
    vault: template,
    env: OWNER,
  });
  backup = join(await scratch.dir('media'), 'airlock-backup.json');
  const receipt = await airlockJson<Receipt>(['export', '--out', backup, '--receipt', '--json'], {
    vault: template,
    env: BOTH,
  });
  expect(receipt).toMatchObject({
    file: backup,
    identities: ['dev'],
    accounts: ['alice', 'bob'],
    addresses: ['exchange'],
  });
});
afterAll(() => scratch?.remove());

describe.concurrent('export and import', () => {
  it('writes a backup whose receipt matches the file and holds no secret', async () => {
    const text = await readFile(backup);
    const receipt = await readFile(`${backup}.receipt.txt`, 'utf8');
    const { createHash } = await import('node:crypto');
    expect(receipt).toContain(createHash('sha256').update(text).digest('hex'));
    expect(receipt).toContain(`size:        ${text.length} bytes`);
    expect(receipt).not.toMatch(/bottom|drive|obey/u);
    expect(text.toString()).not.toContain('exchange');
  });

  it('restores everything into a new vault: the same accounts, and the words derive them again', async () => {
    const dir = await scratch.dir();
    const vault = await createVault(join(dir, 'vault.json'));
    const done = await airlockJson<{ entries: Entry[] }>(['import', backup, '--json'], { vault, env: BOTH });
    expect(done.entries.every((e) => e.action === 'add')).toBe(true);
    const accounts = await airlockJson<{ name: string; address: string }[]>(['account', 'list'], { vault, env: OWNER });
    expect(accounts.map((a) => [a.name, a.address])).toEqual([
      ['alice', ALICE.substrate],
      ['bob', BOB.polkadot],
    ]);
    await airlockOk(['account', 'derive', '--identity', 'dev', '--name', 'charlie', '--path', '//Charlie'], {
      vault,
      env: OWNER,
    });
    expect(await airlockJson(['address', 'list'], { vault, env: OWNER })).toEqual([
      { name: 'exchange', address: BOB.substrate, network: 'substrate', note: 'memo 77' },
    ]);
  });

  it('an import that adds every entry says what it added, and speaks of no rest', async () => {
    const vault = await createVault(join(await scratch.dir(), 'vault.json'));
    const done = await airlockOk(['import', backup], { vault, env: BOTH });
    const summary = done.stdout.trimEnd().split('\n').at(-1);
    expect(summary).toBe('Imported 1 identity, 2 accounts and 1 address.');
    expect(done.stdout).not.toMatch(/rest|left out/u);
  });

  it('the backup drill: --dry-run shows what would happen and leaves the vault byte-identical', async () => {
    const dir = await scratch.dir();
    const vault = await copyVault(template, dir);
    await airlockOk(['account', 'rename', 'alice', 'alice-hot'], { vault, env: OWNER });
    const before = await fileBytes(vault);
    const plan = await airlockJson<{ dryRun: boolean; entries: Entry[] }>(['import', backup, '--dry-run', '--json'], {
      vault,
      env: BOTH,
    });
    expect(plan.dryRun).toBe(true);
    expect(plan.entries.map((e) => `${e.kind} ${e.name} ${e.action}`)).toEqual([
      'identity dev skip',
      'account alice skip',
      'account bob skip',
      'address exchange skip',
    ]);
    expect((await fileBytes(vault)).equals(before)).toBe(true);
  });

  it('an import that adds nothing writes nothing: the vault and its previous generation keep their bytes and times', async () => {
    const vault = await copyVault(template, await scratch.dir());
    await airlockOk(['account', 'rename', 'alice', 'alice-hot'], { vault, env: OWNER });
    const files = [vault, `${vault}.bak`];
    const before = await Promise.all(
      files.map(async (f) => ({ bytes: await readFile(f), mtime: (await stat(f)).mtimeMs })),
    );
    const done = await airlockOk(['import', backup], { vault, env: BOTH });
    expect(done.stdout).toContain(
      'Imported nothing; skipped 1 identity, 2 accounts and 1 address (already in the vault).',
    );
    const after = await Promise.all(
      files.map(async (f) => ({ bytes: await readFile(f), mtime: (await stat(f)).mtimeMs })),
    );
    expect(after).toEqual(before);
  });

  it('the drill works on a machine with no vault at all, and creates none', async () => {
    const dir = await scratch.dir();
    const result = await runAirlock(['import', backup, '--dry-run'], { vault: join(dir, 'vault.json'), env: BACKUP });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('decrypts and holds 4 entries');
    expect(result.stdout).toContain(
      'Dry run: nothing was changed. Importing would add 1 identity, 2 accounts and 1 address.',
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it('exports chosen accounts only', async () => {
    const out = join(await scratch.dir(), 'bob-only.json');
    const receipt = await airlockJson<Receipt>(['export', '--out', out, '--account', BOB.polkadot, '--json'], {
      vault: template,
      env: BOTH,
    });
    expect(receipt).toMatchObject({ identities: ['dev'], accounts: ['bob'], addresses: [] });
  });

  it('refuses to replace a file, a wrong backup password, and a damaged backup, changing nothing', async () => {
    const dir = await scratch.dir();
    const vault = await copyVault(template, dir);
    const existing = join(dir, 'old.json');
    await writeFile(existing, 'older backup');
    expectCleanFailure(
      await runAirlock(['export', '--out', existing], { vault, env: BOTH }),
      /already exists; choose another --out, or add --force/,
    );
    expect(await readFile(existing, 'utf8')).toBe('older backup');

    const before = await fileBytes(vault);
    expectCleanFailure(
      await runAirlock(['import', backup], { vault, env: { ...OWNER, AIRLOCK_BACKUP_PASSWORD: 'wrong-one' } }),
      /wrong password for backup/,
    );
    const damaged = join(dir, 'damaged.json');
    const envelope = JSON.parse(await readFile(backup, 'utf8')) as EnvelopeJson;
    const flipped = envelope.ciphertext[40] === 'A' ? 'B' : 'A';
    envelope.ciphertext = envelope.ciphertext.slice(0, 40) + flipped + envelope.ciphertext.slice(41);
    await writeFile(damaged, JSON.stringify(envelope));
    expectCleanFailure(await runAirlock(['import', damaged], { vault, env: BOTH }), /is damaged/);
    expectCleanFailure(await runAirlock(['import', join(dir, 'missing.json')], { vault, env: BOTH }), /no file at/);
    expect((await fileBytes(vault)).equals(before)).toBe(true);
  });
});
