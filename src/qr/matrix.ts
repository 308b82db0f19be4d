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

/** A code for a text (in alphanumeric mode when it can be, UTF-8 bytes otherwise) or for raw bytes. */
export function qrMatrix(content: string | Uint8Array, options: MatrixOptions = {}): QrMatrix {
  const segment: QRCode.QRCodeSegment =
    typeof content !== 'string'
      ? { data: content, mode: 'byte' }
      : ALPHANUMERIC.test(content)
        ? { data: content, mode: 'alphanumeric' }
        : { data: Buffer.from(content, 'utf8'), mode: 'byte' };
  const code = QRCode.create([segment], {
    errorCorrectionLevel: 'L',
    ...(options.version === undefined ? {} : { version: checkVersion(options.version) }),
  });
  return { size: code.modules.size, version: code.version, dark: Uint8Array.from(code.modules.data) };
}
