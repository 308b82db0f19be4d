/**
 * End to end: `airlock metadata add|list|remove` on the built binary, with real metadata from
 * @polkadot/types-support in the forms a node gives it. Refusals exit 1 with one line, ask no
 * password where there is nothing to open, and leave the vault's folder as it was.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  OWNER,
  airlockJson,
  airlockOk,
  copyVault,
  createVault,
  expectCleanFailure,
  expectUsageError,
  runAirlock,
} from '../helpers/cli.js';
import { createScratch } from '../helpers/files.js';
import { hexBytes, METADATA_HEX, POLKADOT_GENESIS, unwrappedV15, withChangedDocs } from '../helpers/metadata.js';

interface Row {
  network: string;
  genesisHash: string;
  specName: string;
  specVersion: number;
  metadataVersion: number;
  ss58Prefix: number;
  decimals: number;
  token: string;
  size: number;
  sha256: string;
  digest: string | null;
  addedAt: string;
  outcome?: string;
  file?: string;
}

const POLKADOT_V14 = hexBytes(METADATA_HEX.polkadotV14);

let scratch: Awaited<ReturnType<typeof createScratch>>;
let template = '';
let files = '';
beforeAll(async () => {
  scratch = await createScratch('metadata');
  template = await createVault(join(await scratch.dir('template'), 'vault.json'));
  files = await scratch.dir('files');
  await writeFile(join(files, 'polkadot.hex'), `${METADATA_HEX.polkadotV14}\n`);
  await writeFile(
    join(files, 'polkadot.json'),
    JSON.stringify({ jsonrpc: '2.0', result: METADATA_HEX.polkadotV14, id: 1 }),
  );
  await writeFile(join(files, 'kusama-v15.scale'), hexBytes(METADATA_HEX.kusamaV15));
  await writeFile(join(files, 'node-v15.hex'), METADATA_HEX.substrateV15);
  await writeFile(join(files, 'polkadot-other.scale'), withChangedDocs(POLKADOT_V14));
  await writeFile(join(files, 'garbage.hex'), `0x${'deadbeef'.repeat(16)}\n`);
  await writeFile(join(files, 'cut.hex'), METADATA_HEX.polkadotV14.slice(0, 300_000));
});
afterAll(() => scratch?.remove());

/** Every file in the vault's folder and its metadata folder, for "nothing changed". */
async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const contents = new Map<string, Buffer>();
  const walk = async (folder: string, prefix: string): Promise<void> => {
    for (const name of (await readdir(folder)).sort()) {
      const path = join(folder, name);
      if ((await stat(path)).isDirectory()) await walk(path, `${prefix}${name}/`);
      else contents.set(`${prefix}${name}`, await readFile(path));
    }
  };
  await walk(dir, '');
  return contents;
}

const file = (name: string) => join(files, name);

