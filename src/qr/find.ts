import type { QRCode } from 'jsqr';
import { type GreyImage, rgbaOf } from './image.js';
import { jsqr } from './jsqr.js';

// jsqr fills in its default options object when given a partial one, so every call gets its own full set.
const jsqrOptions = () => ({ inversionAttempts: 'attemptBoth' as const });

/** The QR code jsqr finds in the picture, dark on light or light on dark, or null. */
export function findQrCode(image: GreyImage): QRCode | null {
  const { width, height, data } = rgbaOf(image);
  return jsqr(data, width, height, jsqrOptions());
}
