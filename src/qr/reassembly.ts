import { UR } from '@ngraveio/bc-ur';
import { UserError } from '../errors.js';
import { printable, QUOTED } from '../printable.js';
import { formatBytes } from '../media/format-bytes.js';
import { FountainSolver } from './fountain.js';
import { MAX_TRANSFER_BYTES } from './frames.js';
import { isUr, parseUrFrame, TooManyParts } from './ur-part.js';

const TOO_LARGE_HINT = 'move it on a removable medium instead';

/** What became of one decoded QR text. */
export type FrameVerdict = 'new' | 'duplicate' | 'other-transfer' | 'not-a-frame';

export type Reassembled = { kind: 'bytes'; payload: Uint8Array } | { kind: 'text'; text: string };

export interface Progress {
  /** How much of the leading transfer the frames so far determine, 0..1. */
  fraction: number;
  /** Frames it still needs at the least: each new frame tells one fragment at most. */
  missing: number;
}

/**
 * Puts UR frames back together in any order. Frames of several transfers are kept apart;
 * the first transfer to complete is the result, the others' frames count as skipped.
 */
export class Reassembly {
  private readonly seen = new Set<string>();
  private readonly transfers = new Map<string, FountainSolver>();
  private readonly plainTexts: string[] = [];
  private done: Uint8Array | undefined;

  /** Takes one QR code's text, read from `source` (named in errors). */
  receive(text: string, source: string): FrameVerdict {
    if (this.seen.has(text.toLowerCase())) return 'duplicate';
    this.seen.add(text.toLowerCase());
    if (!isUr(text)) {
      this.plainTexts.push(text);
      return 'not-a-frame';
    }
    if (this.done) return 'other-transfer';
    let frame;
    try {
      frame = parseUrFrame(text);
    } catch (error) {
      if (error instanceof TooManyParts)
        throw new UserError(`${source} is a frame of ${error.message}`, TOO_LARGE_HINT);
      throw new UserError(
        `${source} holds a damaged UR frame (${(error as Error).message || 'bad checksum'})`,
        'take that picture again, or leave it out',
      );
    }
    if (frame.type !== 'bytes')
      throw new UserError(
        `${source} holds a ur:${printable(frame.type, QUOTED)}, which airlock does not read`,
        'airlock reads ur:bytes transfers',
      );
    if (frame.kind === 'single') {
      this.done = frame.payload;
      return 'new';
    }
    const { part } = frame;
    // The message is the payload as a CBOR byte string: 5 bytes of head at that size.
    if (part.messageLength > MAX_TRANSFER_BYTES + 5) {
      throw new UserError(
        `${source} is a frame of a ${formatBytes(part.messageLength)} transfer, larger than airlock reads (at most ${formatBytes(MAX_TRANSFER_BYTES)})`,
        TOO_LARGE_HINT,
      );
    }
    const leading = this.leading();
    let solver = this.transfers.get(frame.transfer);
    if (!solver)
      this.transfers.set(
        frame.transfer,
        (solver = new FountainSolver(part.seqLength, part.messageLength, part.checksum)),
      );
    try {
      solver.receive(part);
      const message = solver.message();
      if (message) this.done = new Uint8Array(new UR(Buffer.from(message)).decodeCBOR());
    } catch {
      throw new UserError(
        `the frames read so far do not add up to what they claim (${source} may be damaged)`,
        'take the pictures again',
      );
    }
    return leading === undefined || leading === solver ? 'new' : 'other-transfer';
  }

  get complete(): boolean {
    return this.done !== undefined;
  }

  /** The leading transfer's progress: the one its frames so far determine most of. */
  progress(): Progress {
    if (this.done) return { fraction: 1, missing: 0 };
    const solver = this.leading();
    if (!solver) return { fraction: 0, missing: 0 };
    return { fraction: solver.rank / solver.fragmentCount, missing: solver.fragmentCount - solver.rank };
  }

  /** The payload, or the text of a lone QR code that is no UR; a clear error for anything less. */
  result(): Reassembled {
    if (this.done) return { kind: 'bytes', payload: this.done };
    if (this.transfers.size > 0) {
      const { fraction, missing } = this.progress();
      throw new UserError(
        `the transfer is incomplete: ${Math.floor(fraction * 100)}% complete, about ${missing} more frame${missing === 1 ? '' : 's'} needed`,
        'capture more frames of the animated code and read them together with these',
      );
    }
    if (this.plainTexts.length === 1) return { kind: 'text', text: this.plainTexts[0]! };
    if (this.plainTexts.length > 1) {
      throw new UserError(
        `the pictures hold ${this.plainTexts.length} different QR codes, and none is a frame of a transfer`,
        'read them one at a time',
      );
    }
    throw new UserError(
      'no QR code found in the pictures',
      'make sure the whole code is in the picture, sharp and evenly lit',
    );
  }

  private leading(): FountainSolver | undefined {
    let best: FountainSolver | undefined;
    for (const solver of this.transfers.values()) if (!best || solver.rank > best.rank) best = solver;
    return best;
  }
}
