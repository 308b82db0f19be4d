import type { GreyImage } from './image.js';

/** A frame already in memory, as a camera gives it, named for messages ("frame 12 of /dev/video0"). */
export interface NamedFrame extends GreyImage {
  name: string;
}

/** Messages between the decode pool and its workers: a picture file to read, or a frame. */
export type DecodeRequest = { id: number; path: string } | { id: number; frame: NamedFrame };

export type DecodeReply =
  /**
   * The code's text (see qrCodeText), and its content as bytes (jsqr's binaryData: byte-mode
   * segments as they are), which is how a signing request's frames are read.
   */
  | { id: number; text: string; bytes: Uint8Array }
  /** The picture holds no QR code jsqr could read. */
  | { id: number; text: null; bytes: null }
  | { id: number; error: { message: string; hint?: string; expected: boolean } };
