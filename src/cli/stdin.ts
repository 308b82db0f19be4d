import { UserError } from '../errors.js';

/** A recovery phrase is at most a few hundred bytes; anything much larger is not one. */
const MAX_STDIN_BYTES = 64 * 1024;

/** All of stdin as bytes, for secrets piped in by scripts. */
export async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    chunks.push(bytes);
    if (size > MAX_STDIN_BYTES) {
      chunks.forEach((c) => c.fill(0));
      throw new UserError('stdin holds far more than a recovery phrase');
    }
  }
  const all = new Uint8Array(Buffer.concat(chunks));
  chunks.forEach((c) => c.fill(0));
  return all;
}
