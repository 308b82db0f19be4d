// Captures the main screens of the full-screen app in a real 80×24 terminal (tmux) and writes
// them to docs/GALLERY.md, for the user guide. Run with `npm run gallery` (needs tmux).
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { built } from '../bench/built.mjs';

/** @type {typeof import('../src/vault/actions.js')} */
const actions = await built('vault/actions.js');
/** @type {typeof import('../src/vault/store.js')} */
const { VaultSession } = await built('vault/store.js');

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEV_PHRASE = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
const PASSWORD = 'gallery-password-1';
const run = promisify(execFile);
const socket = `airlock-gallery-${process.pid}`;
/** @param {string[]} args */
const tmux = (...args) => run('tmux', ['-L', socket, '-f', '/dev/null', ...args]).then((r) => r.stdout);
const screen = () => tmux('capture-pane', '-p', '-t', 'main');

/** @param {string} text */
async function waitFor(text) {
  for (let i = 0; i < 300; i++) {
    const shown = await screen();
    if (shown.includes(text)) return shown;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the screen never showed "${text}":\n${await screen()}`);
}
/** @param {string[]} k */
const keys = (...k) => tmux('send-keys', '-t', 'main', ...k);
/** @param {string} text */
const type = (text) => tmux('send-keys', '-t', 'main', '-l', text);

/** @param {string} path */
async function buildVault(path) {
  const session = await VaultSession.create(path, new TextEncoder().encode(PASSWORD));
  await actions.saveMnemonicIdentity(session, 'dev', DEV_PHRASE);
  await actions.deriveAccount(session, {
    identity: 'dev',
    name: 'alice',
    type: 'sr25519',
    path: '//Alice',
    network: 'polkadot',
  });
  await actions.deriveAccount(session, {
    identity: 'dev',
    name: 'bob-stash',
    type: 'sr25519',
    path: '//Bob//stash',
    network: 'kusama',
  });
  await actions.deriveAccount(session, {
    identity: 'dev',
    name: 'alice-ed',
    type: 'ed25519',
    path: '//Alice',
    network: 'substrate',
  });
  await actions.deriveAccount(session, { identity: 'dev', name: 'alith', type: 'ethereum' });
  await actions.addAddress(session, {
    name: 'exchange-deposit',
    address: '14E5nqKAp3oAJcmzgZhUD2RcptBeUBScxKHgJKU4HPNcKVf3',
    note: 'check the memo',
  });
  await actions.addAddress(session, { name: 'charlie', address: '5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y' });
  session.close();
}

/** @type {{ title: string, about: string, frame: string }[]} */
const shots = [];
/**
 * @param {string} title
 * @param {string} about
 * @param {string} text what the screen shows once it is ready
 */
const shot = async (title, about, text) => shots.push({ title, about, frame: await waitFor(text) });

const dir = await mkdtemp(join(tmpdir(), 'airlock-gallery-'));
try {
  const vault = join(dir, 'vault.json');
  await buildVault(vault);
  const command = `env CI=false TERM=xterm-256color NO_COLOR=1 '${process.execPath}' '${join(ROOT, 'dist/cli/main.js')}' --vault '${vault}'`;
  await tmux('new-session', '-d', '-s', 'main', '-x', '80', '-y', '24', command);

  await shot('Unlock', 'Later runs start here; a wrong password says so and asks again.', 'Unlock the vault');
  await type(PASSWORD);
  await keys('Enter');
  await shot('Identities', 'The roots of keys, with how many accounts each has.', 'Identities ·');
  await type('r');
  await waitFor('Restore an identity');
  await type('savings');
  await keys('Enter');
  await waitFor('Word 1 of');
  await type('bottom drive obey lake cur');
  await shot(
    'Restore from words',
    'Word by word, with completion from the BIP39 list; a pasted phrase fills every word.',
    'curtain',
  );
  await keys('Escape');
  await waitFor('Name:');
  await keys('Escape');
  await waitFor('Identities ·');
  await keys('Tab');
  await shot('Accounts', 'Type `/` to filter; it stays fast with 10,000 accounts.', 'Accounts ·');
  await keys('Enter');
  await shot(
    'Account detail',
    'The whole address and public key; `N` shows the address in another network.',
    'Public key',
  );
  await type('c');
  await shot(
    'Address QR',
    'On the whole terminal, black on white whatever the theme: the code polkadot.js apps scans. `q` goes back.',
    'q quit',
  );
  await type('q');
  await waitFor('Public key');
  await keys('Escape');
  await waitFor('Accounts ·');
  await type('d');
  await waitFor('Derive an account');
  await keys('Tab');
  await type('charlie');
  await keys('Tab', 'Tab');
  await type('//Charlie');
  await keys('Tab');
  await shot(
    'Derive an account',
    'The address is previewed before anything is saved.',
    '5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y',
  );
  await keys('Escape');
  await waitFor('Accounts ·');
  await keys('Tab');
  await shot('Address book', 'Watch-only addresses with a note.', 'exchange-deposit');
  await type('a');
  await waitFor('Name');
  await type('typo');
  await keys('Tab');
  await type('14E5nqKAp3oAJcmzgZhUD2RcptBeUBScxKHgJKU4HPNcKVf4');
  await waitFor('HPNcKVf4'); // a part of the address fails the checksum too: wait for all of it
  await shot(
    'Adding an address',
    'Checked as you type: here a wrong last character fails the SS58 checksum.',
    'checksum',
  );
  await keys('Escape');
  await waitFor('exchange-deposit');
  await keys('Tab');
  await shot(
    'Backups',
    'Export a verified backup, import one, or run the backup drill; removable drives are listed.',
    'Export a backup',
  );
  await keys('Enter');
  await shot(
    'Export a backup',
    'What (the whole vault or marked accounts), in which format, where (a removable drive first), the password twice; the file is read back and verified before the receipt shows.',
    'Write to:',
  );
  await keys('Escape');
  await waitFor('Verify a backup');
  await keys('Tab');
  await shot(
    'QR',
    "An account's address code, a file as animated frames, or pictures of codes read back.",
    'Read QR pictures',
  );
  await keys('Tab');
  await shot(
    'Ledger',
    "Scan a Ledger's accounts and compare them on its screen, or recover them offline from its words.",
    'Ledger ·',
  );
  await keys('Tab');
  await shot('Settings', 'The vault password and the default network for new accounts.', 'Settings ·');
  await type('?');
  await shot('Help', 'Every key, from the same keymap as the hints.', 'Keys');
  await keys('Escape');
  await keys('C-c');
} finally {
  await tmux('kill-server').catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
}

const doc = [
  '# Gallery',
  '',
  'The full-screen app at 80×24, as captured from a real terminal by `npm run gallery` (with',
  '`NO_COLOR`, so the text is plain). The vault holds the Substrate development phrase, whose',
  'keys are public test keys: never send funds to them.',
  '',
  ...shots.flatMap(({ title, about, frame }) => [
    `## ${title}`,
    '',
    about,
    '',
    '```',
    frame.replace(/\s+$/u, ''),
    '```',
    '',
  ]),
].join('\n');
await writeFile(join(ROOT, 'docs/GALLERY.md'), doc);
console.log(`wrote docs/GALLERY.md with ${shots.length} screens`);
