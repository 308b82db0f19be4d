import { DamagedFileError, UserError, WrongPasswordError } from '../../errors.js';
import { printable, QUOTED } from '../../printable.js';
import { isKeyType, type KeyType } from '../keys.js';
import { encodedBytes, openEncoded, schemeOf, wipeCache, type KeyCache } from './cipher.js';
import { KeyWork, kdfRunOfEntry } from './key-work.js';
import { inLanes, laneLimit } from './open-lanes.js';
import { externalPublicKey, hex, keyFromPkcs8, matchAddress, previewAddress, publicKeyLength } from './pairs.js';
import { PairJsonSchema, parseBatchContent, parseKeyFile, type EncodingJson, type PairJson } from './schema.js';
import {
  KeySecret,
  type DecodedAccount,
  type DecodedKeyFile,
  type DecodeOptions,
  type LockedAccount,
  type SkippedAccount,
} from './types.js';

export interface DecodeFileOptions extends DecodeOptions {
  /** How many accounts of a batch or array are opened at once; min(cores, 4) unless given. */
  concurrency?: number;
}

/**
 * Reads a polkadot.js key file: one account (versions 0 to 3), the extension's encrypted
 * "export all" batch, or apps' JSON array of accounts. Accounts of a batch or array that
 * the password does not open come back as `locked`, to be opened with `unlockAccount`.
 */
export async function decodeKeyFile(
  text: string,
  password: Uint8Array,
  options: DecodeFileOptions = {},
): Promise<DecodedKeyFile> {
  checkPassword(password);
  const what = options.what ?? 'the file';
  const parsed = parseKeyFile(text, what);
  // Every scrypt run is counted before the first starts; a batch's accounts once the batch is open.
  const work = new KeyWork(what);
  const cache: KeyCache = new Map();
  try {
    if (parsed.kind === 'account') {
      work.plan([kdfRunOfEntry(parsed.json, what)]);
      const account = await openAccount(parsed.json, password, cache, what);
      if (!account) throw wrongPassword(what);
      return { format: 'account', accounts: [account], locked: [], skipped: [] };
    }
    if (parsed.kind === 'batch') work.plan([kdfRunOfEntry(parsed.json, what)]);
    const entries = parsed.kind === 'list' ? parsed.entries : await openBatch(parsed.json, password, cache, what);
    work.plan(entries.map((json) => kdfRunOfEntry(json, what)));
    return {
      format: parsed.kind,
      ...(await openEach(entries, password, cache, what, { ...options, largestMemory: work.largestMemory() })),
    };
  } finally {
    wipeCache(cache);
  }
}

/** Opens one account of a batch or array with its own password. */
export async function unlockAccount(
  locked: LockedAccount,
  password: Uint8Array,
  options: DecodeOptions = {},
): Promise<DecodedAccount> {
  checkPassword(password);
  const what = entryLabel(options.what ?? 'the file', locked.index, locked.name);
  const parsed = PairJsonSchema.safeParse(locked.json);
  if (!parsed.success) throw new DamagedFileError(`${what} is damaged: it is not a polkadot.js account`);
  new KeyWork(what).plan([kdfRunOfEntry(parsed.data, what)]);
  const cache: KeyCache = new Map();
  try {
    const account = await openAccount(parsed.data, password, cache, what);
    if (!account) throw wrongPassword(what);
    return account;
  } finally {
    wipeCache(cache);
  }
}

async function openBatch(
  json: { encoded: string; encoding: EncodingJson },
  password: Uint8Array,
  cache: KeyCache,
  what: string,
) {
  const scheme = schemeOf(json.encoding, what);
  const plain = await openEncoded(encodedBytes(json.encoded, what), scheme, password, cache, what);
  if (!plain) throw wrongPassword(what);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    throw new DamagedFileError(`${what} is damaged: its accounts are not text`);
  } finally {
    plain.fill(0);
  }
  return parseBatchContent(text, what);
}

type Outcome =
  { account: DecodedAccount } | { locked: LockedAccount } | { skipped: SkippedAccount } | { error: unknown };

/** Opens the entries a few at a time (see open-lanes.ts), with the outcome of opening them one by one. */
async function openEach(
  entries: PairJson[],
  password: Uint8Array,
  cache: KeyCache,
  what: string,
  options: DecodeFileOptions & { largestMemory: number },
) {
  let failed = false;
  const outcomes = await inLanes(entries, laneLimit(options.concurrency, options.largestMemory), {
    task: async (json, index) => {
      // A failure that is not the file's fault stops the read, but only once nothing is running.
      const outcome = await openEntry(json, index, password, cache, what).catch((error: unknown): Outcome => ({
        error,
      }));
      if ('error' in outcome) failed = true;
      return outcome;
    },
    // Entries under one salt and cost share a scrypt run through the cache.
    group: (json) => kdfRunOfEntry(json, what)?.id,
    stop: () => failed || options.signal?.aborted === true,
  });
  // As if opened one by one: the first failure or cancellation in file order wins, and nothing opened is kept.
  const first = outcomes.findIndex((outcome) => outcome === undefined || 'error' in outcome);
  if (first >= 0) {
    for (const outcome of outcomes) if (outcome && 'account' in outcome) outcome.account.secret?.wipe();
    const outcome = outcomes[first];
    if (outcome && 'error' in outcome) throw outcome.error;
    options.signal!.throwIfAborted();
  }
  const result: Omit<DecodedKeyFile, 'format'> = { accounts: [], locked: [], skipped: [] };
  for (const outcome of outcomes) {
    if (!outcome || 'error' in outcome) continue;
    if ('account' in outcome) result.accounts.push(outcome.account);
    else if ('locked' in outcome) result.locked.push(outcome.locked);
    else result.skipped.push(outcome.skipped);
  }
  return result;
}

