/** Why a JPEG cannot be read, in words for `x.jpg is a damaged JPEG image (…)`. */
export class DamagedJpeg extends Error {}

/** Baseline, extended and progressive frames, Huffman or arithmetic coded: what libjpeg decodes. */
const READ_FRAMES = new Set([0xc0, 0xc1, 0xc2, 0xc9, 0xca]);
/** The other start-of-frame markers: lossless and hierarchical (several frames) JPEGs. */
const OTHER_FRAMES = new Set([0xc3, 0xc5, 0xc6, 0xc7, 0xcb, 0xcd, 0xce, 0xcf]);
const [START_OF_SCAN, END_OF_IMAGE] = [0xda, 0xd9];
/** Markers without a length: TEM, restarts, start and end of image. */
const standalone = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9);

/**
 * The size of a JPEG, from a walk over all its markers up to its end (EOI), scans included, so
 * that the decoder acts on no frame header this has not checked: exactly one, of a kind libjpeg
 * reads, before the first scan, with a real size (a height of 0 would come later, in a DNL).
 * What follows the end (the next picture of a phone's multi-picture file) is not read.
 */
export function jpegSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  let size: { width: number; height: number } | undefined;
  for (let at = 2; at + 1 < bytes.length;) {
    if (bytes[at] !== 0xff) {
      // Stray bytes before a marker: libjpeg warns and looks for the next one, and so does this.
      at = bytes.indexOf(0xff, at);
      if (at < 0) break;
      continue;
    }
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === END_OF_IMAGE) break;
    if (standalone(marker)) {
      at += 2;
      continue;
    }
    if (at + 4 > bytes.length) break;
    const length = view.getUint16(at + 2);
    if (length < 2 || at + 2 + length > bytes.length)
      throw new DamagedJpeg(`a marker segment (0x${marker.toString(16)}) is cut short`);
    if (READ_FRAMES.has(marker) || OTHER_FRAMES.has(marker)) {
      if (size) throw new DamagedJpeg('it has a second frame header');
      if (OTHER_FRAMES.has(marker))
        throw new DamagedJpeg('a lossless or hierarchical JPEG, which airlock does not read');
      size = frameHeader(bytes.subarray(at + 4, at + 2 + length));
    }
    at += 2 + length;
    if (marker === START_OF_SCAN) {
      if (!size) throw new DamagedJpeg('image data before its frame header');
      at = afterScan(bytes, at);
    }
  }
  if (!size) throw new DamagedJpeg('no frame header');
  return size;
}

/** SOF: precision, height, width, components (each three bytes). */
function frameHeader(data: Uint8Array): { width: number; height: number } {
  if (data.length < 6) throw new DamagedJpeg('its frame header is cut short');
  const view = new DataView(data.buffer, data.byteOffset, data.length);
  const [height, width, components] = [view.getUint16(1), view.getUint16(3), data[5]!];
  if (height === 0 || width === 0) throw new DamagedJpeg(`its frame header says ${width}×${height} pixels`);
  if (components < 1 || components > 4 || data.length !== 6 + 3 * components)
    throw new DamagedJpeg(`its frame header says ${components} colour components`);
  return { width, height };
}

/** Past a scan's entropy-coded data, to the next marker: 0xFF 0x00 is a data byte, 0xFF 0xD0–D7 a restart. */
function afterScan(bytes: Uint8Array, at: number): number {
  for (;;) {
    at = bytes.indexOf(0xff, at);
    if (at < 0 || at + 1 >= bytes.length) return bytes.length;
    const next = bytes[at + 1]!;
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) at += 2;
    else if (next === 0xff) at += 1;
    else return at;
  }
}
