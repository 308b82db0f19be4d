/**
 * The QR codes a signing request travels in, told apart by their first byte as Polkadot Vault's
 * reader does (rust/qr_reader_phone in novasamatech/parity-signer):
 *
 * - RaptorQ frames, Vault's own: `u32be(0x80000000 | length) ‖ packet`, the packet a serialized
 *   RaptorQ encoding packet (block number, symbol id, symbol).
 * - legacy multipart frames, polkadot.js's `createFrames` and Nova's:
 *   `00 ‖ u16be count ‖ u16be index ‖ data`, the request cut into 1,024-byte pieces.
 * - the request itself in one code, starting with 0x53.
 */
import { UserError } from '../errors.js';
import { formatBytes } from '../media/format-bytes.js';
import { isDenseFrame } from '../qr/dense.js';
import { PACKET_HEADER_BYTES, raptorqParametersProblem } from './raptorq.js';
import { MAX_REQUEST_BYTES, SUBSTRATE_PREFIX } from './request.js';

export type RequestCode =
  | { kind: 'whole'; bytes: Uint8Array }
  | { kind: 'legacy'; count: number; index: number; data: Uint8Array }
  | { kind: 'raptorq'; length: number; symbolSize: number; packet: Uint8Array }
  /** Any other code: an address, text, a frame of something else. */
  | { kind: 'other'; bytes: Uint8Array };

const RAPTORQ_FLAG = 0x80000000;
const RAPTORQ_PREFIX_BYTES = 4;
const LEGACY_HEADER_BYTES = 5;

/**
 * What one QR code's bytes are. A frame whose own header is impossible (an index past its count,
 * a transfer larger than airlock reads) is refused here, naming `source`, before anything is kept.
 */
export function requestCode(bytes: Uint8Array, source: string): RequestCode {
  // airlock's own dense frames start 00 41 01, which would read as legacy frame 257 of 16,641.
  if (isDenseFrame(bytes)) return { kind: 'other', bytes };
  const first = bytes[0];
  if (first !== undefined && first & 0x80 && bytes.length > RAPTORQ_PREFIX_BYTES + PACKET_HEADER_BYTES) {
    return raptorqCode(bytes, source);
  }
  if (first === 0x00 && bytes.length >= LEGACY_HEADER_BYTES) return legacyCode(bytes, source);
  if (first === SUBSTRATE_PREFIX) return { kind: 'whole', bytes: bytes.slice() };
  return { kind: 'other', bytes };
}

function raptorqCode(bytes: Uint8Array, source: string): RequestCode {
  const length = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).readUInt32BE(0) - RAPTORQ_FLAG;
  if (length > MAX_REQUEST_BYTES) throw tooLarge(source, length);
  const packet = bytes.slice(RAPTORQ_PREFIX_BYTES);
  const symbolSize = packet.length - PACKET_HEADER_BYTES;
  const problem = raptorqParametersProblem({ length, symbolSize });
  if (problem) throw new UserError(`${source} holds a RaptorQ frame airlock cannot read: ${problem}`, DAMAGED_HINT);
  if (packet[0] !== 0) {
    throw new UserError(
      `${source} holds a RaptorQ frame of source block ${packet[0]}, where a transfer of ${formatBytes(length)} has one`,
      DAMAGED_HINT,
    );
  }
  return { kind: 'raptorq', length, symbolSize, packet };
}

function legacyCode(bytes: Uint8Array, source: string): RequestCode {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const [count, index] = [view.readUInt16BE(1), view.readUInt16BE(3)];
  if (index >= count) {
    throw new UserError(`${source} holds a damaged frame: frame ${index + 1} of ${count}, past the last`, DAMAGED_HINT);
  }
  return { kind: 'legacy', count, index, data: bytes.slice(LEGACY_HEADER_BYTES) };
}

export const DAMAGED_HINT = 'take that picture again, or leave it out';

export function tooLarge(source: string, length: number): UserError {
  return new UserError(
    `${source} is a frame of a ${formatBytes(length)} request, larger than airlock reads (at most ${formatBytes(MAX_REQUEST_BYTES)})`,
    'send a smaller transaction',
  );
}
