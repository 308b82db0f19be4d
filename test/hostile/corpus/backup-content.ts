/**
 * Airlock backups sealed with the right password whose content a vault must not take: keys that
 * are not what their identity derives, networks that do not exist, words that are not BIP39,
 * duplicate ids, address-book entries that do not check. Each is refused whole (DESIGN.md: bad
 * input changes nothing). Names with control and bidi characters may come in, cleaned, but
 * nothing unprintable may reach the terminal.
 */
import type { BackupContent } from '../../../src/vault/backup.js';
import type { EnvelopeKey } from '../../../src/vault/envelope.js';
import { BOB, CHARLIE, DEV_PHRASE } from '../../helpers/dev-keys.js';
import { IMPORT_BOTH, writeSamples, type HostileInput, type Sample } from './inputs.js';
import { CREATED, sealFixed, soundContent, TRAVEL_ID, type DevKeys } from './seal.js';

type Content = BackupContent & Record<string, unknown>;
type Change = (content: Content, keys: DevKeys) => void;

export async function backupContentInputs(dir: string, key: EnvelopeKey, keys: DevKeys): Promise<HostileInput[]> {
  const sample = (name: string, change: Change, expect: Sample['expect'] = 'refused'): Sample => {
    const content = structuredClone(soundContent(keys)) as Content;
    change(content, keys);
    return { name: `${name}.json`, data: sealFixed(content, key), expect };
  };
  const samples = [
    sample('sound', () => undefined, 'either'),
    ...publicKeys().map(([name, change]) => sample(name, change)),
    ...networks().map(([name, change]) => sample(name, change)),
    ...keysOfOthers().map(([name, change]) => sample(name, change)),
    ...words().map(([name, change]) => sample(name, change)),
    ...ids().map(([name, change]) => sample(name, change)),
    ...addressBook().map(([name, change]) => sample(name, change)),
    ...importedKeys().map(([name, change]) => sample(name, change)),
    ...names().map(([name, change]) => sample(name, change, 'either')),
    ...oddButHarmless().map(([name, change]) => sample(name, change, 'either')),
  ];
  return writeSamples(dir, 'backup content', IMPORT_BOTH, samples);
}

const account = (content: Content) => content.accounts[0]!;
const identity = (content: Content) =>
  content.identities[0]! as Extract<BackupContent['identities'][number], { kind: 'mnemonic' }>;
const entry = (content: Content) => content.addresses[0]!;

function publicKeys(): [string, Change][] {
  return [
    ['public-key-empty', (c) => (account(c).publicKey = '0x')],
    ['public-key-short', (c) => (account(c).publicKey = '0x1234')],
    ['public-key-33-bytes-for-sr25519', (c) => (account(c).publicKey = `${account(c).publicKey}00`)],
    ['public-key-all-zero', (c) => (account(c).publicKey = `0x${'00'.repeat(32)}`)],
  ];
}

function networks(): [string, Change][] {
  return [
    ['network-unknown', (c) => (account(c).network = 'atlantis')],
    ['network-proto', (c) => (account(c).network = '__proto__')],
    ['network-constructor', (c) => (account(c).network = 'constructor')],
    ['network-empty', (c) => (account(c).network = '')],
    ['network-prefix-out-of-range', (c) => (account(c).network = '99999')],
  ];
}

/** Public keys that are not what the identity derives at the account's path. */
function keysOfOthers(): [string, Change][] {
  return [
    // The dev phrase is the test vault's own identity: the account would be listed under it.
    [
      'someone-elses-key-under-your-identity',
      (c) => {
        identity(c).mnemonic = DEV_PHRASE;
        Object.assign(account(c), { path: '//Eve', publicKey: CHARLIE.publicKey });
      },
    ],
    ['bobs-key-under-a-new-identity', (c) => (account(c).publicKey = BOB.publicKey)],
    ['key-of-another-path', (c, k) => (account(c).publicKey = k.dave)],
    ['key-type-not-the-derived-one', (c) => (account(c).type = 'ed25519')],
    ['path-not-a-path', (c) => (account(c).path = 'not/a//path\u001b[2J')],
    ['ethereum-key-on-substrate-path', (c) => (account(c).type = 'ethereum')],
  ];
}

function words(): [string, Change][] {
  return [
    [
      'words-not-bip39',
      (c) => (identity(c).mnemonic = 'hello world these are not the words you are looking for at all'),
    ],
    ['words-bad-checksum', (c) => (identity(c).mnemonic = Array(12).fill('abandon').join(' '))],
    ['words-eleven', (c) => (identity(c).mnemonic = identity(c).mnemonic.split(' ').slice(0, 11).join(' '))],
    ['words-empty', (c) => (identity(c).mnemonic = '')],
    ['words-thousand', (c) => (identity(c).mnemonic = Array(1000).fill('abandon').join(' '))],
    ['words-with-escape', (c) => (identity(c).mnemonic = identity(c).mnemonic.replace(' ', ' \u001b[2J '))],
  ];
}

