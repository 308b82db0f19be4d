/**
 * Backups and vaults whose password is right and whose shape is valid, but which hold one bad
 * entry each: what a probe planted through `airlock import` (issue 15). Sealed in the
 * documented envelope with the cheapest allow-listed scrypt, as airlock would seal them.
 */
import { writeFile } from 'node:fs/promises';
import type { BackupContent } from '../../src/vault/backup.js';
import { createKey, seal } from '../../src/vault/envelope.js';
import { ALICE, BOB, CHARLIE, DEV_PHRASE } from './dev-keys.js';
import { FAST_SCRYPT } from './vault.js';

const WHEN = '2025-03-01T12:00:00.000Z';
const SAVINGS = 'aaaaaaaaaaaaaaaa';
const LOOSE = 'cccccccccccccccc';

/** A sound backup: one identity of the dev phrase with //Alice and //Bob, an imported //Charlie, an address. */
export async function soundContent(): Promise<BackupContent> {
  const { Keyring } = await import('@polkadot/keyring');
  const { cryptoWaitReady } = await import('@polkadot/util-crypto');
  await cryptoWaitReady();
  const charlie = new Keyring({ type: 'sr25519' }).createFromUri(`${DEV_PHRASE}//Charlie`);
  return {
    identities: [
      { id: SAVINGS, name: 'savings', kind: 'mnemonic', mnemonic: DEV_PHRASE, createdAt: WHEN },
      {
        id: LOOSE,
        name: 'loose',
        kind: 'imported',
        keys: [{ publicKey: CHARLIE.publicKey, pkcs8: `0x${Buffer.from(charlie.encodePkcs8()).toString('hex')}` }],
        createdAt: WHEN,
      },
    ],
    accounts: [
      {
        name: 'alice',
        identity: SAVINGS,
        type: 'sr25519',
        path: '//Alice',
        publicKey: ALICE.publicKey,
        network: 'substrate',
        createdAt: WHEN,
      },
      {
        name: 'bob',
        identity: SAVINGS,
        type: 'sr25519',
        path: '//Bob',
        publicKey: BOB.publicKey,
        network: 'polkadot',
        createdAt: WHEN,
      },
      {
        name: 'charlie',
        identity: LOOSE,
        type: 'sr25519',
        path: '',
        publicKey: CHARLIE.publicKey,
        network: 'kusama',
        createdAt: WHEN,
      },
    ],
    addresses: [{ name: 'exchange', address: BOB.substrate, network: 'substrate', note: 'memo', createdAt: WHEN }],
  };
}

export interface Defect {
  what: string;
  /** Makes the sound content bad in one entry. */
  spoil: (content: BackupContent) => void;
  /** The message must name the entry and say what is wrong. */
  message: RegExp;
  /** Whether opening a vault finds it too: it needs no key derived. */
  onOpen: boolean;
}

const account = (c: BackupContent, name: string) => c.accounts.find((a) => a.name === name)!;

