import { URDecoder } from '@ngraveio/bc-ur';
import { UserError } from '../errors.js';
import { isUr, parseUrFrame } from './ur-part.js';

/** What became of one decoded QR text. */
export type FrameVerdict = 'new' | 'duplicate' | 'other-transfer' | 'not-a-frame';

export type Reassembled = { kind: 'bytes'; payload: Uint8Array } | { kind: 'text'; text: string };

export interface Progress {
  /** Fragments recovered of the leading transfer, 0..1. */
  fraction: number;
  /** Frames of plain fragments it still lacks (more may be needed when only mixes come). */
  missing: number;
}

/**
 * Puts UR frames back together in any order. Frames of several transfers are kept apart;
 * the first transfer to complete is the result, the others' frames count as skipped.
 */
export class Reassembly {
  private readonly seen = new Set<string>();
  private readonly transfers = new Map<string, URDecoder>();
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
      throw new UserError(`${source} holds a damaged UR frame (${(error as Error).message || 'bad checksum'})`, 'take that picture again, or leave it out');
    }
    if (frame.type !== 'bytes') throw new UserError(`${source} holds a ur:${frame.type}, which airlock does not read`, 'airlock reads ur:bytes transfers');
    if (frame.kind === 'single') {
      this.done = frame.payload;
      return 'new';
    }
    const leading = this.leading();
    let decoder = this.transfers.get(frame.transfer);
    if (!decoder) this.transfers.set(frame.transfer, (decoder = new URDecoder()));
    decoder.receivePart(text.toLowerCase());
    if (decoder.isError()) throw new UserError(`the frames read so far do not add up to what they claim (${source} may be damaged)`, 'take the pictures again');
    if (decoder.isSuccess()) this.done = new Uint8Array(decoder.resultUR().decodeCBOR());
    return leading === undefined || leading === decoder ? 'new' : 'other-transfer';
  }

  get complete(): boolean {
    return this.done !== undefined;
  }

  /** The leading transfer's progress: the one with the most fragments recovered. */
  progress(): Progress {
    if (this.done) return { fraction: 1, missing: 0 };
    const decoder = this.leading();
    if (!decoder) return { fraction: 0, missing: 0 };
    const total = decoder.expectedPartCount();
    const have = decoder.receivedPartIndexes().length;
    return { fraction: have / total, missing: total - have };
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
      throw new UserError(`the pictures hold ${this.plainTexts.length} different QR codes, and none is a frame of a transfer`, 'read them one at a time');
    }
    throw new UserError('no QR code found in the pictures', 'make sure the whole code is in the picture, sharp and evenly lit');
  }

  private leading(): URDecoder | undefined {
    let best: URDecoder | undefined;
    for (const decoder of this.transfers.values()) {
      if (!best || decoder.receivedPartIndexes().length > best.receivedPartIndexes().length) best = decoder;
    }
    return best;
  }
}
