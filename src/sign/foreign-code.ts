/**
 * What a QR code that is no signing request holds, in a few words, so that a refusal says what
 * was shown instead: an address code, one of airlock's own transfer frames, a single frame of an
 * animated request, text.
 */
import { printable } from '../printable.js';
import { isDenseFrame } from '../qr/dense.js';

/** `an address QR code`, `a frame of an animated request`, `the text "hello"`, `bytes 0x1234…`. */
export function whatCodeIs(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'nothing';
  if (isDenseFrame(bytes)) return 'a frame of a file airlock sent (`airlock qr read` takes those)';
  // Frames of an animated request, given where the whole request was expected (a --request file).
  // `meta` opens what state_getMetadata answers, after 0x01 and a length in Metadata_metadata_at_version's.
  if (Buffer.from(bytes.subarray(0, 12)).includes('meta'))
    return 'chain metadata, which `airlock metadata add FILE` keeps';
  if (bytes[0]! >= 0x80) return 'a single RaptorQ frame of an animated request, not the request itself';
  if (bytes[0] === 0x00 && bytes.length > 5) return 'a single frame of an animated request, not the request itself';
  const text = asText(bytes);
  if (text === undefined) return `bytes ${hexStart(bytes)}`;
  if (/^(substrate|ethereum):/u.test(text)) return 'an address QR code';
  if (/^ur:/iu.test(text)) return 'a UR code (`airlock qr read` takes those)';
  if (/^secret:/u.test(text)) return 'a secret key';
  if (text.trimStart().startsWith('{')) return 'JSON text (a file, not a signing request)';
  return `the text "${printable(text, { limit: 40 })}"`;
}

/** The bytes as UTF-8 text, when they are that and read as text (no control characters but line ends). */
function asText(bytes: Uint8Array): string | undefined {
  try {
    // Streaming, so that a character cut at the end of what is looked at is no error.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 4096), { stream: true });
    return /\p{Cc}/u.test(text.replace(/[\n\r\t]/gu, '')) ? undefined : text;
  } catch {
    return undefined;
  }
}

function hexStart(bytes: Uint8Array): string {
  const shown = Buffer.from(bytes.subarray(0, 8)).toString('hex');
  return `0x${shown}${bytes.length > 8 ? '…' : ''}`;
}
