import { URDecoder } from '@ngraveio/bc-ur';
import { FountainEncoderPart } from './bc-ur.js';

/** What one UR frame says about itself, enough to tell transfers apart. */
export type UrFrame =
  | { kind: 'single'; type: string; payload: Uint8Array }
  | { kind: 'part'; type: string; transfer: string; part: FountainEncoderPart };

export const isUr = (text: string): boolean => /^ur:/iu.test(text);

/**
 * Parses and checks a UR frame (its bytewords checksum, its CBOR). Throws, with the reason,
 * when the frame is damaged; `isUr` tells a UR from any other QR text first.
 */
export function parseUrFrame(text: string): UrFrame {
  const [type, components] = URDecoder.parse(text);
  if (components.length === 1) {
    const ur = URDecoder.decode(text);
    return { kind: 'single', type, payload: new Uint8Array(ur.decodeCBOR()) };
  }
  if (components.length !== 2) throw new Error('a UR has a type, at most a sequence, and a body');
  const [sequence, body] = components as [string, string];
  const [seqNum, seqLength] = URDecoder.parseSequenceComponent(sequence);
  // A body decodes (bytewords and their checksum) as a one-part UR of the same type would.
  const part = FountainEncoderPart.fromCBOR(URDecoder.decode(`ur:${type}/${body}`).cbor);
  if (part.seqNum !== seqNum || part.seqLength !== seqLength) throw new Error('the sequence in its text and in its body differ');
  // An encoder cuts the message into fragments of one length: their number follows from it.
  if (part.fragment.length === 0 || seqLength !== Math.ceil(part.messageLength / part.fragment.length)) {
    throw new Error('its count of fragments does not fit its length');
  }
  // Parts of one transfer share the message's length and checksum, and how it was cut.
  const transfer = `${type}/${seqLength}/${part.messageLength}/${part.checksum}/${part.fragment.length}`;
  return { kind: 'part', type, transfer, part };
}
