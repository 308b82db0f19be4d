import { isLedgerPath } from '../ledger/paths.js';
import { printable } from '../printable.js';
import { checkPath, displayPath, type KeyType } from './keys.js';
import { BIP39_WORDS, checkMnemonic, isWordCount, normaliseMnemonic } from './mnemonic.js';
import type { Account, AddressEntry, Identity, VaultData } from './model.js';
import { findNetwork, type Network } from './networks.js';

/**
 * The rules a vault's content keeps, as the vault's own writes keep them: names `checkName`
 * takes, ids, names, keys and addresses that occur once, public keys as long as their type's,
 * networks airlock knows, paths their identity can derive, recovery phrases that pass BIP39,
 * dates. A vault or backup that breaks one was damaged or made to do harm, and is refused whole:
 * what is returned names the entry and what is wrong with it. Key derivation is not done here
 * (check-keys.ts does it for backups), so a vault of 10,000 accounts is checked in milliseconds.
 */
export type Content = Pick<VaultData, 'identities' | 'accounts' | 'addresses'>;

/** What is wrong with the first bad entry, e.g. `account "bob" has a public key of 0 hex digits; sr25519 keys have 64`. */
export function structureProblem(
  content: Content,
  settings?: Pick<VaultData['settings'], 'defaultNetwork'>,
): string | undefined {
  return problemOf(() => {
    const identities = checkIdentities(content.identities);
    checkAccounts(content.accounts, identities);
    checkAddresses(content.addresses);
    if (settings && !knownNetwork(settings.defaultNetwork))
      bad('the default network', `"${shown(settings.defaultNetwork)}" is not a network airlock knows`);
  });
}

/** Runs checks that throw with `bad`; returns the problem they found, if any. */
export function problemOf(check: () => void): string | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (error instanceof BadEntry) return error.message;
    throw error;
  }
}

export class BadEntry extends Error {}

/** Refuses `entry` (its label, or what makes it: labels are made only for the one refused). */
export function bad(entry: Entry, what: string): never {
  throw new BadEntry(`${typeof entry === 'string' ? entry : entry()} ${what}`);
}
export type Entry = string | (() => string);

/** How an entry is named in a message: by its name when it has a printable one, else by its place. */
export function entryLabel(kind: 'identity' | 'account' | 'address', name: string, index: number): string {
  const label = shown(name);
  return label ? `${kind} "${label}"` : `${kind} ${index + 1}`;
}

/** Text from the file made safe to print and short enough for one line. */
export function shown(text: string): string {
  return printable(text, { limit: 40 });
}

/** The bytes each key type's public key has. */
export const PUBLIC_KEY_BYTES: Readonly<Record<KeyType, number>> = {
  sr25519: 32,
  ed25519: 32,
  ecdsa: 33,
  ethereum: 33,
};
/** A polkadot.js key's PKCS#8 bytes are about 120; anything far larger is not one. */
const MAX_PKCS8_HEX = 1024;
/** `name (2)`: the number an import gives a name that is taken may take it past 64 characters. */
const NUMBERED = / \(\d{1,9}\)$/u;

/** What nearly every name is: no control character, no space at either end, at most 64 characters. */
const PLAIN_NAME = /^(?!\s)[^\p{Cc}]{1,64}(?<!\s)$/u;

function checkName(entry: Entry, name: string): void {
  if (name.length <= 64 && PLAIN_NAME.test(name)) return;
  if (name.length === 0) bad(entry, 'has an empty name');
  if (name !== name.trim()) bad(entry, 'has spaces around its name');
  if (/\p{Cc}/u.test(name)) bad(entry, 'has control characters in its name');
  if (name.replace(NUMBERED, '').length > 64) bad(entry, 'has a name longer than 64 characters');
}

function checkDate(entry: Entry, value: string): void {
  // Entries written together share their time: parsed once.
  if (value === lastDate) return;
  if (Number.isNaN(Date.parse(value))) bad(entry, `has a creation time that is not a date ("${shown(value)}")`);
  lastDate = value;
}

let lastDate: string | undefined;

export function knownNetwork(name: string): Network | undefined {
  try {
    // The registry's own name, as airlock stores it: no prefix number, no other case.
    const network = findNetwork(name);
    return network.name === name ? network : undefined;
  } catch {
    return undefined;
  }
}

function checkNetwork(entry: Entry, name: string): Network {
  return knownNetwork(name) ?? bad(entry, `is on network "${shown(name)}", which airlock does not know`);
}

const hexDigits = (hex: string) => hex.length - 2;

/** Names seen so far of one kind; a second entry of a name is refused. */
function once(kind: string, seen: Set<string>, name: string): void {
  if (seen.has(name)) bad(`two ${kind}`, `are named "${shown(name)}"`);
  seen.add(name);
}