async function openEntry(
  json: PairJson,
  index: number,
  password: Uint8Array,
  cache: KeyCache,
  what: string,
): Promise<Outcome> {
  const name = nameOf(json);
  const address = previewAddress(json.address, declaredType(json.encoding));
  try {
    const account = await openAccount(json, password, cache, entryLabel(what, index, name));
    return account ? { account } : { locked: { index, address, name, json } };
  } catch (error) {
    // One account airlock cannot take does not stop the others.
    if (!(error instanceof UserError)) throw error;
    return { skipped: { index, address, name, reason: error.message } };
  }
}

/** The account, or undefined when the password does not open it. */
async function openAccount(
  json: PairJson,
  password: Uint8Array,
  cache: KeyCache,
  what: string,
): Promise<DecodedAccount | undefined> {
  const scheme = schemeOf(json.encoding, what);
  const types = candidateTypes(json.encoding, what);
  const plain = await openEncoded(encodedBytes(json.encoded, what), scheme, password, cache, what);
  if (!plain) return undefined;
  try {
    return await accountFrom(plain, types, json, what);
  } finally {
    plain.fill(0);
  }
}

async function accountFrom(plain: Uint8Array, types: KeyType[], json: PairJson, what: string): Promise<DecodedAccount> {
  const base = { name: nameOf(json), meta: json.meta };
  const external = externalPublicKey(plain);
  if (external) {
    const type = types[0]!;
    if (external.length !== publicKeyLength(type)) {
      throw new UserError(
        `${what} is a watch-only ${type} account known by its address alone; airlock needs its public key`,
      );
    }
    const address = matchAddress(json.address, external, type);
    if (!address) throw addressMismatch(what, json.address);
    return { ...base, address, publicKey: hex(external), type, secret: undefined };
  }
  let decoded = false;
  for (const type of types) {
    const key = await keyFromPkcs8(plain, type);
    if (!key) continue;
    decoded = true;
    const address = matchAddress(json.address, key.publicKey, type);
    if (address) return { ...base, address, publicKey: hex(key.publicKey), type, secret: new KeySecret(key.pkcs8) };
    key.pkcs8.fill(0);
  }
  // The address lies outside the secretbox: a key that reads well under another address was edited or mislabelled.
  if (decoded) throw addressMismatch(what, json.address);
  throw new DamagedFileError(`${what} is damaged: the key inside it is malformed`);
}

function candidateTypes(encoding: EncodingJson, what: string): KeyType[] {
  const declared = Array.isArray(encoding.content) ? encoding.content[1] : undefined;
  if (declared !== undefined && !isKeyType(declared)) {
    throw new UserError(
      `${what} holds a key of type "${printable(String(declared), QUOTED)}", which airlock does not read`,
    );
  }
  // Version 0 files name no type; polkadot.js takes the keyring's, ed25519 unless told otherwise.
  if (encoding.version === '0' || declared === undefined) {
    return [...new Set<KeyType>([declared ?? 'ed25519', 'ed25519', 'sr25519'])];
  }
  return [declared];
}

function declaredType(encoding: EncodingJson): KeyType | undefined {
  const declared = Array.isArray(encoding.content) ? encoding.content[1] : undefined;
  return declared !== undefined && isKeyType(declared) ? declared : undefined;
}

function checkPassword(password: Uint8Array): void {
  if (!(password instanceof Uint8Array)) throw new TypeError('password: expected a Uint8Array');
}

function nameOf(json: PairJson): string | undefined {
  return typeof json.meta.name === 'string' ? json.meta.name : undefined;
}

function entryLabel(what: string, index: number, name: string | undefined): string {
  return `${what}, account ${index + 1}${name ? ` ("${printable(name, QUOTED)}")` : ''}`;
}

function wrongPassword(what: string): WrongPasswordError {
  return new WrongPasswordError(
    `wrong password for ${what}, or the file is damaged`,
    'check the password; if it is right, the file was altered or damaged on its way',
  );
}

function addressMismatch(what: string, address: string): DamagedFileError {
  return new DamagedFileError(
    `${what} is damaged: its address ${printable(address, QUOTED)} does not belong to the key inside it`,
  );
}
