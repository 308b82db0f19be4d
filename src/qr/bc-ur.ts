import * as bytewordsModule from '@ngraveio/bc-ur/dist/bytewords.js';
import * as fountainEncoderModule from '@ngraveio/bc-ur/dist/fountainEncoder.js';
import { defaultExport } from '../commonjs.js';

/**
 * The parts of @ngraveio/bc-ur below its index that airlock uses: the fountain encoder, which
 * fragments a part mixes (and its degree), the bytewords codec and its CRC-32. They are CommonJS
 * modules; their named exports import as they are, their defaults through `defaultExport`.
 */
export const FountainEncoder =
  defaultExport<(typeof fountainEncoderModule)['default']['default']>(fountainEncoderModule);
export type FountainEncoder = InstanceType<typeof FountainEncoder>;
export const FountainEncoderPart = fountainEncoderModule.FountainEncoderPart;
export type FountainEncoderPart = InstanceType<typeof FountainEncoderPart>;
export const bytewords = defaultExport<(typeof bytewordsModule)['default']['default']>(bytewordsModule);
export { getCRC } from '@ngraveio/bc-ur/dist/utils.js';
export { chooseDegree, chooseFragments } from '@ngraveio/bc-ur/dist/fountainUtils.js';
