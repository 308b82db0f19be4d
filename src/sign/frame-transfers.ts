/**
 * One request's frames as they come in, of each kind: the pieces put back in order, the packets
 * decoded, or the whole request in one code. Each says how far it is and what it still needs.
 */
import { UserError } from '../errors.js';
import { countOf } from '../count.js';
import type { RequestCode } from './frame-kinds.js';
import { DAMAGED_HINT, tooLarge } from './frame-kinds.js';
import { raptorqDecode, sourceSymbols, symbolId, type RaptorqTransfer } from './raptorq.js';
import { MAX_REQUEST_BYTES } from './request.js';

export interface Transfer {
  /** Distinct frames taken. */
  readonly seen: number;
  /** Frames needed at the least. */
  readonly needed: number;
  /** The request, once the frames are enough. */
  readonly result: Uint8Array | undefined;
  /** Takes a frame of this transfer (new: not one taken already); throws when it contradicts them. */
  add(code: RequestCode, source: string): void;
  /** What is missing, in words: `frames 2 and 4 of 5 are missing`. */
  missing(): string;
}

const MIXED_HINT = 'read the pictures of one request at a time';

/** The request in one code: complete as soon as it is seen. */
export class WholeRequest implements Transfer {
  readonly seen = 1;
  readonly needed = 1;
  constructor(readonly result: Uint8Array) {}
  add(): void {}
  missing(): string {
    return 'nothing is missing';
  }
}

/** polkadot.js's frames: `count` pieces, put together in index order once all are there. */
export class LegacyTransfer implements Transfer {
  private readonly pieces = new Map<number, Uint8Array>();
  private bytes = 0;
  result: Uint8Array | undefined;
  constructor(readonly needed: number) {}

  get seen(): number {
    return this.pieces.size;
  }

  add(code: RequestCode, source: string): void {
    if (code.kind !== 'legacy') return;
    const taken = this.pieces.get(code.index);
    if (taken) {
      if (Buffer.compare(taken, code.data) === 0) return;
      throw new UserError(
        `${source} is frame ${code.index + 1} of ${this.needed}, but another picture holds a different frame ${code.index + 1}: two requests are mixed`,
        MIXED_HINT,
      );
    }
    this.bytes += code.data.length;
    if (this.bytes > MAX_REQUEST_BYTES) throw tooLarge(source, this.bytes);
    this.pieces.set(code.index, code.data);
    if (this.pieces.size === this.needed) {
      const inOrder = [...this.pieces.entries()].sort(([a], [b]) => a - b).map(([, data]) => data);
      this.result = new Uint8Array(Buffer.concat(inOrder));
    }
  }

  missing(): string {
    const absent: number[] = [];
    for (let i = 0; i < this.needed && absent.length < 6; i++) if (!this.pieces.has(i)) absent.push(i + 1);
    const more = this.needed - this.seen - absent.length;
    const listed = absent.length === 1 ? String(absent[0]) : `${absent.slice(0, -1).join(', ')} and ${absent.at(-1)}`;
    return more > 0
      ? `frames ${absent.join(', ')} and ${more} more of ${this.needed} are missing`
      : `${absent.length === 1 ? 'frame' : 'frames'} ${listed} of ${this.needed} ${absent.length === 1 ? 'is' : 'are'} missing`;
  }
}

/**
 * Extra packets tried past the source symbols before the frames are called bad: RaptorQ
 * decodes from K + h packets with probability 1 - 1/256^(h+1), so honest frames never need these.
 */
const SPARE_PACKETS = 16;

/** Vault's RaptorQ frames: any `needed` of them, or a few more, in any order. */
export class RaptorqTransferFrames implements Transfer {
  private readonly packets = new Map<number, Uint8Array>();
  readonly needed: number;
  result: Uint8Array | undefined;
  constructor(private readonly transfer: RaptorqTransfer) {
    this.needed = sourceSymbols(transfer);
  }

  get seen(): number {
    return this.packets.size;
  }

  add(code: RequestCode, source: string): void {
    if (code.kind !== 'raptorq' || this.result) return;
    const id = symbolId(code.packet);
    const taken = this.packets.get(id);
    if (taken) {
      if (Buffer.compare(taken, code.packet) === 0) return;
      throw new UserError(
        `${source} is RaptorQ frame ${id + 1}, but another picture holds a different frame ${id + 1}: two requests are mixed`,
        MIXED_HINT,
      );
    }
    this.packets.set(id, code.packet);
    if (this.packets.size < this.needed) return;
    if (this.packets.size > this.needed * 2 + SPARE_PACKETS) {
      throw new UserError(
        `the RaptorQ frames do not decode after ${countOf(this.packets.size, 'frame')} (${source} and the others may be damaged or forged)`,
        DAMAGED_HINT,
      );
    }
    this.result = decodeOrRefuse(this.transfer, [...this.packets.values()], source);
  }

  missing(): string {
    const more = this.needed - this.seen;
    return more > 0 ? `about ${countOf(more, 'more frame')} needed` : 'one or two more frames needed';
  }
}

function decodeOrRefuse(transfer: RaptorqTransfer, packets: Uint8Array[], source: string): Uint8Array | undefined {
  try {
    return raptorqDecode(transfer, packets);
  } catch {
    throw new UserError(`the RaptorQ frames do not decode (${source} may be damaged)`, DAMAGED_HINT);
  }
}
