import { hexToU8a, u8aToHex } from '@polkadot/util';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { compactLength, MAX_REQUEST_BYTES, parseSignRequest } from '../../src/sign/request.js';
import { denseFrame } from '../../src/qr/dense.js';
import { FountainEncoder } from '../../src/qr/bc-ur.js';
import vectors from '../fixtures/sign/uos-vectors.json' with { type: 'json' };
import { ALICE } from '../helpers/dev-keys.js';
import { hexBytes, METADATA_HEX } from '../helpers/metadata.js';
import {
  CMD_MESSAGE,
  CMD_TRANSACTION,
  polkadotJsFrames,
  polkadotJsRequest,
  remarkCall,
  transactionPayload,
  uosRequest,
  WESTEND_GENESIS,
} from '../helpers/sign-requests.js';

const refusal = (bytes: Uint8Array): UserError => {
  try {
    parseSignRequest(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error('expected a refusal');
};

const KEY_32 = hexToU8a(ALICE.publicKey);
const KEY_33 = Uint8Array.from({ length: 33 }, (_, i) => (i === 0 ? 0x02 : i));

describe('parseSignRequest', () => {
  it("reads Vault's published example: Alice's Westend transfer, part by part", () => {
    const { request, publicKey, call, extensions, genesisHash } = vectors.uosExample;
    const parsed = parseSignRequest(hexToU8a(request));
    expect(parsed).toMatchObject({ crypto: 'sr25519', action: 'transaction', actionByte: 2, genesisHash });
    expect(u8aToHex(parsed.publicKey)).toBe(publicKey);
    expect(u8aToHex(parsed.payload)).toBe(u8aToHex(transactionPayload(hexToU8a(call), hexToU8a(extensions))));
  });

  it("reads what polkadot.js's createSignPayload makes, a transaction and a message", () => {
    const payload = transactionPayload(remarkCall(300));
    const transaction = parseSignRequest(polkadotJsRequest(ALICE.publicKey, CMD_TRANSACTION, payload, WESTEND_GENESIS));
    expect(transaction).toMatchObject({ crypto: 'sr25519', action: 'transaction', genesisHash: WESTEND_GENESIS });
    expect(transaction.payload).toEqual(payload);
    const message = new TextEncoder().encode('<Bytes>I own this account</Bytes>');
    const signed = parseSignRequest(polkadotJsRequest(ALICE.publicKey, CMD_MESSAGE, message, WESTEND_GENESIS));
    expect(signed).toMatchObject({ crypto: 'sr25519', action: 'message', actionByte: 3 });
    expect(new TextDecoder().decode(signed.payload)).toBe('<Bytes>I own this account</Bytes>');
  });

  it('reads each crypto type with its key length, the legacy action 00, and 06 without looking into its proof', () => {
    const payload = transactionPayload(remarkCall(10));
    expect(parseSignRequest(uosRequest(0x00, 0x00, KEY_32, payload, WESTEND_GENESIS))).toMatchObject({
      crypto: 'ed25519',
      action: 'transaction',
      actionByte: 0,
    });
    const ecdsa = parseSignRequest(uosRequest(0x02, 0x02, KEY_33, payload, WESTEND_GENESIS));
    expect(ecdsa.crypto).toBe('ecdsa');
    expect(ecdsa.publicKey).toEqual(KEY_33);
    expect(ecdsa.payload).toEqual(payload);
    // A proof leads a 06 payload, so its first bytes need not be a call's length.
    const proof = Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, ...payload);
    expect(parseSignRequest(uosRequest(0x01, 0x06, KEY_32, proof, WESTEND_GENESIS))).toMatchObject({
      action: 'proof-transaction',
      actionByte: 6,
    });
  });

  it('gives copies: the parts own their bytes, from offset 0', () => {
    const bytes = polkadotJsRequest(
      ALICE.publicKey,
      CMD_TRANSACTION,
      transactionPayload(remarkCall(40)),
      WESTEND_GENESIS,
    );
    const parsed = parseSignRequest(bytes);
    for (const part of [parsed.publicKey, parsed.payload]) {
      expect(part.buffer).not.toBe(bytes.buffer);
      expect(part.byteOffset).toBe(0);
      expect(part.buffer.byteLength).toBe(part.length);
    }
  });

  it('refuses a code that is no request, saying what it holds', () => {
    const text = (value: string) => new TextEncoder().encode(value);
    expect(refusal(text(`substrate:${ALICE.substrate}:${WESTEND_GENESIS}`)).message).toBe(
      'this is not a signing request: it holds an address QR code',
    );
    expect(refusal(text('UR:BYTES/1-3/LPADAXCFAXHLCY')).message).toMatch(/it holds a UR code/u);
    // Metadata given where a request was wanted: as state_getMetadata and Metadata_metadata_at_version answer.
    for (const metadata of [hexBytes(METADATA_HEX.polkadotV14), hexBytes(METADATA_HEX.polkadotV15)])
      expect(refusal(metadata).message).toBe(
        'this is not a signing request: it holds chain metadata, which `airlock metadata add FILE` keeps',
      );
    const dense = denseFrame(new FountainEncoder(Buffer.alloc(400, 7), 100).nextPart());
    expect(refusal(dense).message).toMatch(/it holds a frame of a file airlock sent/u);
    const request = polkadotJsRequest(
      ALICE.publicKey,
      CMD_TRANSACTION,
      transactionPayload(remarkCall(2000)),
      WESTEND_GENESIS,
    );
    expect(refusal(polkadotJsFrames(request)[0]!).message).toMatch(/a single frame of an animated request/u);
    expect(refusal(text('hello\u001b[2J')).message).toMatch(/it holds bytes 0x68656c6c6f1b5b32…$/u);
    expect(refusal(text('hello')).message).toBe('this is not a signing request: it holds the text "hello"');
    expect(refusal(new Uint8Array()).message).toBe('this is not a signing request: it holds nothing');
  });

  it('refuses a bare hash: airlock never signs what it cannot show', () => {
    const error = refusal(polkadotJsRequest(ALICE.publicKey, 1, new Uint8Array(32).fill(9), WESTEND_GENESIS));
    expect(error.message).toBe(
      'the signing request holds only a hash of the transaction: airlock never signs what it cannot show',
    );
    expect(error.hint).toMatch(/^send the call itself/u);
  });

  it("refuses Vault's updates, pointing to `airlock metadata add`, and actions it does not take", () => {
    const update = (action: number, crypto = 0xff) => refusal(Uint8Array.of(0x53, crypto, action, 1, 2, 3));
    expect(update(0x80).message).toBe(
      'this is not a signing request airlock takes: it is a Polkadot Vault metadata update',
    );
    expect(update(0x80, 0x01).hint).toMatch(/`airlock metadata add FILE`/u);
    expect(update(0x81).message).toMatch(/a Polkadot Vault types update$/u);
    expect(update(0xc1).hint).toMatch(/`airlock metadata add FILE`/u);
    expect(update(0xde).message).toMatch(/a Polkadot Vault derivations import$/u);
    expect(update(0x04, 0x01).message).toMatch(/several transactions at once$/u);
    const unknown = refusal(uosRequest(0x01, 0x09, KEY_32, new Uint8Array(8), WESTEND_GENESIS));
    expect(unknown.message).toBe('the signing request asks for an action airlock does not know (action byte 09)');
  });

  it('refuses an unknown crypto byte, a request too short, a call longer than the payload, and one too large', () => {
    const payload = transactionPayload(remarkCall(10));
    expect(refusal(uosRequest(0x03, 0x02, KEY_32, payload, WESTEND_GENESIS)).message).toBe(
      'the signing request asks for a key type airlock does not know (crypto byte 03)',
    );
    expect(refusal(Uint8Array.of(0x53, 0x01)).message).toBe('the signing request is too short to be one (2 bytes)');
    // An ecdsa key is 33 bytes: 32 of them and the genesis hash are too few.
    expect(refusal(uosRequest(0x02, 0x03, KEY_32, new Uint8Array(), WESTEND_GENESIS)).message).toMatch(/too short/u);
    const cut = payload.slice(0, 8); // the call's length says 15 bytes
    expect(refusal(uosRequest(0x01, 0x02, KEY_32, cut, WESTEND_GENESIS)).message).toBe(
      'the signing request is damaged: its call does not fit in the transaction it sends',
    );
    expect(refusal(uosRequest(0x01, 0x02, KEY_32, new Uint8Array(), WESTEND_GENESIS)).message).toMatch(/damaged/u);
    const huge = uosRequest(0x01, 0x03, KEY_32, new Uint8Array(MAX_REQUEST_BYTES), WESTEND_GENESIS);
    expect(refusal(huge).message).toBe('the signing request is 1.0 MiB, larger than airlock reads (at most 1.0 MiB)');
  });
});

describe('compactLength', () => {
  it('reads the four modes, and refuses one cut short or beyond a length', () => {
    expect(compactLength(Uint8Array.of(0xa4))).toEqual({ offset: 1, length: 41 });
    expect(compactLength(Uint8Array.of(0x15, 0x01))).toEqual({ offset: 2, length: 69 });
    expect(compactLength(Uint8Array.of(0x02, 0x00, 0x01, 0x00))).toEqual({ offset: 4, length: 16384 });
    expect(compactLength(Uint8Array.of(0x03, 0xff, 0xff, 0xff, 0xff))).toEqual({ offset: 5, length: 2 ** 32 - 1 });
    expect(compactLength(Uint8Array.of(0x01))).toBeUndefined();
    expect(compactLength(Uint8Array.of(0x07, 1, 2, 3, 4, 5))).toBeUndefined();
    expect(compactLength(new Uint8Array())).toBeUndefined();
  });
});
