/**
 * Signing requests as the senders make them: polkadot.js's own `createSignPayload` and
 * `createFrames` (@polkadot/react-qr), and Polkadot Vault's RaptorQ frames made as its encoder
 * makes them (rust/qrcode_rtx in novasamatech/parity-signer) with the same crate.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createFrames, createSignPayload } from '@polkadot/react-qr/util';
import { compactToU8a, hexToU8a, u8aConcat } from '@polkadot/util';
import { encodeAddress } from '@polkadot/util-crypto';
import { Encoder, initSync } from 'raptorq/raptorq.js';
import vectors from '../fixtures/sign/uos-vectors.json' with { type: 'json' };

export const WESTEND_GENESIS = vectors.uosExample.genesisHash;
export const KUSAMA_GENESIS = vectors.vaultLegacyFrame.genesisHash;
export const CMD_TRANSACTION = 2;
export const CMD_MESSAGE = 3;

/** A transaction payload as polkadot.js's ExtrinsicPayload gives it: compact(len) ‖ call ‖ extensions. */
export function transactionPayload(call: Uint8Array, extensions = hexToU8a(vectors.uosExample.extensions)): Uint8Array {
  return u8aConcat(compactToU8a(call.length), call, extensions);
}

/** A `system.remark` call (pallet 0, call 0 on Westend) carrying `size` bytes: a request of any length. */
export function remarkCall(size: number, seed = 1): Uint8Array {
  const remark = Uint8Array.from({ length: size }, (_, i) => (i * 31 + seed * 7) & 0xff);
  return u8aConcat([0x00, 0x00], compactToU8a(size), remark);
}

/** A request made with polkadot.js's `createSignPayload` (sr25519, the only kind it makes). */
export function polkadotJsRequest(
  publicKey: string,
  cmd: number,
  payload: Uint8Array,
  genesisHash: string,
): Uint8Array {
  return createSignPayload(encodeAddress(publicKey), cmd, payload, genesisHash);
}

/** A request for any crypto byte, laid out as UOS lays it out. */
export function uosRequest(
  cryptoByte: number,
  action: number,
  publicKey: Uint8Array,
  payload: Uint8Array,
  genesis: string,
) {
  return u8aConcat([0x53, cryptoByte, action], publicKey, payload, hexToU8a(genesis));
}

/** polkadot.js's frames of a request: `00 ‖ count ‖ index ‖ 1,024 bytes`. */
export const polkadotJsFrames = (request: Uint8Array): Uint8Array[] => createFrames(request);

let raptorqStarted = false;

/**
 * Vault's RaptorQ frames: 1,072-byte symbols, about as many repair packets as source packets,
 * each prefixed with u32be(0x80000000 | length).
 */
export function vaultRaptorqFrames(request: Uint8Array, chunk = 1072): Uint8Array[] {
  if (!raptorqStarted) {
    initSync(readFileSync(createRequire(import.meta.url).resolve('raptorq/raptorq_bg.wasm')));
    raptorqStarted = true;
  }
  const repair = request.length <= chunk ? 0 : Math.floor(request.length / chunk);
  const encoder = Encoder.with_defaults(request, chunk);
  try {
    const prefix = Buffer.alloc(4);
    prefix.writeUInt32BE((0x80000000 | request.length) >>> 0);
    return encoder.encode(repair).map((packet) => u8aConcat(prefix, packet));
  } finally {
    encoder.free();
  }
}