function checkIdentities(identities: readonly Identity[]): Map<string, Identity> {
  const byId = new Map<string, Identity>();
  const names = new Set<string>();
  const phrases = new Map<string, Identity>();
  const keyHolders = new Map<string, Identity>();
  identities.forEach((identity, index) => {
    const entry = () => entryLabel('identity', identity.name, index);
    checkName(entry, identity.name);
    once('identities', names, identity.name);
    const twin = byId.get(identity.id);
    if (twin) bad(entry, `has the id ${identity.id} of ${entryLabel('identity', twin.name, identities.indexOf(twin))}`);
    byId.set(identity.id, identity);
    checkDate(entry, identity.createdAt);
    if (identity.kind === 'mnemonic') {
      const problem = phraseProblem(identity.mnemonic);
      if (problem) bad(entry, `holds a recovery phrase ${problem}`);
      if (identity.passphrase === '') bad(entry, 'has an empty Ledger passphrase, which airlock keeps as none');
      // The same words under a Ledger passphrase are another wallet; without, the same one.
      const wallet = `${identity.mnemonic}\u0000${identity.passphrase ?? '\u0000'}`;
      const same = phrases.get(wallet);
      if (same)
        bad(entry, `holds the recovery phrase of ${entryLabel('identity', same.name, identities.indexOf(same))}`);
      phrases.set(wallet, identity);
    }
    if (identity.kind === 'imported') {
      for (const key of identity.keys) {
        if (hexDigits(key.publicKey) !== 64 && hexDigits(key.publicKey) !== 66)
          bad(entry, `holds a key whose public key has ${hexDigits(key.publicKey)} hex digits`);
        if (hexDigits(key.pkcs8) === 0 || hexDigits(key.pkcs8) % 2 !== 0 || hexDigits(key.pkcs8) > MAX_PKCS8_HEX) {
          bad(entry, `holds a key for ${key.publicKey.slice(0, 10)}… whose secret is not a polkadot.js key`);
        }
        if (keyHolders.has(key.publicKey)) bad(entry, `holds the key for ${key.publicKey.slice(0, 10)}… a second time`);
        keyHolders.set(key.publicKey, identity);
      }
    }
  });
  return byId;
}

/** Why words are not a recovery phrase airlock would keep (no word of it is said), or undefined. */
function phraseProblem(phrase: string): string | undefined {
  if (phrase !== normaliseMnemonic(phrase))
    return 'not written as airlock writes one (lower case, one space between words)';
  const words = phrase.split(' ');
  if (!isWordCount(words.length)) return `of ${words.length} words; BIP39 phrases have 12, 15, 18, 21 or 24`;
  wordSet ??= new Set(BIP39_WORDS);
  const wrong = words.findIndex((word) => !wordSet!.has(word));
  if (wrong !== -1) return `whose word ${wrong + 1} is not in the BIP39 English word list`;
  return refused(() => checkMnemonic(phrase)) ? 'that fails its BIP39 checksum' : undefined;
}
let wordSet: Set<string> | undefined;

/** Whether a check of the vault's own writes refuses the value. */
function refused(check: () => unknown): boolean {
  try {
    check();
    return false;
  } catch {
    return true;
  }
}

function checkAccounts(accounts: readonly Account[], identities: ReadonlyMap<string, Identity>): void {
  const names = new Set<string>();
  const keys = new Set<string>();
  accounts.forEach((account, index) => {
    const entry = () => entryLabel('account', account.name, index);
    checkName(entry, account.name);
    once('accounts', names, account.name);
    const identity =
      identities.get(account.identity) ?? bad(entry, `belongs to identity ${account.identity}, which is missing`);
    const want = PUBLIC_KEY_BYTES[account.type];
    if (hexDigits(account.publicKey) !== 2 * want) {
      bad(
        entry,
        `has a public key of ${hexDigits(account.publicKey)} hex digits; ${account.type} keys have ${2 * want}`,
      );
    }
    if (keys.has(account.publicKey)) {
      const twin = accounts.findIndex((a) => a.publicKey === account.publicKey);
      bad(entry, `has the public key of ${entryLabel('account', accounts[twin]!.name, twin)}`);
    }
    keys.add(account.publicKey);
    checkNetwork(entry, account.network);
    checkDate(entry, account.createdAt);
    checkAccountPath(entry, account, identity);
  });
}

function checkAccountPath(entry: Entry, account: Account, identity: Identity): void {
  const { path, type } = account;
  const owner = () => `identity "${shown(identity.name)}"`;
  if (identity.kind === 'imported') {
    if (path !== '') bad(entry, `of imported ${owner()} has a derivation path; imported keys have none`);
    return;
  }
  if (identity.kind === 'ledger') {
    if (type !== 'ed25519' || !isLedgerKeyPath(path))
      bad(entry, `of Ledger ${owner()} is not an ed25519 key on a Ledger path such as m/44'/354'/0'/0'/0'`);
    return;
  }
  if (refused(() => checkPath(path, type)))
    bad(entry, `has the path "${shown(displayPath(path))}", which ${type} keys cannot take`);
  if (identity.passphrase !== undefined && (type !== 'ed25519' || !isLedgerPath(path))) {
    bad(entry, `is not a Ledger key, yet its ${owner()} has a Ledger passphrase, which derives Ledger keys only`);
  }
}

/** A path a Ledger derives at: hardened BIP44, each level within 31 bits. */
function isLedgerKeyPath(path: string): boolean {
  return (
    isLedgerPath(path) &&
    path
      .split('/')
      .slice(1)
      .every((level) => Number.parseInt(level, 10) < 0x80000000)
  );
}

/** SS58 (base58) or a 0x Ethereum address; check-keys.ts checks the checksum. */
const ADDRESS_FORM = /^(0x[0-9a-fA-F]{40}|[1-9A-HJ-NP-Za-km-z]{1,64})$/u;

function checkAddresses(addresses: readonly AddressEntry[]): void {
  const names = new Set<string>();
  const seen = new Map<string, AddressEntry>();
  addresses.forEach((address, index) => {
    const entry = () => entryLabel('address', address.name, index);
    checkName(entry, address.name);
    once('address-book entries', names, address.name);
    if (!ADDRESS_FORM.test(address.address)) bad(entry, 'holds text that is not an SS58 or Ethereum address');
    const twin = seen.get(address.address.toLowerCase());
    if (twin) bad(entry, `has the address of ${entryLabel('address', twin.name, addresses.indexOf(twin))}`);
    seen.set(address.address.toLowerCase(), address);
    checkNetwork(entry, address.network);
    checkDate(entry, address.createdAt);
  });
}
