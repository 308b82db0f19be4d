/**
 * RaptorQ (RFC 6330) decoding, as Polkadot Vault's reader does it, with the very crate Vault
 * uses (cberner/raptorq) compiled to WebAssembly. The crate panics on packets that do not fit the
 * parameters it was given, which in WebAssembly leaves the instance unusable and writes to the
 * console; so every packet and parameter is checked here first, and a panic that still happens
 * throws the instance away.
 */
import { readFileSync } from 'node:fs';
import { Decoder, initSync } from 'raptorq/raptorq.js';
import { packageFilePath } from '../shipped-files.js';

/** A serialized packet: source block number (1 byte), encoding symbol id (3), then the symbol. */
export const PACKET_HEADER_BYTES = 4;

/**
 * Symbol sizes the crate's default parameters take: a multiple of its 8-byte alignment, and at
 * least 64 bytes (below that it panics). The largest is what a QR code holds with the headers.
 */
const SYMBOL_ALIGNMENT = 8;
const MIN_SYMBOL_BYTES = 64;
const MAX_SYMBOL_BYTES = 2953 - PACKET_HEADER_BYTES - 4;

/**
 * Source symbols, the least number of frames a transfer needs. Vault sends 1,072-byte symbols,
 * so a 1 MiB request is 979 of them; more would be frames nobody can film, and every decoding
 * attempt costs time that grows with the count. Within this and 1 MiB, the crate's defaults make
 * one source block of one sub-block, so a packet of any other source block is no packet of ours.
 */
export const MAX_SOURCE_SYMBOLS = 2048;

export interface RaptorqTransfer {
  /** The length of what was sent, in bytes. */
  length: number;
  /** The bytes of each symbol: every packet's length less its header. */
  symbolSize: number;
}

/** Why a transfer's parameters are none airlock decodes, or undefined when they are fine. */
export function raptorqParametersProblem({ length, symbolSize }: RaptorqTransfer): string | undefined {
  if (symbolSize % SYMBOL_ALIGNMENT !== 0 || symbolSize < MIN_SYMBOL_BYTES || symbolSize > MAX_SYMBOL_BYTES) {
    return `its packets carry ${symbolSize} bytes, which is no RaptorQ symbol size a sender uses`;
  }
  if (length < 1) return 'it says it carries nothing';
  if (sourceSymbols({ length, symbolSize }) > MAX_SOURCE_SYMBOLS) {
    return `it would take ${sourceSymbols({ length, symbolSize })} frames at the least (airlock reads at most ${MAX_SOURCE_SYMBOLS})`;
  }
  return undefined;
}

/** The frames a transfer needs at the least: one for each source symbol. */
export const sourceSymbols = ({ length, symbolSize }: RaptorqTransfer): number => Math.ceil(length / symbolSize);

/** Whether a serialized packet fits a transfer: its size, and the one source block. */
export const packetFits = (packet: Uint8Array, transfer: RaptorqTransfer): boolean =>
  packet.length === PACKET_HEADER_BYTES + transfer.symbolSize && packet[0] === 0;

/** The encoding symbol id of a serialized packet (24 bits, big-endian, after the block number). */
export const symbolId = (packet: Uint8Array): number => (packet[1]! << 16) | (packet[2]! << 8) | packet[3]!;

/**
 * What the packets decode to, or undefined when they are not yet enough. The caller has checked
 * the parameters (`raptorqParametersProblem`) and every packet (`packetFits`). A decoder is made
 * for each attempt and freed after it: the work is in the attempt, not in keeping one.
 */
export function raptorqDecode(transfer: RaptorqTransfer, packets: readonly Uint8Array[]): Uint8Array | undefined {
  startRaptorq();
  let decoder: Decoder | undefined;
  try {
    decoder = Decoder.with_defaults(BigInt(transfer.length), transfer.symbolSize);
    for (const packet of packets) {
      const result = decoder.decode(packet);
      if (result) return result;
    }
    return undefined;
  } catch (error) {
    // A panic: this instance is unsafe to use again, its decoder included.
    started = false;
    decoder = undefined;
    throw error;
  } finally {
    decoder?.free();
  }
}

let wasmFile: Buffer | undefined;
let started = false;

/** The crate, from the package's own .wasm file on disk, started on the first animated request. */
function startRaptorq(): void {
  if (started) return;
  wasmFile ??= readFileSync(packageFilePath('raptorq'));
  // A fresh instance each time: the package's classes use whichever was started last.
  initSync(wasmFile);
  started = true;
}
