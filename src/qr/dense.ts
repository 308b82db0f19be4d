import { bytewords, FountainEncoderPart, getCRC } from './bc-ur.js';

/**
 * Dense frames carry the very parts of a UR transfer, but as raw bytes in a byte-mode QR
 * code instead of spelled out in bytewords: 8 bits a byte instead of 11, so a frame of the
 * same size holds about 1.4 times the payload. The fountain code, and so reading in any
 * order with frames missing, is the UR's own. Only airlock reads them: a dense frame turns
 * back into the UR text it stands for as soon as it is decoded.
 *
 * A frame: DENSE_MAGIC, the part's CBOR, and the CRC-32 of that CBOR (big-endian), the
 * same checksum bytewords append.
 */
export const DENSE_MAGIC: Uint8Array = Uint8Array.from([0x00, 0x41, 0x01]);
const CRC_BYTES = 4;

export function denseFrame(part: FountainEncoderPart): Uint8Array {
  const cbor = part.cbor();
  const frame = Buffer.alloc(DENSE_MAGIC.length + cbor.length + CRC_BYTES);
  frame.set(DENSE_MAGIC, 0);
  cbor.copy(frame, DENSE_MAGIC.length);
  frame.writeUInt32BE(getCRC(cbor), DENSE_MAGIC.length + cbor.length);
  return new Uint8Array(frame.buffer, frame.byteOffset, frame.length);
}

/** The UR text of a part, uppercased as a UR frame is drawn: what a reader of either framing gets. */
export function urPartText(part: FountainEncoderPart): string {
  const body = bytewords.encode(part.cbor().toString('hex'), bytewords.STYLES.MINIMAL);
  return `ur:bytes/${part.seqNum}-${part.seqLength}/${body}`.toUpperCase();
}

export const isDenseFrame = (bytes: Uint8Array): boolean =>
  bytes.length > DENSE_MAGIC.length + CRC_BYTES && DENSE_MAGIC.every((byte, i) => bytes[i] === byte);

/**
 * The UR text a dense frame stands for. Throws, with the reason, when the frame is damaged:
 * a checksum that does not match, or a part that does not parse.
 */
export function urTextOfDenseFrame(bytes: Uint8Array): string {
  const frame = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const cbor = frame.subarray(DENSE_MAGIC.length, frame.length - CRC_BYTES);
  if (frame.readUInt32BE(frame.length - CRC_BYTES) !== getCRC(cbor)) throw new Error('bad checksum');
  let part: FountainEncoderPart;
  try {
    part = FountainEncoderPart.fromCBOR(cbor);
  } catch {
    throw new Error('not a UR part');
  }
  return urPartText(part);
}

/** What a decoded QR code says: its text, or for a dense frame, the UR text it carries. */
export function qrCodeText(found: { data: string; binaryData: ArrayLike<number> }): string {
  const bytes = Uint8Array.from(found.binaryData);
  return isDenseFrame(bytes) ? urTextOfDenseFrame(bytes) : found.data;
}