/** One per defect the probe planted, and the other rules of the vault's writes. */
export const DEFECTS: Defect[] = [
  {
    what: 'an empty public key',
    spoil: (c) => void (account(c, 'bob').publicKey = '0x'),
    message: /account "bob" has a public key of 0 hex digits; sr25519 keys have 64/,
    onOpen: true,
  },
  {
    what: 'a short public key',
    spoil: (c) => void (account(c, 'bob').publicKey = '0x8eaf0415'),
    message: /account "bob" has a public key of 8 hex digits; sr25519 keys have 64/,
    onOpen: true,
  },
  {
    what: 'an unknown network',
    spoil: (c) => void (account(c, 'bob').network = 'atlantis'),
    message: /account "bob" is on network "atlantis", which airlock does not know/,
    onOpen: true,
  },
  {
    what: 'the __proto__ network',
    spoil: (c) => void (account(c, 'bob').network = '__proto__'),
    message: /account "bob" is on network "__proto__", which airlock does not know/,
    onOpen: true,
  },
  {
    what: "someone else's public key (Alice's) under bob's path",
    spoil: (c) => {
      c.accounts = c.accounts.filter((a) => a.name !== 'alice');
      account(c, 'bob').publicKey = ALICE.publicKey;
    },
    message: /account "bob" has a public key its identity "savings" does not derive at \/\/Bob/,
    onOpen: false,
  },
  {
    what: 'words that are not BIP39',
    spoil: (c) => void ((c.identities[0] as { mnemonic: string }).mnemonic = DEV_PHRASE.replace('walk', 'wallet')),
    message: /identity "savings" holds a recovery phrase whose word 12 is not in the BIP39 English word list/,
    onOpen: true,
  },
  {
    what: 'words that fail the BIP39 checksum',
    spoil: (c) =>
      void ((c.identities[0] as { mnemonic: string }).mnemonic = DEV_PHRASE.replace('bottom drive', 'drive bottom')),
    message: /identity "savings" holds a recovery phrase that fails its BIP39 checksum/,
    onOpen: true,
  },
  {
    what: 'an empty Ledger passphrase',
    spoil: (c) => void ((c.identities[0] as { passphrase?: string }).passphrase = ''),
    message: /identity "savings" has an empty Ledger passphrase, which airlock keeps as none/,
    onOpen: true,
  },
  {
    what: 'two identities with one id',
    spoil: (c) => void c.identities.push({ id: SAVINGS, name: 'twin', kind: 'ledger', createdAt: WHEN }),
    message: /identity "twin" has the id aaaaaaaaaaaaaaaa of identity "savings"/,
    onOpen: true,
  },
  {
    what: 'an address whose checksum fails',
    spoil: (c) => void (c.addresses[0]!.address = BOB.substrate.replace(/y$/u, 'z')),
    message: /address "exchange" is not a valid address/,
    onOpen: false,
  },
  {
    what: 'an address filed under another network',
    spoil: (c) => void (c.addresses[0]!.network = 'polkadot'),
    message: /address "exchange" is an address for SS58 prefix 42, filed under polkadot \(prefix 0\)/,
    onOpen: false,
  },
  {
    what: 'text that is no address',
    spoil: (c) => void (c.addresses[0]!.address = 'pay me\u001b]0;owned\u0007'),
    message: /address "exchange" holds text that is not an SS58 or Ethereum address/,
    onOpen: true,
  },
  {
    what: 'an account of a missing identity',
    spoil: (c) => void (account(c, 'bob').identity = 'bbbbbbbbbbbbbbbb'),
    message: /account "bob" belongs to identity bbbbbbbbbbbbbbbb, which is missing/,
    onOpen: true,
  },
  {
    what: "an imported key whose secret is someone else's",
    spoil: (c) =>
      void (
        ((c.identities[1] as { keys: { publicKey: string }[] }).keys[0]!.publicKey = BOB.publicKey),
        (account(c, 'charlie').publicKey = BOB.publicKey),
        c.accounts.splice(1, 1)
      ),
    message: /account "charlie" has a key in its identity "loose" whose secret does not sign for its public key/,
    onOpen: false,
  },
  {
    what: 'a Ledger account off a Ledger path',
    spoil: (c) =>
      void (
        c.identities.push({ id: 'dddddddddddddddd', name: 'nano', kind: 'ledger', createdAt: WHEN }),
        (account(c, 'bob').identity = 'dddddddddddddddd')
      ),
    message: /account "bob" of Ledger identity "nano" is not an ed25519 key on a Ledger path/,
    onOpen: true,
  },
  {
    what: 'a name with control characters',
    spoil: (c) => void (account(c, 'bob').name = 'bob\u001b[2J'),
    message: /account "bob\\x1b\[2J" has control characters in its name/,
    onOpen: true,
  },
  {
    what: 'two accounts of one name',
    spoil: (c) => void (account(c, 'bob').name = 'alice'),
    message: /two accounts are named "alice"/,
    onOpen: true,
  },
  {
    what: 'a creation time that is not a date',
    spoil: (c) => void (account(c, 'bob').createdAt = 'yesterday'),
    message: /account "bob" has a creation time that is not a date \("yesterday"\)/,
    onOpen: true,
  },
  {
    what: 'a path its key type cannot take',
    spoil: (c) => void (account(c, 'bob').path = 'm/44/60'),
    message: /account "bob" has the path "m\/44\/60", which sr25519 keys cannot take/,
    onOpen: true,
  },
];

export async function spoiled(defect: Defect): Promise<BackupContent> {
  const content = await soundContent();
  defect.spoil(content);
  return content;
}

const keys = new Map<string, ReturnType<typeof createKey>>();

/**
 * Seals content as a backup (or, with settings, a vault) under `password`, as airlock would.
 * The key is derived once per password: every file sealed here shares its salt, which costs
 * nothing in a test and spares a scrypt run per file.
 */
export async function sealTo(
  path: string,
  format: 'airlock-backup' | 'airlock-vault',
  content: object,
  password: string,
): Promise<void> {
  if (!keys.has(password)) keys.set(password, createKey(new TextEncoder().encode(password), FAST_SCRYPT));
  await writeFile(path, seal(format, 3, content, await keys.get(password)!));
}
