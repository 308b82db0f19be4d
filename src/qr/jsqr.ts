import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { runInThisContext } from 'node:vm';
import stockJsqr, { type Options, type QRCode } from 'jsqr';

/**
 * jsqr 1.4.0 with one number corrected. Its table puts version 23's alignment patterns at 6, 30,
 * 54, 74, 102, where ISO/IEC 18004 (Table E.1) has 78 for the fourth, so every version-23 code
 * (109 modules a side) fails to decode (cozmo/jsQR issue 251). Codes of 780 to 857 bytes at
 * error correction M (polkadot.js's) and 1,004 to 1,091 at L (Vault's, airlock's) are drawn at
 * that version, so airlock loads the package's own file with that one entry set right. When a
 * release has it right already, the package is taken as it is.
 */
const WRONG = 'alignmentPatternCenters: [6, 30, 54, 74, 102]';
const RIGHT = 'alignmentPatternCenters: [6, 30, 54, 78, 102]';

type Jsqr = (data: Uint8ClampedArray, width: number, height: number, options?: Options) => QRCode | null;

function loadJsqr(): Jsqr {
  let path: string;
  let source: string;
  try {
    path = createRequire(import.meta.url).resolve('jsqr');
    source = readFileSync(path, 'utf8');
  } catch {
    // No package file to read (a bundle holds the package already): the package as it is.
    return stockJsqr.default;
  }
  if (source.indexOf(WRONG) === -1 || source.indexOf(WRONG) !== source.lastIndexOf(WRONG)) return stockJsqr.default;
  // The package is a UMD bundle: given `module` and `exports`, it sets `module.exports`.
  const wrapped = `(function (module, exports) {${source.replace(WRONG, RIGHT)}\n})`;
  const factory = runInThisContext(wrapped, { filename: path }) as (module: object, exports: object) => void;
  const module = { exports: {} as { default: Jsqr } };
  factory(module, module.exports);
  return module.exports.default;
}

/** jsqr's decoding function, version 23 included. */
export const jsqr: Jsqr = loadJsqr();
