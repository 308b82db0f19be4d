import stockJsqr from 'jsqr';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { findQrCode } from '../../src/qr/find.js';
import { pseudoRandomBytes } from '../helpers/qr-frames.js';

/** A code drawn black on white, `scale` pixels a module with a 4-module margin, as grey pixels. */
function greyPicture(bytes: Uint8Array, version: number, scale = 3) {
  const { modules } = QRCode.create([{ data: bytes, mode: 'byte' }], { errorCorrectionLevel: 'L', version });
  const side = (modules.size + 8) * scale;
  const grey = new Uint8Array(side * side).fill(255);
  for (let y = 0; y < modules.size; y++)
    for (let x = 0; x < modules.size; x++)
      if (modules.get(y, x))
        for (let dy = 0; dy < scale; dy++)
          grey.fill(
            0,
            ((y + 4) * scale + dy) * side + (x + 4) * scale,
            ((y + 4) * scale + dy) * side + (x + 5) * scale,
          );
  return { width: side, height: side, grey };
}

describe('reading QR codes of every version', () => {
  it('reads version 23, which the jsqr package as published cannot (its alignment table is off by 4)', () => {
    const bytes = pseudoRandomBytes(1000, 23);
    const picture = greyPicture(bytes, 23);
    const rgba = new Uint8ClampedArray(picture.grey.length * 4);
    picture.grey.forEach((value, i) => rgba.fill(value, i * 4, i * 4 + 3).fill(255, i * 4 + 3, i * 4 + 4));
    expect(stockJsqr.default(rgba, picture.width, picture.height)).toBeNull();
    const found = findQrCode(picture);
    expect(found?.version).toBe(23);
    expect(Uint8Array.from(found!.binaryData)).toEqual(bytes);
  });

  it('reads the versions around it as before', () => {
    for (const version of [22, 24]) {
      const bytes = pseudoRandomBytes(900, version);
      expect(Uint8Array.from(findQrCode(greyPicture(bytes, version))!.binaryData)).toEqual(bytes);
    }
  });
});
