/** Reading what a node returns for a chain's metadata, in every form it comes in, and refusing what is not. */
import polkadotV13 from '@polkadot/types-support/metadata/v13/polkadot-hex';
import substrateV16 from '@polkadot/types-support/metadata/v16/substrate-hex';
import kusamaVersion from '@polkadot/types-support/metadata/v14/kusama-ver';
import polkadotVersion from '@polkadot/types-support/metadata/v14/polkadot-ver';
import kusamaV15Version from '@polkadot/types-support/metadata/v15/kusama-ver';
import polkadotV15Version from '@polkadot/types-support/metadata/v15/polkadot-ver';
import { compactToU8a, u8aConcat } from '@polkadot/util';
import { describe, expect, it } from 'vitest';
import { DamagedFileError } from '../../src/errors.js';
import {
  MAX_METADATA_BYTES,
  MAX_METADATA_INPUT_BYTES,
  openMetadata,
  readMetadataInput,
} from '../../src/sign/metadata.js';
import { hexBytes, METADATA_HEX, unwrappedV15 } from '../helpers/metadata.js';

const text = (value: string) => new TextEncoder().encode(value);
const rpc = (result: string) => text(JSON.stringify({ jsonrpc: '2.0', result, id: 1 }));
const META = [0x6d, 0x65, 0x74, 0x61];

/** The one refusal `input` gets: a DamagedFileError whose message matches. */
function refusal(input: Uint8Array, message: RegExp): DamagedFileError {
  let caught: unknown;
  try {
    readMetadataInput(input, 'meta.hex');
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DamagedFileError);
  expect((caught as Error).message).toMatch(message);
  expect((caught as DamagedFileError).hint).toMatch(/state_getMetadata|Metadata_metadata_at_version/);
  return caught as DamagedFileError;
}

describe('real metadata', () => {
  it.each([
    ['polkadot V14', METADATA_HEX.polkadotV14, 14, polkadotVersion, 0],
    ['kusama V14', METADATA_HEX.kusamaV14, 14, kusamaVersion, 2],
    ['polkadot V15', METADATA_HEX.polkadotV15, 15, polkadotV15Version, 0],
    ['kusama V15', METADATA_HEX.kusamaV15, 15, kusamaV15Version, 2],
  ] as const)('%s: its version, runtime, SS58 prefix and signed extensions', (_, hex, version, runtime, prefix) => {
    const info = readMetadataInput(text(hex));
    expect(info.version).toBe(version);
    expect(info.specName).toBe(runtime.specName);
    expect(info.specVersion).toBe(runtime.specVersion);
    expect(info.ss58Prefix).toBe(prefix);
    expect(info.signedExtensions).toEqual(
      expect.arrayContaining(['CheckSpecVersion', 'CheckGenesis', 'CheckMortality', 'CheckNonce', 'CheckMetadataHash']),
    );
    expect([...info.bytes.subarray(0, 5)]).toEqual([...META, version]);
  });

  it('opens the bytes into a registry that knows the chain’s calls', () => {
    const { registry } = openMetadata(hexBytes(METADATA_HEX.polkadotV14));
    expect(registry.findMetaCall(new Uint8Array([0, 0])).section).toBe('system');
    expect(registry.chainSS58).toBe(0);
  });
});

describe('the forms a node returns', () => {
  const v14 = hexBytes(METADATA_HEX.polkadotV14);
  const v15 = unwrappedV15(METADATA_HEX.polkadotV15);
  const hex = (bytes: Uint8Array) => `0x${Buffer.from(bytes).toString('hex')}`;

  it.each([
    ['hex text', text(METADATA_HEX.polkadotV14)],
    ['hex text without 0x, upper case, with a line end', text(`${METADATA_HEX.polkadotV14.slice(2).toUpperCase()}\n`)],
    ['a JSON-RPC answer', rpc(METADATA_HEX.polkadotV14)],
    [
      'a JSON-RPC answer, pretty-printed with a BOM',
      text(`\ufeff${JSON.stringify({ jsonrpc: '2.0', id: 7, result: METADATA_HEX.polkadotV14 }, null, 2)}\n`),
    ],
    ['raw bytes', v14],
    ['Option<OpaqueMetadata> bytes', u8aConcat([1], compactToU8a(v14.length), v14)],
    ['OpaqueMetadata bytes (Metadata_metadata)', u8aConcat(compactToU8a(v14.length), v14)],
  ])('V14 as %s', (_, input) => {
    expect(Buffer.from(readMetadataInput(input).bytes).equals(Buffer.from(v14))).toBe(true);
  });

  it.each([
    ['hex text', text(METADATA_HEX.polkadotV15)],
    ['a JSON-RPC answer', rpc(METADATA_HEX.polkadotV15)],
    ['raw Option<OpaqueMetadata> bytes', hexBytes(METADATA_HEX.polkadotV15)],
    ['unwrapped hex text', text(hex(v15))],
    ['unwrapped raw bytes', v15],
  ])('V15 as %s', (_, input) => {
    const info = readMetadataInput(input);
    expect(info.version).toBe(15);
    expect(Buffer.from(info.bytes).equals(Buffer.from(v15))).toBe(true);
  });

  it('gives a copy of its own, not a view into the input', () => {
    const input = hexBytes(METADATA_HEX.polkadotV15);
    const { bytes } = readMetadataInput(input);
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(bytes.length);
  });
});

