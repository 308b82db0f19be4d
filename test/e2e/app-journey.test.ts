/**
 * The operator's first session, in a real terminal at 80×24: create a vault, restore the
 * Substrate dev phrase, derive //Alice and see its address; resize; quit. Afterwards the
 * terminal's scrollback holds none of the words, names or addresses the app showed.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { OWNER, airlockJson } from '../helpers/cli.js';
import { ALICE, DEV_PHRASE } from '../helpers/dev-keys.js';
import { openTerminal, type Terminal } from '../helpers/tmux.js';

let terminal: Terminal | undefined;
afterAll(() => terminal?.close());

it('create, restore, derive, resize, quit — and nothing stays in the scrollback', async () => {
  const vault = join(await mkdtemp(join(tmpdir(), 'airlock-journey-')), 'vault.json');
  terminal = await openTerminal({ args: ['--vault', vault] });
  const t = terminal;

  await t.waitFor('Create a vault');
  await t.type(OWNER.AIRLOCK_PASSWORD);
  await t.keys('Enter');
  await t.waitFor('Repeat it:');
  await t.type(OWNER.AIRLOCK_PASSWORD);
  await t.keys('Enter');
  await t.waitFor('No identities yet');

  await t.type('r');
  await t.waitFor('Restore an identity');
  await t.type('treasury');
  await t.keys('Enter');
  await t.waitFor('Word 1 of 12');
  await t.paste(DEV_PHRASE);
  await t.waitFor('The checksum holds');
  await t.keys('Enter');
  await t.waitFor(/treasury\s+mnemonic/u);

  await t.keys('Tab');
  await t.waitFor('Accounts ·');
  await t.type('d');
  await t.waitFor('Derive an account');
  await t.keys('Tab');
  await t.waitFor('› Name');
  await t.type('alice-cold');
  await t.keys('Tab');
  await t.waitFor('› Key type');
  await t.keys('Tab');
  await t.waitFor('› Path');
  await t.type('//Alice');
  await t.keys('Tab');
  await t.waitFor(ALICE.substrate);
  await t.keys('Enter');
  await t.waitFor(/alice-cold\s+5Grwva/u);
  await t.keys('Enter');
  // The detail shows the whole public key (wrapped at 80 columns) and the whole address.
  const detail = await t.waitFor('0xd43593c715fdd31c');
  expect(detail).toContain(ALICE.substrate);
  expect(detail).toContain(ALICE.publicKey.slice(0, 40));
  expect(detail).toContain(ALICE.publicKey.slice(-16));

  await t.resize(120, 40);
  const wide = await t.waitFor(ALICE.publicKey);
  expect(wide.split('\n').length).toBeGreaterThanOrEqual(40);
  await t.resize(80, 24);
  await t.waitFor(ALICE.substrate);

  await t.keys('C-c');
  expect(await t.exited()).toBe(0);
  const history = await t.history();
  const words = DEV_PHRASE.split(' ');
  for (let i = 0; i + 3 <= words.length; i++) expect(history).not.toContain(words.slice(i, i + 3).join(' '));
  for (const shown of ['treasury', 'alice-cold', ALICE.substrate, '5Grwva', 'd43593c7', 'Accounts'])
    expect(history).not.toContain(shown);

  // What the app did is in the vault, as the command line sees it.
  const accounts = await airlockJson<{ name: string; address: string; identity: string }[]>(['account', 'list'], {
    vault,
    env: OWNER,
  });
  expect(accounts).toEqual([
    expect.objectContaining({ name: 'alice-cold', address: ALICE.substrate, identity: 'treasury' }),
  ]);
});
