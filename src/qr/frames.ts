import { UR, UREncoder } from '@ngraveio/bc-ur';
import { FountainEncoder, type FountainEncoderPart } from './bc-ur.js';
import { alphanumericCapacity, byteCapacity } from './capacity.js';
import { denseFrame, urPartText } from './dense.js';
import { smallestVersion, type Fit } from './fit.js';

/**
 * Anything larger than one frame leaves as a Blockchain Commons UR (`ur:bytes`), fountain
 * coded: after the plain fragments come endless mixes of them, so a reader can start at any
 * frame and miss some. Uppercased, a UR is all QR alphanumeric characters.
 *
 * Framings: `ur`, the UR text any UR reader takes; `dense`, the same parts as raw bytes
 * (see dense.ts), about 1.4 times the payload a frame, which only airlock reads.
 */
export type Framing = 'ur' | 'dense';
export const FRAMINGS: readonly Framing[] = ['ur', 'dense'];

/** The largest payload sent as QR codes, and so read back: beyond it, removable media are the way. */
export const MAX_TRANSFER_BYTES = 1024 * 1024;

/** Sequence numbers stay below this, so a frame never outgrows the size it was fitted for. */
const SEQ_LIMIT = 0xffff;
const MIN_FRAGMENT = 10;

export interface FramePlan extends Fit {
  framing: Framing;
  /** Payload bytes a frame carries at most. */
  fragmentLength: number;
  /** Frames of plain fragments: a lossless reader needs this many. */
  parts: number;
}

/** One frame: what the QR code holds, and the UR text a reader makes of it. */
export interface Frame {
  content: string | Uint8Array;
  text: string;
  number: number;
}

/** The message a UR transfer fragments: the payload as a CBOR byte string, as `ur:bytes` holds it. */
const urMessage = (payload: Uint8Array): Buffer => UR.fromBuffer(Buffer.from(payload)).cbor;

const capacityOf = (framing: Framing) => (framing === 'ur' ? alphanumericCapacity : byteCapacity);

function frameOf(message: Buffer, part: FountainEncoderPart, framing: Framing): Omit<Frame, 'number'> {
  if (framing === 'dense') return { content: denseFrame(part), text: urPartText(part) };
  // A one-part UR has no sequence: `ur:bytes/<body>`, as UREncoder writes it.
  const text =
    part.seqLength === 1 ? UREncoder.encodeSinglePart(new UR(message, 'bytes')).toUpperCase() : urPartText(part);
  return { content: text, text };
}

const contentLength = ({ content }: Omit<Frame, 'number'>): number => content.length;

/**
 * The largest fragment whose frames fit `fit.version`. A payload that fits one frame gets
 * the smallest version holding it instead: bigger modules scan more easily.
 */
export function planFrames(payload: Uint8Array, fit: Fit, framing: Framing = 'ur'): FramePlan | undefined {
  const message = urMessage(payload);
  const capacity = capacityOf(framing);
  const whole = new FountainEncoder(message, Math.max(MIN_FRAGMENT, message.length));
  const single = contentLength(frameOf(message, whole.nextPart(), framing));
  if (single <= capacity(fit.version)) {
    const version = smallestVersion(single, capacity)!;
    return { version, margin: fit.margin, framing, fragmentLength: Math.max(MIN_FRAGMENT, message.length), parts: 1 };
  }
  const fits = (fragmentLength: number) => longestFrame(message, fragmentLength, framing) <= capacity(fit.version);
  let low = MIN_FRAGMENT;
  let high = capacity(fit.version);
  if (!fits(low)) return undefined;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  return { ...fit, framing, fragmentLength: low, parts: new FountainEncoder(message, low).fragmentsLength };
}

/** A frame is longest at the last sequence number: more digits, a longer CBOR integer. */
function longestFrame(message: Buffer, fragmentLength: number, framing: Framing): number {
  return contentLength(
    frameOf(message, new FountainEncoder(message, fragmentLength, SEQ_LIMIT - 1).nextPart(), framing),
  );
}

/** The frames of one transfer, one after another, without end (a one-frame payload repeats). */
export class FrameSequence {
  readonly parts: number;
  private readonly message: Buffer;
  private encoder: FountainEncoder;
  private sent = 0;

  constructor(
    payload: Uint8Array,
    private readonly fragmentLength: number,
    private readonly framing: Framing = 'ur',
  ) {
    this.message = urMessage(payload);
    this.encoder = new FountainEncoder(this.message, fragmentLength);
    this.parts = this.encoder.fragmentsLength;
  }

  next(): Frame {
    if (this.sent === SEQ_LIMIT - 1) {
      // Starting over repeats the same frames: to a reader, still the same transfer.
      this.encoder = new FountainEncoder(this.message, this.fragmentLength);
      this.sent = 0;
    }
    this.sent += 1;
    return { ...frameOf(this.message, this.encoder.nextPart(), this.framing), number: this.sent };
  }
}
