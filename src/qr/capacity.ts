/**
 * How much a QR symbol holds, at error-correction level L. airlock always draws at level L:
 * a terminal does not smudge, and the fountain code already recovers lost frames, so the
 * codewords go to payload rather than to redundancy.
 */

/** Data codewords of versions 1..40 at level L (ISO/IEC 18004, table 7). */
const DATA_CODEWORDS_L = [
  19, 34, 55, 80, 108, 136, 156, 194, 232, 274, 324, 370, 428, 461, 523, 589, 647, 721, 795, 861, 932, 1006, 1094, 1174,
  1276, 1370, 1468, 1531, 1631, 1735, 1843, 1955, 2071, 2191, 2306, 2434, 2566, 2702, 2812, 2956,
] as const;

export const MAX_VERSION = 40;

export function checkVersion(version: number): number {
  if (!Number.isInteger(version) || version < 1 || version > MAX_VERSION) {
    throw new RangeError(`version: expected an integer from 1 to ${MAX_VERSION}, got ${version}`);
  }
  return version;
}

/** Modules along one side of a symbol, without its quiet zone. */
export const modulesOf = (version: number): number => 17 + 4 * checkVersion(version);

/** Characters one alphanumeric segment holds (0-9 A-Z space $%*+-./:), two per 11 bits. */
export function alphanumericCapacity(version: number): number {
  const bits = DATA_CODEWORDS_L[checkVersion(version) - 1]! * 8;
  const countBits = version <= 9 ? 9 : version <= 26 ? 11 : 13;
  const usable = bits - 4 - countBits;
  return Math.floor(usable / 11) * 2 + (usable % 11 >= 6 ? 1 : 0);
}

/** Bytes one byte-mode segment holds. */
export function byteCapacity(version: number): number {
  const bits = DATA_CODEWORDS_L[checkVersion(version) - 1]! * 8;
  const countBits = version <= 9 ? 8 : 16;
  return Math.floor((bits - 4 - countBits) / 8);
}
