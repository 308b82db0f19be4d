import { URDecoder } from '@ngraveio/bc-ur';
import { FountainEncoderPart, getCRC } from './bc-ur.js';
import { MAX_TRANSFER_BYTES } from './frames.js';

/** What one UR frame says about itself, enough to tell transfers apart. */
export type UrFrame =
  /** `checksum`: the CRC-32 of its message, as the parts of a transfer of the same payload carry it. */
  | { kind: 'single'; type: string; payload: Uint8Array; checksum: number }
  | { kind: 'part'; type: string; transfer: string; part: FountainEncoderPart };

/**
 * The shortest fragment `airlock qr show` cuts: a payload of MAX_TRANSFER_BYTES in UR frames of
 * version 4, the smallest that holds one (dense frames start at version 3 with 27 bytes).
 * A test pins it to what the frame planner does.
 */
export const MIN_SHOWN_FRAGMENT = 23;

/**
 * The most parts a transfer airlock reads can have: the largest payload (as a CBOR byte string,
 * 5 bytes of head) cut into the shortest fragments. Working out which fragments a part mixes
 * costs time and memory in proportion to the parts: a frame claiming more is refused unread.
 */
export const MAX_TRANSFER_PARTS = Math.ceil((MAX_TRANSFER_BYTES + 5) / MIN_SHOWN_FRAGMENT);

/** A frame of a transfer of more parts than MAX_TRANSFER_PARTS. */
export class TooManyParts extends Error {
  constructor(readonly parts: number) {
    super(`a transfer of ${parts} parts, more than airlock reads (at most ${MAX_TRANSFER_PARTS})`);
  }
}

export const isUr = (text: string): boolean => /^ur:/iu.test(text);

/**
 * Parses and checks a UR frame (its bytewords checksum, its CBOR). Throws, with the reason,
 * when the frame is damaged; `isUr` tells a UR from any other QR text first.
 */
export function parseUrFrame(text: string): UrFrame {
  const [type, components] = URDecoder.parse(text);
  if (components.length === 1) {
    const ur = URDecoder.decode(text);
    return { kind: 'single', type, payload: new Uint8Array(ur.decodeCBOR()), checksum: getCRC(ur.cbor) };
  }
  if (components.length !== 2) throw new Error('a UR has a type, at most a sequence, and a body');
  const [sequence, body] = components as [string, string];
  const [seqNum, seqLength] = URDecoder.parseSequenceComponent(sequence) as [number, number];
  if (!Number.isSafeInteger(seqLength)) throw new Error('its count of parts is not a number');
  // Before any work on the body: what the count claims is what solving it would cost.
  if (seqLength > MAX_TRANSFER_PARTS) throw new TooManyParts(seqLength);
  // A body decodes (bytewords and their checksum) as a one-part UR of the same type would.
  const part = FountainEncoderPart.fromCBOR(URDecoder.decode(`ur:${type}/${body}`).cbor);
  if (part.seqNum !== seqNum || part.seqLength !== seqLength)
    throw new Error('the sequence in its text and in its body differ');
  // An encoder cuts the message into fragments of one length: their number follows from it.
  if (part.fragment.length === 0 || seqLength !== Math.ceil(part.messageLength / part.fragment.length)) {
    throw new Error('its count of fragments does not fit its length');
  }
  // Parts of one transfer share the message's length and checksum, and how it was cut.
  const transfer = `${type}/${seqLength}/${part.messageLength}/${part.checksum}/${part.fragment.length}`;
  return { kind: 'part', type, transfer, part };
}
