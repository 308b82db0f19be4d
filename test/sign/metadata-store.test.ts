/** Metadata kept beside a real vault: added, listed, loaded only while its file is the one recorded, removed. */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { merkleizeMetadata } from '@polkadot-api/merkleize-metadata';
import { describe, expect, it } from 'vitest';
import { AlreadyExistsError, DamagedFileError, NotFoundError, UserError } from '../../src/errors.js';
import { checkPayloadMetadataHash, metadataDigest } from '../../src/sign/metadata-digest.js';
import {
  addMetadata,
  findMetadataRecord,
  listMetadata,
  loadMetadata,
  metadataFolder,
  removeMetadata,
  runtimeNeedingClaims,
} from '../../src/sign/metadata-store.js';
import { hexBytes, METADATA_HEX, POLKADOT_GENESIS, unwrappedV15, withChangedDocs } from '../helpers/metadata.js';
import { createKey, seal, wipeKey } from '../../src/vault/envelope.js';
import { VaultSession } from '../../src/vault/store.js';
import { FAST_SCRYPT, openTestVault, reopen, TEST_PASSWORD } from '../helpers/vault.js';
import { temporaryDir } from '../helpers/files.js';

const text = (value: string) => new TextEncoder().encode(value);
const POLKADOT_V14 = hexBytes(METADATA_HEX.polkadotV14);