describe('what is refused, with one message', () => {
  const v14 = hexBytes(METADATA_HEX.polkadotV14);

  it('text that is neither hex nor a node’s answer', () => {
    refusal(text('hello, world\n'), /meta\.hex is not chain metadata: neither metadata bytes nor hex text/);
    refusal(text(''), /empty/);
    refusal(text('0xabc'), /odd number of digits/);
    refusal(new Uint8Array([0xff, 0xfe, 0x00, 0x80]), /neither metadata bytes nor text/);
  });

  it('JSON that is cut, holds no result, or is the node’s error', () => {
    refusal(rpc(METADATA_HEX.polkadotV14).subarray(0, 5000), /JSON that does not parse/);
    refusal(text('{"jsonrpc":"2.0","id":1}'), /JSON whose result is not hex text/);
    refusal(
      text('{"jsonrpc":"2.0","id":1,"error":{"code":-32601,"message":"Method not found\\u001b[2J"}}'),
      /an error the node answered: Method not found\\x1b\[2J$/,
    );
  });

  it('bytes without the "meta" mark, and the answer None', () => {
    refusal(text('0x1234567890'), /without the "meta" mark/);
    refusal(new Uint8Array([0x00]), /"None": the node has no metadata of the version asked for/);
    // An Option whose length is not what follows it.
    refusal(u8aConcat([1], compactToU8a(v14.length + 1), v14), /without the "meta" mark/);
  });

  it('versions other than 14 and 15', () => {
    refusal(text(polkadotV13), /metadata version 13, older than airlock reads/);
    refusal(text(substrateV16), /metadata version 16, newer than airlock reads/);
    refusal(new Uint8Array([...META]), /it ends after its "meta" mark/);
  });

  it('metadata cut short, or with bytes after its end', () => {
    refusal(v14.subarray(0, v14.length - 1), /cut short or has bytes after its end|does not decode/);
    refusal(v14.subarray(0, 100_000), /cut short or has bytes after its end|does not decode/);
    refusal(v14.subarray(0, 12), /cut short or has bytes after its end|does not decode/);
    refusal(u8aConcat(v14, [0]), /cut short or has bytes after its end/);
  });

  it('a file larger than any metadata, before reading it', () => {
    const huge = new Uint8Array(MAX_METADATA_INPUT_BYTES + 1).fill(0x30);
    const started = performance.now();
    refusal(huge, /more than any chain's metadata \(at most 8\.0 MiB\)/);
    // Within the bound for hex text, beyond it as bytes: refused before parsing.
    const bytes = new Uint8Array(MAX_METADATA_BYTES + 1);
    bytes.set([...META, 14]);
    refusal(bytes, /holds 8\.0 MiB of metadata, more than any chain's/);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('metadata with bytes changed here and there: read, or refused with the one error, never a crash', () => {
    // A fixed sequence, so a failure can be run again.
    let seed = 0x2f6b3a91;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    for (let round = 0; round < 12; round++) {
      const changed = v14.slice();
      for (let flips = 0; flips < 1 + (round % 4); flips++)
        changed[5 + (next() % (changed.length - 5))] = next() & 0xff;
      try {
        expect(readMetadataInput(changed).version).toBe(14);
      } catch (error) {
        expect(error).toBeInstanceOf(DamagedFileError);
      }
    }
  });
});
