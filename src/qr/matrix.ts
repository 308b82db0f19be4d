import QRCode from 'qrcode';
import { checkVersion } from './capacity.js';

/** The modules of a QR symbol, without its quiet zone: `dark[row * size + col]`. */
export interface QrMatrix {
  size: number;
  version: number;
  dark: Uint8Array;
}

export interface MatrixOptions {
  /** Force this version (frames of one transfer keep one size); the smallest that fits otherwise. */
  version?: number;
}

/** An uppercased UR is all alphanumeric-mode characters, 5.5 bits each instead of byte mode's 8. */
const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]*$/u;

export function qrMatrix(text: string, options: MatrixOptions = {}): QrMatrix {
  const segments: QRCode.QRCodeSegment[] = [ALPHANUMERIC.test(text) ? { data: text, mode: 'alphanumeric' } : { data: Buffer.from(text, 'utf8'), mode: 'byte' }];
  const code = QRCode.create(segments, {
    errorCorrectionLevel: 'L',
    ...(options.version === undefined ? {} : { version: checkVersion(options.version) }),
  });
  return { size: code.modules.size, version: code.version, dark: Uint8Array.from(code.modules.data) };
}