describe.concurrent('airlock metadata', () => {
  it('adds a node’s answer, lists it, says when it is there already, and removes it', async () => {
    const dir = await scratch.dir();
    const vault = await copyVault(template, dir);
    const added = await airlockJson<Row>(['metadata', 'add', file('polkadot.hex')], { vault, env: OWNER });
    expect(added).toMatchObject({
      network: 'polkadot',
      genesisHash: POLKADOT_GENESIS,
      specName: 'polkadot',
      specVersion: 1002005,
      metadataVersion: 14,
      ss58Prefix: 0,
      decimals: 10,
      token: 'DOT',
      size: POLKADOT_V14.length,
      digest: null,
      outcome: 'added',
    });
    const stored = await readFile(join(`${vault}.metadata`, 'polkadot-1002005.scale'));
    expect(stored.equals(POLKADOT_V14)).toBe(true);

    const again = await airlockOk(['metadata', 'add', file('polkadot.json')], { vault, env: OWNER });
    expect(again.stdout).toMatch(/^Already kept: polkadot runtime 1002005 \(metadata version 14, 272\.8 KiB/u);

    const v15 = await airlockJson<Row>(['metadata', 'add', file('kusama-v15.scale')], { vault, env: OWNER });
    expect(v15).toMatchObject({ network: 'kusama', specVersion: 1009002, metadataVersion: 15, token: 'KSM' });
    expect(v15.digest).toMatch(/^0x[0-9a-f]{64}$/u);
    expect(v15.size).toBe(unwrappedV15(METADATA_HEX.kusamaV15).length);

    const listed = await airlockJson<Row[]>(['metadata', 'list'], { vault, env: OWNER });
    expect(listed.map((r) => [r.network, r.specVersion, r.metadataVersion, r.file])).toEqual([
      ['kusama', 1009002, 15, 'intact'],
      ['polkadot', 1002005, 14, 'intact'],
    ]);
    const table = (await airlockOk(['metadata', 'list'], { vault, env: OWNER })).stdout.split('\n');
    expect(table[0]).toMatch(/^NETWORK +SPEC +METADATA +SIZE +ADDED +FILE$/u);
    expect(table[1]).toMatch(/^kusama +1009002 +V15 +496\.0 KiB +\d{4}-\d\d-\d\dT\S+ +ok$/u);
    expect(table[2]).toMatch(/^polkadot +1002005 +V14 +272\.8 KiB +\S+ +ok$/u);

    const removed = await airlockJson<Row[]>(['metadata', 'remove', 'polkadot'], { vault, env: OWNER });
    expect(removed.map((r) => r.specVersion)).toEqual([1002005]);
    expect(await readdir(`${vault}.metadata`)).toEqual(['kusama-1009002.scale']);
    const said = await airlockOk(['metadata', 'remove', 'kusama', '1009002'], { vault, env: OWNER });
    expect(said.stdout).toBe('Removed the metadata of kusama runtime 1009002.\n');
    expect((await airlockOk(['metadata', 'list'], { vault, env: OWNER })).stdout).toMatch(/^No metadata is kept/u);
  });

  it('a chain airlock does not know needs its genesis hash, token and decimals', async () => {
    const dir = await scratch.dir();
    const vault = await copyVault(template, dir);
    const before = await snapshot(dir);
    expectCleanFailure(
      await runAirlock(['metadata', 'add', file('node-v15.hex')], { vault, env: OWNER }),
      /^airlock: airlock does not know the chain whose runtime is "node".*; give them: airlock metadata add FILE --genesis 0xHASH --token SYMBOL --decimals N/u,
    );
    expect(await snapshot(dir)).toEqual(before);
    const genesis = `0x${'5a'.repeat(32)}`;
    const args = ['metadata', 'add', file('node-v15.hex'), '--genesis', genesis, '--token', 'UNIT', '--decimals', '12'];
    const added = await airlockJson<Row>(args, { vault, env: OWNER });
    expect(added).toMatchObject({
      network: 'node',
      genesisHash: genesis,
      specVersion: 268,
      token: 'UNIT',
      decimals: 12,
    });
  });

  it('refuses a stored file changed since it was added, until it is added again', async () => {
    const dir = await scratch.dir();
    const vault = await copyVault(template, dir);
    await airlockOk(['metadata', 'add', file('polkadot.hex')], { vault, env: OWNER });
    const stored = join(`${vault}.metadata`, 'polkadot-1002005.scale');
    await writeFile(stored, withChangedDocs(POLKADOT_V14));
    const list = await airlockOk(['metadata', 'list'], { vault, env: OWNER });
    expect(list.stdout).toMatch(/^polkadot +1002005 +V14 +272\.8 KiB +\S+ +CHANGED since added$/mu);
    expect(list.stdout).toMatch(/add the metadata again with `airlock metadata add FILE`/u);

    // Other bytes under the same runtime are refused while a record of it is kept.
    const before = await snapshot(dir);
    expectCleanFailure(
      await runAirlock(['metadata', 'add', file('polkadot-other.scale')], { vault, env: OWNER }),
      /^airlock: the vault keeps other metadata for polkadot 1002005 .*airlock metadata remove polkadot 1002005$/u,
    );
    expect(await snapshot(dir)).toEqual(before);

    const restored = await airlockJson<Row>(['metadata', 'add', file('polkadot.hex')], { vault, env: OWNER });
    expect(restored.outcome).toBe('restored');
    expect((await readFile(stored)).equals(POLKADOT_V14)).toBe(true);
    const listed = await airlockJson<Row[]>(['metadata', 'list'], { vault, env: OWNER });
    expect(listed.map((r) => r.file)).toEqual(['intact']);
  });

  it.each([
    ['not metadata', 'garbage.hex', /^airlock: .*garbage\.hex is not chain metadata: without the "meta" mark/u],
    ['metadata cut short', 'cut.hex', /^airlock: .*cut\.hex is not chain metadata: /u],
    ['a file that is not there', 'missing.hex', /^airlock: no file at .*missing\.hex; check the path$/u],
  ])('refuses %s and changes nothing', async (_, name, message) => {
    const dir = await scratch.dir();
    const vault = await copyVault(template, dir);
    const before = await snapshot(dir);
    expectCleanFailure(await runAirlock(['metadata', 'add', file(name)], { vault, env: OWNER }), message);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('needs the vault and its password, and changes nothing without them', async () => {
    const dir = await scratch.dir();
    const vault = await copyVault(template, dir);
    expectCleanFailure(
      await runAirlock(['metadata', 'add', file('polkadot.hex')], { vault: join(dir, 'none.json'), env: OWNER }),
      /^airlock: no vault at .*none\.json/u,
    );
    const before = await snapshot(dir);
    const wrong = { AIRLOCK_PASSWORD: 'not-the-vault-password-1' };
    expectCleanFailure(
      await runAirlock(['metadata', 'add', file('polkadot.hex')], { vault, env: wrong }),
      /^airlock: wrong password for vault /u,
    );
    expectCleanFailure(await runAirlock(['metadata', 'list'], { vault, env: wrong }), /^airlock: wrong password/u);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('refuses to remove what it does not keep, and a spec version that is no number', async () => {
    const dir = await scratch.dir();
    const vault = await copyVault(template, dir);
    const before = await snapshot(dir);
    expectCleanFailure(
      await runAirlock(['metadata', 'remove', 'polkadot'], { vault, env: OWNER }),
      /^airlock: the vault keeps no metadata for polkadot; see what it keeps: airlock metadata list$/u,
    );
    expectUsageError(
      await runAirlock(['metadata', 'remove', 'polkadot', 'v1'], { vault, env: OWNER }),
      /"v1" is not a runtime version/u,
    );
    const json = await runAirlock(['metadata', 'remove', 'westend', '--json'], { vault, env: OWNER });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stderr)).toMatchObject({
      error: { code: 'not-found', message: 'the vault keeps no metadata for westend' },
    });
    expect(await snapshot(dir)).toEqual(before);
  });
});
