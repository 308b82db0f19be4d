/**
 * A signing request as Polkadot Vault reads one (UOS, docs/src/development/UOS.md in
 * novasamatech/parity-signer): `0x53`, a crypto byte, an action byte, the signer's public key,
 * the payload, and the genesis hash of the chain, 32 bytes at the end.
 */
import { UserError } from '../errors.js';
import { formatBytes } from '../media/format-bytes.js';
import { whatCodeIs } from './foreign-code.js';

/** Every UOS code starts with it: Substrate content. */
export const SUBSTRATE_PREFIX = 0x53;

/**
 * The largest request airlock reads, in bytes. A transaction with a metadata proof (action 06) is
 * tens of KB and a batch of calls a few more; 1 MiB leaves room for any real one while bounding
 * what hostile frames can make airlock hold, and is still under 1,000 of Vault's RaptorQ frames.
 */
export const MAX_REQUEST_BYTES = 1024 * 1024;

export type CryptoType = 'ed25519' | 'sr25519' | 'ecdsa';
export type RequestAction = 'transaction' | 'message' | 'proof-transaction';

export interface SignRequest {
  crypto: CryptoType;
  action: RequestAction;
  /** The action byte as sent: 00 or 02 for a transaction (polkadot.js sends 02), 03, 06. */
  actionByte: number;
  /** 32 bytes; 33 (compressed) for ecdsa. */
  publicKey: Uint8Array;
  /**
   * What lies between the key and the genesis hash: `compact(len) ‖ call ‖ extensions` for a
   * transaction, the proof and then that for 06, the message for 03.
   */
  payload: Uint8Array;
  /** 0x hex, lowercase. */
  genesisHash: string;
}

const CRYPTO: Readonly<Record<number, CryptoType>> = { 0x00: 'ed25519', 0x01: 'sr25519', 0x02: 'ecdsa' };
const KEY_BYTES: Readonly<Record<CryptoType, number>> = { ed25519: 32, sr25519: 32, ecdsa: 33 };
const ACTIONS: Readonly<Record<number, RequestAction>> = {
  0x00: 'transaction',
  0x02: 'transaction',
  0x03: 'message',
  0x06: 'proof-transaction',
};
const GENESIS_BYTES = 32;
const PRELUDE_BYTES = 3;

const METADATA_HINT =
  'airlock takes metadata as a file instead: `airlock metadata add FILE` with what an online node returns';

/** Actions Vault knows that airlock does not sign: what each is, and what to do instead. */
const REFUSED_ACTIONS: Readonly<Record<number, { what: string; hint: string }>> = {
  0x04: { what: 'several transactions at once', hint: 'send the transactions one at a time' },
  0x05: { what: 'a transaction for a dynamically derived key', hint: 'sign with an account airlock keeps' },
  0x07: { what: 'a transaction for a dynamically derived key', hint: 'sign with an account airlock keeps' },
  0x08: { what: 'a message for any chain', hint: 'send the message for one chain' },
  0x7f: { what: 'a Polkadot Vault metadata update', hint: METADATA_HINT },
  0x80: { what: 'a Polkadot Vault metadata update', hint: METADATA_HINT },
  0x81: { what: 'a Polkadot Vault types update', hint: METADATA_HINT },
  0xc1: { what: 'a Polkadot Vault network update', hint: `airlock knows a chain by its metadata: ${METADATA_HINT}` },
  0xde: { what: 'a Polkadot Vault derivations import', hint: 'derive accounts with `airlock account derive`' },
};

const DAMAGED_HINT = 'read the request again: a code may be damaged or missing';

