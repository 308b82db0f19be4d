import type * as BytewordsModule from '@ngraveio/bc-ur/dist/bytewords.js';
import type * as FountainEncoderModule from '@ngraveio/bc-ur/dist/fountainEncoder.js';
import type * as FountainUtilsModule from '@ngraveio/bc-ur/dist/fountainUtils.js';
import type * as UtilsModule from '@ngraveio/bc-ur/dist/utils.js';
import { createRequire } from 'node:module';

/**
 * The parts of @ngraveio/bc-ur below its index that airlock uses: the fountain encoder, which
 * fragments a part mixes (and its degree), the bytewords codec and its CRC-32. They are CommonJS modules
 * exporting `default`, which Node's and the test runner's ESM interop resolve differently;
 * `require` gives the same in both.
 * (Seen from an ES module, a CommonJS module's `module.exports` is its `default`.)
 */
const require = createRequire(import.meta.url);
const fountainEncoder = require('@ngraveio/bc-ur/dist/fountainEncoder.js') as (typeof FountainEncoderModule)['default'];

export const FountainEncoder = fountainEncoder.default;
export type FountainEncoder = InstanceType<typeof FountainEncoder>;
export const FountainEncoderPart = fountainEncoder.FountainEncoderPart;
export type FountainEncoderPart = InstanceType<typeof FountainEncoderPart>;
export const bytewords = (require('@ngraveio/bc-ur/dist/bytewords.js') as (typeof BytewordsModule)['default']).default;
export const { getCRC } = require('@ngraveio/bc-ur/dist/utils.js') as (typeof UtilsModule)['default'];
export const { chooseDegree, chooseFragments } =
  require('@ngraveio/bc-ur/dist/fountainUtils.js') as (typeof FountainUtilsModule)['default'];