function ids(): [string, Change][] {
  return [
    [
      'identity-ids-duplicate',
      (c) =>
        c.identities.push({
          id: TRAVEL_ID,
          name: 'dev twin',
          kind: 'mnemonic',
          mnemonic: DEV_PHRASE,
          createdAt: CREATED,
        }),
    ],
    ['account-of-no-identity', (c) => (account(c).identity = 'ffffffffffffffff')],
    ['identity-kind-unknown', (c) => ((identity(c) as { kind: string }).kind = 'paper')],
    ['key-type-unknown', (c) => ((account(c) as { type: string }).type = 'rsa')],
  ];
}

function addressBook(): [string, Change][] {
  return [
    ['address-not-an-address', (c) => (entry(c).address = 'hello')],
    ['address-empty', (c) => (entry(c).address = '')],
    [
      'address-bad-checksum',
      (c) => (entry(c).address = `${entry(c).address.slice(0, -1)}${entry(c).address.endsWith('a') ? 'b' : 'a'}`),
    ],
    ['address-of-another-network', (c) => (entry(c).network = 'kusama')],
    ['address-network-unknown', (c) => (entry(c).network = 'atlantis')],
    ['address-network-proto', (c) => (entry(c).network = '__proto__')],
    ['address-with-escape', (c) => (entry(c).address = `\u001b[2J${entry(c).address}`)],
    [
      'address-ethereum-bad-case',
      (c) => Object.assign(entry(c), { address: '0xf24ff3a9CF04c71Dbc94D0b566f7A27B94566cac', network: 'moonbeam' }),
    ],
  ];
}

/** Imported identities whose keys are not what they claim. */
function importedKeys(): [string, Change][] {
  const imported = (c: Content, publicKey: string, pkcs8: string) => {
    c.identities[0] = {
      id: TRAVEL_ID,
      name: 'loose keys',
      kind: 'imported',
      keys: [{ publicKey, pkcs8 }],
      createdAt: CREATED,
    };
    Object.assign(account(c), { path: '', publicKey });
  };
  return [
    ['imported-key-garbage-pkcs8', (c, k) => imported(c, k.eve, '0xdeadbeef')],
    ['imported-key-empty-pkcs8', (c, k) => imported(c, k.eve, '0x')],
    ['imported-key-signs-for-another', (c, k) => imported(c, k.eve, k.davePkcs8)],
  ];
}

/** Names made to rewrite the terminal: stored cleaned, and shown cleaned by the dry run too. */
function names(): [string, Change][] {
  return [
    ['names-clear-screen-and-title', (c) => (identity(c).name = '\u001b[2J\u001b]0;owned\u0007travel')],
    ['names-carriage-return-fake-line', (c) => (account(c).name = 'travel\r\nbackup verified OK')],
    ['names-bell-and-backspace', (c) => (entry(c).name = 'bob\u0007\u0008\u0008\u0008eve')],
    ['names-bidi-override', (c) => (account(c).name = 'invoice\u202Efdp.exe')],
    ['names-bidi-isolates', (c) => (identity(c).name = '\u2067travel\u2069\u2066x')],
    ['names-c1-csi', (c) => (entry(c).name = 'bob\u009b2J')],
    ['names-only-control', (c) => (identity(c).name = '\u001b\u0007\r\n')],
    ['names-ten-thousand-characters', (c) => (account(c).name = 'n'.repeat(10_000))],
    ['note-with-escape', (c) => (entry(c).note = '\u001b]52;c;b3duZWQ=\u0007')],
  ];
}

/** Unusual but not wrong: the import may take these. */
function oddButHarmless(): [string, Change][] {
  return [
    ['created-at-not-a-date', (c) => (account(c).createdAt = 'yesterday')],
    ['extra-fields', (c) => Object.assign(c, { settings: { defaultNetwork: 'kusama' }, extra: [1, 2, 3] })],
    ['proto-keys', (c) => Object.assign(account(c), JSON.parse('{"__proto__": {"polluted": true}}') as object)],
    ['duplicate-accounts', (c) => c.accounts.push({ ...account(c), name: 'travel-0 again' })],
    ['empty', (c) => Object.assign(c, { identities: [], accounts: [], addresses: [] })],
  ];
}
