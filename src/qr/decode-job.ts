/** Messages between the decode pool and its workers. */
export interface DecodeRequest {
  id: number;
  path: string;
}

export type DecodeReply =
  | { id: number; text: string }
  /** The picture holds no QR code jsqr could read. */
  | { id: number; text: null }
  | { id: number; error: { message: string; hint?: string; expected: boolean } };
