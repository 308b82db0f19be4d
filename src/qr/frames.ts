import { UR, UREncoder } from '@ngraveio/bc-ur';
import { alphanumericCapacity } from './capacity.js';
import { smallestVersion, type Fit } from './fit.js';

/**
 * Anything larger than one frame leaves as a Blockchain Commons UR (`ur:bytes`), fountain
 * coded: after the plain fragments come endless mixes of them, so a reader can start at any
 * frame and miss some. Uppercased, a UR is all QR alphanumeric characters.
 */

/** Sequence numbers stay below this, so a frame never outgrows the size it was fitted for. */
const SEQ_LIMIT = 0xffff;
const MIN_FRAGMENT = 10;

export interface FramePlan extends Fit {
  /** Payload bytes a frame carries at most. */
  fragmentLength: number;
  /** Frames of plain fragments: a lossless reader needs this many. */
  parts: number;
}

/**
 * The largest fragment whose frames fit `fit.version`. A payload that fits one frame gets
 * the smallest version holding it instead: bigger modules scan more easily.
 */
export function planFrames(payload: Uint8Array, fit: Fit): FramePlan | undefined {
  const ur = UR.fromBuffer(Buffer.from(payload));
  const capacity = alphanumericCapacity(fit.version);
  const single = UREncoder.encodeSinglePart(ur).length;
  if (single <= capacity) {
    const version = smallestVersion(single, alphanumericCapacity)!;
    return { version, margin: fit.margin, fragmentLength: Math.max(MIN_FRAGMENT, ur.cbor.length), parts: 1 };
  }
  let low = MIN_FRAGMENT;
  let high = Math.floor(capacity / 2);
  if (longestFrame(ur, low) > capacity) return undefined;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (longestFrame(ur, mid) <= capacity) low = mid;
    else high = mid - 1;
  }
  return { ...fit, fragmentLength: low, parts: new UREncoder(ur, low).fragmentsLength };
}

/** A frame's length is largest at the last sequence number: more digits, a longer CBOR integer. */
function longestFrame(ur: UR, fragmentLength: number): number {
  return new UREncoder(ur, fragmentLength, SEQ_LIMIT - 1).nextPart().length;
}

/** The frames of one transfer, one after another, without end (a one-frame payload repeats). */
export class FrameSequence {
  readonly parts: number;
  private readonly ur: UR;
  private encoder: UREncoder;
  private sent = 0;

  constructor(
    payload: Uint8Array,
    private readonly fragmentLength: number,
  ) {
    this.ur = UR.fromBuffer(Buffer.from(payload));
    this.encoder = new UREncoder(this.ur, fragmentLength);
    this.parts = this.encoder.fragmentsLength;
  }

  /** The next frame's text, uppercased, and its number from 1. */
  next(): { text: string; number: number } {
    if (this.sent === SEQ_LIMIT - 1) {
      // Starting over repeats the same frames: to a reader, still the same transfer.
      this.encoder = new UREncoder(this.ur, this.fragmentLength);
      this.sent = 0;
    }
    this.sent += 1;
    return { text: this.encoder.nextPart().toUpperCase(), number: this.sent };
  }
}