describe('keeping metadata beside the vault', () => {
  it('adds, lists, loads and removes, recording what the bytes are', async () => {
    const session = await openTestVault();
    const added = await addMetadata(session, text(METADATA_HEX.polkadotV14), 'polkadot.hex');
    expect(added.outcome).toBe('added');
    expect(added.record).toMatchObject({
      network: 'polkadot',
      genesisHash: POLKADOT_GENESIS,
      specName: 'polkadot',
      specVersion: 1002005,
      metadataVersion: 14,
      ss58Prefix: 0,
      decimals: 10,
      token: 'DOT',
      file: 'polkadot-1002005.scale',
      size: POLKADOT_V14.length,
    });
    expect(added.record.digest).toBeUndefined();
    const stored = await readFile(join(metadataFolder(session.path), 'polkadot-1002005.scale'));
    expect(stored.equals(POLKADOT_V14)).toBe(true);
    expect(added.record.sha256).toBe(createHash('sha256').update(POLKADOT_V14).digest('hex'));

    const data = await reopen(session);
    expect(await listMetadata(data, session.path)).toEqual([{ record: added.record, state: 'intact' }]);
    const loaded = await loadMetadata(data, session.path, POLKADOT_GENESIS.toUpperCase().replace('0X', '0x'), 1002005);
    expect(Buffer.from(loaded).equals(POLKADOT_V14)).toBe(true);
    expect(findMetadataRecord(data, POLKADOT_GENESIS, 1002005)).toEqual(added.record);

    expect(await removeMetadata(session, 'polkadot')).toEqual([added.record]);
    expect((await reopen(session)).metadata).toEqual([]);
    expect(await readdir(metadataFolder(session.path))).toEqual([]);
    session.close();
  });

  it('records the RFC-0078 digest of V15 metadata for the chain’s token and format', async () => {
    const session = await openTestVault();
    const { record } = await addMetadata(session, hexBytes(METADATA_HEX.polkadotV15), 'polkadot-v15.bin');
    const bytes = unwrappedV15(METADATA_HEX.polkadotV15);
    const expected = merkleizeMetadata(bytes, { decimals: 10, tokenSymbol: 'DOT' }).digest();
    expect(record.digest).toBe(`0x${Buffer.from(expected).toString('hex')}`);
    expect(record).toMatchObject({ metadataVersion: 15, specVersion: 2000000 });
    // The token and decimals are part of what is hashed.
    const info = { decimals: 12, tokenSymbol: 'DOT', base58Prefix: 0, specVersion: 2000000, specName: 'polkadot' };
    expect(Buffer.from(metadataDigest(bytes, info)).toString('hex')).not.toBe(record.digest!.slice(2));
    expect(() => metadataDigest(POLKADOT_V14, info)).toThrow(
      /defined over metadata version 15; this metadata is version 14/,
    );

    // What a transaction's CheckMetadataHash (mode 1) is compared with.
    expect(() => checkPayloadMetadataHash(record, record.digest!.toUpperCase().replace('0X', '0x'))).not.toThrow();
    const other = `0x${Buffer.from(metadataDigest(bytes, info)).toString('hex')}`;
    expect(() => checkPayloadMetadataHash(record, other)).toThrow(
      /the transaction's metadata hash 0x[0-9a-f]{64} is not that of the metadata kept for polkadot 2000000 .*; nothing is signed/,
    );
    const { record: v14 } = await addMetadata(session, POLKADOT_V14, 'polkadot-v14.hex');
    expect(() => checkPayloadMetadataHash(v14, other)).toThrow(
      /kept for polkadot 1002005 is version 14, which has none/,
    );
    session.close();
  });

  it('says the same bytes are there already, and refuses other bytes for the same runtime', async () => {
    const session = await openTestVault();
    await addMetadata(session, POLKADOT_V14, 'a');
    const again = await addMetadata(session, text(METADATA_HEX.polkadotV14), 'b');
    expect(again.outcome).toBe('kept');
    const before = await readFile(session.path);
    await expect(addMetadata(session, withChangedDocs(POLKADOT_V14), 'c')).rejects.toThrow(AlreadyExistsError);
    await expect(addMetadata(session, withChangedDocs(POLKADOT_V14), 'c')).rejects.toThrow(
      /^the vault keeps other metadata for polkadot 1002005 \(version 14, added /,
    );
    expect((await readFile(session.path)).equals(before)).toBe(true);
    session.close();
  });

  it('refuses a file changed or gone since it was added, and adding it again restores it', async () => {
    const session = await openTestVault();
    await addMetadata(session, POLKADOT_V14, 'a');
    const file = join(metadataFolder(session.path), 'polkadot-1002005.scale');
    const load = async () => loadMetadata(await reopen(session), session.path, POLKADOT_GENESIS, 1002005, 'polkadot');

    await writeFile(file, withChangedDocs(POLKADOT_V14));
    expect((await listMetadata(session.data, session.path))[0]?.state).toBe('changed');
    await expect(load()).rejects.toThrow(DamagedFileError);
    await expect(load()).rejects.toThrow(/the stored metadata for polkadot 1002005 changed since it was added/);
    await writeFile(file, POLKADOT_V14.subarray(0, 1000));
    await expect(load()).rejects.toThrow(/changed since it was added/);
    await writeFile(file, Buffer.concat([POLKADOT_V14, Buffer.from([0])]));
    await expect(load()).rejects.toThrow(/changed since it was added/);
    await rm(file);
    expect((await listMetadata(session.data, session.path))[0]?.state).toBe('missing');
    await expect(load()).rejects.toThrow(/the stored metadata for polkadot 1002005 is missing/);

    expect((await addMetadata(session, POLKADOT_V14, 'a')).outcome).toBe('restored');
    expect(Buffer.from(await load()).equals(POLKADOT_V14)).toBe(true);
    session.close();
  });

  it('names the command that adds metadata the vault does not keep', async () => {
    const session = await openTestVault();
    const data = await reopen(session);
    const error = await loadMetadata(data, session.path, POLKADOT_GENESIS, 1003000, 'polkadot').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as UserError).message).toBe('the vault keeps no metadata for polkadot runtime version 1003000');
    expect((error as UserError).hint).toMatch(/airlock metadata add FILE/);
    session.close();
  });

  it('keeps a chain airlock does not know under its runtime’s name, with what the person said of it', async () => {
    const session = await openTestVault();
    const genesis = `0x${'12'.repeat(32)}`;
    await expect(addMetadata(session, hexBytes(METADATA_HEX.substrateV15), 'node.bin')).rejects.toThrow(
      /does not know the chain whose runtime is "node"/,
    );
    const claims = { genesis, token: 'UNIT', decimals: '12' };
    const { record } = await addMetadata(session, hexBytes(METADATA_HEX.substrateV15), 'node.bin', claims);
    expect(record).toMatchObject({
      network: 'node',
      genesisHash: genesis,
      ss58Prefix: 42,
      token: 'UNIT',
      decimals: 12,
    });
    expect(record.digest).toMatch(/^0x[0-9a-f]{64}$/);
    expect((await listMetadata(await reopen(session), session.path)).map(({ record: r }) => r.file)).toEqual([
      'node-268.scale',
    ]);
    session.close();
  });

  it('says which runtimes need their chain described: not the ones airlock or the vault knows', async () => {
    const session = await openTestVault();
    const node = hexBytes(METADATA_HEX.substrateV15);
    expect(runtimeNeedingClaims(session.data, POLKADOT_V14, 'a')).toBeUndefined();
    expect(runtimeNeedingClaims(session.data, hexBytes(METADATA_HEX.assetHubPolkadotV15), 'b')).toBeUndefined();
    expect(runtimeNeedingClaims(session.data, node, 'node.bin')).toEqual({
      specName: 'node',
      specVersion: 268,
      version: 15,
      ss58Prefix: 42,
    });
    // What is not metadata is refused as adding it would be.
    expect(() => runtimeNeedingClaims(session.data, text('not metadata'), 'notes.txt')).toThrow(UserError);
    // Once described, its next versions are the vault's chain: no claims again.
    await addMetadata(session, node, 'node.bin', { genesis: `0x${'12'.repeat(32)}`, token: 'UNIT', decimals: '12' });
    expect(runtimeNeedingClaims(session.data, node, 'node.bin')).toBeUndefined();
    session.close();
  });

  it('removes one runtime or all of a network, and refuses what it does not keep', async () => {
    const session = await openTestVault();
    await addMetadata(session, POLKADOT_V14, 'a');
    await addMetadata(session, hexBytes(METADATA_HEX.polkadotV15), 'b');
    await addMetadata(session, hexBytes(METADATA_HEX.kusamaV14), 'c');
    expect(
      (await listMetadata(session.data, session.path)).map(({ record: r }) => `${r.network} ${r.specVersion}`),
    ).toEqual(['kusama 1003000', 'polkadot 1002005', 'polkadot 2000000']);
    const before = await readFile(session.path);
    await expect(removeMetadata(session, 'polkadot', 1)).rejects.toThrow(/keeps no metadata for polkadot 1$/);
    await expect(removeMetadata(session, 'westend')).rejects.toThrow(NotFoundError);
    expect((await readFile(session.path)).equals(before)).toBe(true);
    expect((await removeMetadata(session, 'polkadot', 2000000)).map((r) => r.specVersion)).toEqual([2000000]);
    expect((await removeMetadata(session, 'polkadot')).map((r) => r.specVersion)).toEqual([1002005]);
    expect(await readdir(metadataFolder(session.path))).toEqual(['kusama-1003000.scale']);
    session.close();
  });

  it('reads a vault written before metadata was kept as keeping none, and keeps metadata in it', async () => {
    const path = join(await temporaryDir('old-vault'), 'vault.json');
    const password = new TextEncoder().encode(TEST_PASSWORD);
    const key = await createKey(password, FAST_SCRYPT);
    const old = { identities: [], accounts: [], addresses: [], settings: { defaultNetwork: 'polkadot' } };
    await writeFile(path, seal('airlock-vault', 3, old, key));
    wipeKey(key);
    const session = await VaultSession.unlock(path, password);
    expect(session.data.metadata).toEqual([]);
    await addMetadata(session, POLKADOT_V14, 'a');
    expect((await reopen(session)).metadata.map((r) => r.network)).toEqual(['polkadot']);
    session.close();
  });
});
