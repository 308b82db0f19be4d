/**
 * polkadot.js key files: single accounts (`KeyringPair$Json`), the extension's encrypted
 * "export all accounts" batch, and apps' JSON array of accounts.
 */
export { decodeKeyFile, unlockAccount } from './polkadot-js/decode.js';
export { encodeAccountJson, encodeBatchJson, encodeExternalAccountJson } from './polkadot-js/encode.js';
export {
  KeySecret,
  MAX_FILE_BYTES,
  WRITE_SCRYPT,
  type AccountMeta,
  type BatchAccount,
  type BatchJson,
  type DecodedAccount,
  type DecodedKeyFile,
  type DecodeOptions,
  type ExternalInput,
  type KeyInput,
  type KeyringPairJson,
  type LockedAccount,
  type SkippedAccount,
  type StoredKeyInput,
} from './polkadot-js/types.js';