/** The request in `bytes`, or one UserError saying why airlock will not sign it. */
export function parseSignRequest(bytes: Uint8Array): SignRequest {
  if (bytes.length > MAX_REQUEST_BYTES) {
    throw new UserError(
      `the signing request is ${formatBytes(bytes.length)}, larger than airlock reads (at most ${formatBytes(MAX_REQUEST_BYTES)})`,
      'send a smaller transaction',
    );
  }
  if (bytes[0] !== SUBSTRATE_PREFIX) {
    throw new UserError(
      `this is not a signing request: it holds ${whatCodeIs(bytes)}`,
      'show airlock the QR code the wallet shows for signing',
    );
  }
  if (bytes.length < PRELUDE_BYTES) throw tooShort(bytes.length);
  const [, cryptoByte, actionByte] = bytes as unknown as [number, number, number];
  const refused = REFUSED_ACTIONS[actionByte];
  if (refused) throw new UserError(`this is not a signing request airlock takes: it is ${refused.what}`, refused.hint);
  const crypto = CRYPTO[cryptoByte];
  if (!crypto) {
    throw new UserError(
      `the signing request asks for a key type airlock does not know (crypto byte ${hexByte(cryptoByte)})`,
      'airlock signs with ed25519 (00), sr25519 (01) and ecdsa (02) keys',
    );
  }
  const action = actionOf(actionByte);
  const keyEnd = PRELUDE_BYTES + KEY_BYTES[crypto];
  if (bytes.length < keyEnd + GENESIS_BYTES) throw tooShort(bytes.length);
  const request: SignRequest = {
    crypto,
    action,
    actionByte,
    publicKey: bytes.slice(PRELUDE_BYTES, keyEnd),
    payload: bytes.slice(keyEnd, bytes.length - GENESIS_BYTES),
    genesisHash: `0x${Buffer.from(bytes.subarray(bytes.length - GENESIS_BYTES)).toString('hex')}`,
  };
  // A proof comes first in a 06 payload: its transaction is checked where the proof is decoded.
  if (action === 'transaction') checkTransactionPayload(request.payload);
  return request;
}

function actionOf(actionByte: number): RequestAction {
  const action = ACTIONS[actionByte];
  if (action) return action;
  if (actionByte === 0x01) {
    throw new UserError(
      'the signing request holds only a hash of the transaction: airlock never signs what it cannot show',
      'send the call itself: polkadot.js apps sends a hash for calls over 5,000 bytes, so split the call into smaller ones, or use a wallet that sends the call',
    );
  }
  throw new UserError(
    `the signing request asks for an action airlock does not know (action byte ${hexByte(actionByte)})`,
    'airlock signs transactions (00, 02, 06) and messages (03)',
  );
}

/**
 * A transaction payload is `compact(len) ‖ call ‖ extensions`: the length must be there and the
 * call fit in what follows, so a truncated request is refused before anything is decoded.
 */
function checkTransactionPayload(payload: Uint8Array): void {
  const prefix = compactLength(payload);
  if (!prefix || prefix.length < 2 || prefix.offset + prefix.length > payload.length) {
    throw new UserError(
      'the signing request is damaged: its call does not fit in the transaction it sends',
      DAMAGED_HINT,
    );
  }
}

/** A SCALE compact holding a length (below 2^32), or undefined when it is cut short or larger. */
export function compactLength(bytes: Uint8Array): { offset: number; length: number } | undefined {
  const first = bytes[0];
  if (first === undefined) return undefined;
  const mode = first & 0b11;
  if (mode === 0b11) {
    // Big-integer mode: 4 bytes at most for a length; more would be no request airlock reads.
    const count = (first >> 2) + 4;
    if (count !== 4 || bytes.length < 5) return undefined;
    return { offset: 5, length: Buffer.from(bytes.subarray(1, 5)).readUInt32LE() };
  }
  const width = 1 << mode;
  if (bytes.length < width) return undefined;
  let value = 0;
  for (let i = width - 1; i >= 0; i--) value = value * 256 + bytes[i]!;
  return { offset: width, length: Math.floor(value / 4) };
}

function tooShort(length: number): UserError {
  return new UserError(`the signing request is too short to be one (${length} bytes)`, DAMAGED_HINT);
}

const hexByte = (byte: number) => byte.toString(16).padStart(2, '0');
