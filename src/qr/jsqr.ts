import { readFileSync } from 'node:fs';
import { runInThisContext } from 'node:vm';
import type { Options, QRCode } from 'jsqr';
import { packageFilePath } from '../shipped-files.js';

/**
 * jsqr 1.4.0 with one number corrected. Its table puts version 23's alignment patterns at 6, 30,
 * 54, 74, 102, where ISO/IEC 18004 (Table E.1) has 78 for the fourth, so every version-23 code
 * (109 modules a side) fails to decode (cozmo/jsQR issue 251). Codes of 780 to 857 bytes at
 * error correction M (polkadot.js's) and 1,004 to 1,091 at L (Vault's, airlock's) are drawn at
 * that version, so airlock loads the package's own file (a release ships it as it is, beside the
 * bundle) with that one entry set right. When a jsqr has it right already, it runs as it is.
 */
const WRONG = 'alignmentPatternCenters: [6, 30, 54, 74, 102]';
const RIGHT = 'alignmentPatternCenters: [6, 30, 54, 78, 102]';

type Jsqr = (data: Uint8ClampedArray, width: number, height: number, options?: Options) => QRCode | null;

function loadJsqr(): Jsqr {
  const path = packageFilePath('jsqr');
  const source = readFileSync(path, 'utf8');
  const once = source.indexOf(WRONG) !== -1 && source.indexOf(WRONG) === source.lastIndexOf(WRONG);
  // The package is a UMD bundle: given `module` and `exports`, it sets `module.exports`.
  const wrapped = `(function (module, exports) {${once ? source.replace(WRONG, RIGHT) : source}\n})`;
  const factory = runInThisContext(wrapped, { filename: path }) as (module: object, exports: object) => void;
  const module = { exports: {} as { default: Jsqr } };
  factory(module, module.exports);
  return module.exports.default;
}

/** jsqr's decoding function, version 23 included. */
export const jsqr: Jsqr = loadJsqr();
