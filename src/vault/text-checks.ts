/**
 * Checks of text from files before it is decoded, in one pass over the characters: a regular
 * expression with a repeated group over megabytes of text overflows the stack.
 */

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const HEX_DIGITS = '0123456789abcdefABCDEF';

function table(chars: string): Uint8Array {
  const member = new Uint8Array(128);
  for (const char of chars) member[char.charCodeAt(0)] = 1;
  return member;
}

const BASE64 = table(BASE64_ALPHABET);
const HEX = table(HEX_DIGITS);

function allIn(member: Uint8Array, text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128 || member[code] === 0) return false;
  }
  return true;
}

/**
 * Standard base64 (RFC 4648 alphabet), padded or not: what `Buffer#toString('base64')` and
 * polkadot.js write. A length of 4k+1 characters cannot be base64 and is refused.
 */
export function isBase64(text: string): boolean {
  let end = text.length;
  let padding = 0;
  while (padding < 2 && end > 0 && text.charCodeAt(end - 1) === 0x3d /* = */) {
    end -= 1;
    padding += 1;
  }
  if (padding > 0 ? (end + padding) % 4 !== 0 : end % 4 === 1) return false;
  return allIn(BASE64, text, 0, end);
}

/** An even number of hexadecimal digits, either case, with no prefix. */
export function isHex(text: string, start = 0): boolean {
  return (text.length - start) % 2 === 0 && allIn(HEX, text, start, text.length);
}
