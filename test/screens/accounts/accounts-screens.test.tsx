import { describe, expect, it } from 'vitest';
import { recoverLedgerAddresses } from '../../../src/ledger/recover.js';
import { accountAddress } from '../../../src/vault/accounts.js';
import { findNetwork } from '../../../src/vault/networks.js';
import { saveRecoveredLedger } from '../../../src/vault/save-ledger.js';
import * as actions from '../../../src/vault/actions.js';
import { VaultSession } from '../../../src/vault/store.js';
import { expectFits } from '../../helpers/ink.js';
import { ARROW_LEFT, ARROW_RIGHT, ARROW_UP, CTRL_U, ENTER, ESC, TAB } from '../../helpers/keys.js';
import { ALITH } from '../../helpers/dev-keys.js';
import { content, prose } from '../../helpers/shell.js';
import { openTestVault, TEST_PASSWORD } from '../../helpers/vault.js';
import { openAccounts } from './helpers.js';

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const ALICE_POLKADOT = '15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5';
const ABANDON_ABOUT = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
const ALICE_KUSAMA = 'HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F';

const reopen = (session: VaultSession) => VaultSession.unlock(session.path, new TextEncoder().encode(TEST_PASSWORD));

async function withAliceAndBob() {
  const session = await openTestVault({ dev: true });
  await actions.deriveAccount(session, { identity: 'dev', name: 'alice', type: 'sr25519', path: '//Alice' });
  await actions.deriveAccount(session, {
    identity: 'dev',
    name: 'bob',
    type: 'sr25519',
    path: '//Bob',
    network: 'polkadot',
  });
  return session;
}

describe('deriving an account', () => {
  it('derives //Alice through the form, previewing the address before it saves', async () => {
    const session = await openTestVault({ dev: true });
    const screen = await openAccounts(session);
    expect(prose(screen.frame())).toContain('Press d to derive one.');
    await screen.pressUntil('Derive an account', 'd');
    await screen.pressUntil('› Name', TAB);
    screen.type('alice');
    await screen.pressUntil('› Key type', TAB);
    await screen.pressUntil('› Path', TAB);
    screen.type('//Alice');
    await screen.pressUntil('› Network', TAB);
    const preview = await screen.waitFor(ALICE);
    expect(preview).toContain('Enter saves it');
    expectFits(preview);
    expect(session.data.accounts).toEqual([]);

    const list = await screen.pressUntil(/alice +5Grwva/u, ENTER);
    expectFits(list);
    expect(list).toContain(`Derived account "alice": ${ALICE}`);
    expect(session.data.accounts).toEqual([
      expect.objectContaining({ name: 'alice', type: 'sr25519', path: '//Alice', network: 'substrate' }),
    ]);
    const saved = await reopen(session);
    expect(saved.data.accounts.map((a) => accountAddress(a))).toEqual([ALICE]);
    saved.close();
    screen.unmount();
  });

  it('picks the network in the live search typed on the field, answering a typo with "did you mean"', async () => {
    const session = await openTestVault({ dev: true });
    const screen = await openAccounts(session);
    await screen.pressUntil('Derive an account', 'd');
    screen.type('\tbob\t\t//Alice\t');
    await screen.waitFor(ALICE);
    // Letters on the Network field open the search with them; a typo gets the names it is close to.
    screen.type('polkdot');
    const guessed = await screen.waitFor('did you mean');
    expect(guessed).toContain('Network polkdot   no network has "polkdot"; did you mean:');
    expect(guessed).toMatch(/polkadot +0 +Polkadot Relay Chain/u);
    expectFits(guessed);
    const polkadot = await screen.pressUntil(ALICE_POLKADOT, ENTER);
    expect(polkadot).toContain('Network   polkadot  Polkadot Relay Chain, SS58 prefix 0');
    // Esc in the search keeps the network chosen; Space opens it on that network.
    const search = await screen.pressUntil('The network of the new account "bob"', ' ');
    expect(search).toMatch(/● polkadot +0 /u);
    screen.type('kusama');
    await screen.waitFor(/Network kusama .* of 149/u);
    await screen.pressUntil(ALICE_POLKADOT, ESC);
    await screen.pressUntil(/bob +15oF4u/u, ENTER);
    expect(session.data.accounts[0]).toMatchObject({ name: 'bob', network: 'polkadot' });
    screen.unmount();
  });

  it('gives an ethereum account an EVM chain, and the form keys on its hint lines', async () => {
    const session = await openTestVault({ dev: true });
    const screen = await openAccounts(session);
    const form = await screen.pressUntil('Derive an account', 'd');
    expect(form).toContain('C-u clears a field');
    screen.type('\talith\t');
    await screen.pressUntil('● ethereum', ARROW_LEFT);
    await screen.pressUntil('Network   moonbeam  Moonbeam, SS58 prefix 1284', TAB, TAB);
    await screen.waitFor(ALITH);
    await screen.pressUntil(/alith +0xf24F/u, ENTER);
    expect(session.data.accounts[0]).toMatchObject({ name: 'alith', type: 'ethereum', network: 'moonbeam' });
    screen.unmount();
  });

  it('shows every key, C-u among them, with ? off a text field, and comes back to the form as it was', async () => {
    const session = await openTestVault({ dev: true });
    const screen = await openAccounts(session);
    await screen.pressUntil('Derive an account', 'd');
    screen.type('\tbob?\t');
    await screen.pressUntil('● ethereum', ARROW_LEFT);
    const keys = await screen.pressUntil('Forms (letters are typed)', '?');
    expect(keys).toMatch(/C-u +clear the field/u);
    expect(keys).toMatch(/C-w +delete a word/u);
    expectFits(keys);
    const back = await screen.pressUntil('Derive an account', ESC);
    expect(back).toMatch(/Name +bob\?/u);
    expect(back).toContain('● ethereum');
    expect(back).toContain('? all keys');
    screen.unmount();
  });

  it('refuses a soft path for ed25519, saying why, and cannot save it', async () => {
    const session = await openTestVault({ dev: true });
    const screen = await openAccounts(session);
    await screen.pressUntil('Derive an account', 'd');
    screen.type('\tsoft\t');
    await screen.pressUntil('● ed25519', ARROW_RIGHT);
    await screen.pressUntil('› Path', TAB);
    screen.type('/soft');
    const verdict = await screen.waitFor('ed25519 keys cannot be soft-derived');
    expectFits(verdict);
    await screen.pressUntil('› Network', TAB);
    // Enter on the last field does nothing; the next key shows the form is still there.
    screen.type(ENTER);
    await screen.pressUntil('› Path', ARROW_UP);
    expect(screen.frame()).toContain('Derive an account');
    expect(screen.frame()).not.toContain('Deriving');
    expect(session.data.accounts).toEqual([]);
    screen.unmount();
  });

  it('shows why a key already in the vault cannot be derived again', async () => {
    const session = await withAliceAndBob();
    const screen = await openAccounts(session);
    await screen.pressUntil('Derive an account', 'd');
    screen.type('\talice again\t\t//Alice\t');
    const verdict = await screen.waitFor(/already in the vault as account/u);
    expect(prose(verdict)).toContain('✗ this key is already in the vault as account "alice"; derive with another path');
    expect(prose(verdict)).toMatch(/Address —/u);
    expectFits(verdict);
    screen.type(ENTER);
    await screen.pressUntil('› Path', ARROW_UP);
    expect(session.data.accounts).toHaveLength(2);
    screen.unmount();
  });

  it('says to make an identity first when there is none', async () => {
    const session = await openTestVault();
    const screen = await openAccounts(session);
    expect(prose(screen.frame())).toMatch(
      /restore or create an identity in Identities first .* then come back and press d/u,
    );
    const form = await screen.pressUntil('Derive an account', 'd');
    expect(prose(form)).toMatch(/holds a recovery phrase, and the vault has none. Restore or create one/u);
    await screen.pressUntil('No accounts yet', ESC);
    screen.unmount();
  });
});

describe('an account in detail', () => {
  it('shows the whole address and key, and the address in another network without changing the account', async () => {
    const session = await withAliceAndBob();
    const screen = await openAccounts(session);
    const detail = await screen.pressUntil('Public key', ENTER);
    expectFits(detail);
    expect(detail).toContain(ALICE);
    expect(detail).toMatch(/substrate, SS58 prefix 42/u);
    expect(content(detail).replace(/\s/gu, '')).toContain(
      '0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d',
    );

    const picker = await screen.pressUntil('Show the address of "alice"', 'N');
    expectFits(picker);
    expect(picker).toMatch(/● substrate +42/u);
    screen.type('kusama');
    // The exact name comes first, so Enter picks it.
    expect(await screen.waitFor('2 of 149')).toMatch(/Network kusama.*\n.*kusama +2 +Kusama Relay Chain/u);
    const kusama = await screen.pressUntil(ALICE_KUSAMA, ENTER);
    expect(kusama).toMatch(/kusama, SS58 prefix 2/u);
    expect(kusama).toContain('for reading only');
    expect(session.data.accounts[0]!.network).toBe('substrate');

    // Esc closes the picker without changing what is shown.
    await screen.pressUntil('Show the address', 'N');
    await screen.pressUntil(ALICE_KUSAMA, ESC);
    await screen.pressUntil(/NAME +ADDRESS/u, ESC);
    screen.unmount();
  });

  it('renames and removes from the detail', async () => {
    const session = await withAliceAndBob();
    const screen = await openAccounts(session);
    await screen.pressUntil('Public key', ENTER);
    await screen.pressUntil('New name: alice', 'R');
    screen.type(`${CTRL_U}alice-renamed`);
    await screen.waitFor('New name: alice-renamed');
    // Back on the same account's detail, under its new name.
    const renamed = await screen.pressUntil('Public key', ENTER);
    expect(content(renamed)).toMatch(/^alice-renamed\n/u);
    expect(renamed).toContain(ALICE);
    await screen.pressUntil('Remove account "alice-renamed"?', 'x');
    // Back to the list, not to the detail of an account that is gone.
    await screen.pressUntil(/NAME +ADDRESS/u, 'y');
    expect(content(screen.frame())).not.toContain('alice');
    expect(session.data.accounts.map((a) => a.name)).toEqual(['bob']);
    screen.unmount();
  });
});

describe('renaming and removing from the list', () => {
  it('renames the selected account', async () => {
    const session = await withAliceAndBob();
    const screen = await openAccounts(session);
    // The cursor is drawn in inverse, which the plain frame does not show: move and act at once.
    await screen.pressUntil('New name: bob', 'j', 'R');
    screen.type(`${CTRL_U}treasury`);
    const list = await screen.pressUntil(/treasury +15oF4u|treasury +1/u, ENTER);
    expect(list).toContain('Renamed account "bob" to "treasury"');
    expect(session.data.accounts.map((a) => a.name)).toEqual(['alice', 'treasury']);
    const saved = await reopen(session);
    expect(saved.data.accounts.map((a) => a.name)).toEqual(['alice', 'treasury']);
    saved.close();

    // Esc leaves the name as it was; a taken name is refused with the reason.
    await screen.pressUntil('New name: treasury', 'R');
    await screen.pressUntil(/NAME +ADDRESS/u, ESC);
    await screen.pressUntil('New name: treasury', 'R');
    screen.type(`${CTRL_U}alice`);
    await screen.pressUntil('an account named "alice" already exists', ENTER);
    expect(session.data.accounts.map((a) => a.name)).toEqual(['alice', 'treasury']);
    screen.unmount();
  });

  it('removes after a yes, keeps after a no, and says the account can be derived again', async () => {
    const session = await withAliceAndBob();
    const screen = await openAccounts(session);
    const prompt = await screen.pressUntil('Remove account "alice"?', 'x');
    expectFits(prompt);
    expect(prose(prompt)).toMatch(/deriving it again from identity "dev" with the same type and path brings it back/u);
    await screen.pressUntil(/NAME +ADDRESS/u, 'n');
    expect(session.data.accounts).toHaveLength(2);
    await screen.pressUntil('Remove account "alice"?', 'x');
    const list = await screen.pressUntil('Removed account "alice"', ENTER);
    expect(list).not.toMatch(/alice +5/u);
    expect(session.data.accounts.map((a) => a.name)).toEqual(['bob']);
    await screen.pressUntil('Remove account "bob"?', 'x');
    await screen.pressUntil('No accounts yet', 'y');
    const saved = await reopen(session);
    expect(saved.data.accounts).toEqual([]);
    saved.close();
    screen.unmount();
  });
});

describe('filtering the list', () => {
  it('narrows as the user types, keeps the filter on Enter and clears it on Esc', async () => {
    const session = await withAliceAndBob();
    const screen = await openAccounts(session);
    await screen.pressUntil('/ ', '/');
    screen.type('BO');
    const narrowed = await screen.waitFor('1 of 2');
    expect(narrowed).toMatch(/bob +15oF4u|bob +1/u);
    expect(narrowed).not.toMatch(/alice +5/u);
    const kept = await screen.pressUntil('Filter "BO": 1 of 2', ENTER);
    expectFits(kept);
    // List keys work again with the filter kept: Enter opens the one match.
    const detail = await screen.pressUntil('Public key', ENTER);
    expect(content(detail)).toMatch(/^bob\n/u);
    await screen.pressUntil('Filter "BO"', ESC);
    const cleared = await screen.pressUntil('2 accounts', ESC);
    expect(cleared).toMatch(/alice +5Grwva/u);

    // By network, by address, by path; nothing matching says so.
    for (const [query, shown] of [
      ['polkadot', 'bob'],
      [ALICE.slice(20, 30).toLowerCase(), 'alice'],
      ['//ali', 'alice'],
    ] as const) {
      await screen.pressUntil('/ ', '/');
      screen.type(query);
      const frame = await screen.waitFor('1 of 2');
      expect(frame).toMatch(new RegExp(`${shown} +\\S`, 'u'));
      await screen.pressUntil('2 accounts', ESC);
    }
    await screen.pressUntil('/ ', '/');
    screen.type('zzz');
    await screen.waitFor('No account matches "zzz"');
    screen.unmount();
  });

  it('acts on keys typed faster than the screen draws', async () => {
    const session = await withAliceAndBob();
    const screen = await openAccounts(session);
    // Filter, keep it, open the match: all before a frame is drawn, one write per key.
    screen.type('/bob\r\r');
    const detail = await screen.waitFor('Public key');
    expect(content(detail)).toMatch(/^bob\n/u);
    // The same keys in one chunk, as a script or a very fast typist sends them.
    await screen.pressUntil(/NAME +ADDRESS/u, ESC);
    await screen.pressUntil('2 accounts', ESC);
    const chunked = await screen.pressUntil('Public key', '/ali\r\r');
    expect(content(chunked)).toMatch(/^alice\n/u);
    screen.unmount();
  });
});

describe('layout', () => {
  it('shows whole addresses and the network column in a wide terminal', async () => {
    const session = await withAliceAndBob();
    const screen = await openAccounts(session, { columns: 140, rows: 30 });
    const frame = screen.frame();
    expectFits(frame, 140, 30);
    expect(frame).toMatch(/NAME +ADDRESS +TYPE +PATH +NETWORK +IDENTITY/u);
    expect(frame).toContain(ALICE);
    const narrow = await screen.resize(80, 24);
    expectFits(narrow);
    // The column shows the address in part; the line under the list shows the selected one whole.
    expect(narrow).toMatch(/alice +5Grwva\S*…\S*KutQY /u);
    expect(selectedLines(narrow)).toEqual([ALICE, 'alice · sr25519 · //Alice · substrate · dev']);
    screen.unmount();
  });

  it('shows the selected account whole under the list at 80×24, following the cursor', async () => {
    const session = await withAliceAndBob();
    const screen = await openAccounts(session);
    expect(selectedLines(screen.frame())).toEqual([ALICE, 'alice · sr25519 · //Alice · substrate · dev']);
    const onBob = await screen.press('j');
    expectFits(onBob);
    const bob = accountAddress(session.data.accounts[1]!);
    expect(onBob).toMatch(new RegExp(`bob +${bob.slice(0, 7)}…${bob.slice(-7)} `, 'u'));
    expect(selectedLines(onBob)).toEqual([bob, 'bob · sr25519 · //Bob · polkadot · dev']);
    // Filtered to nothing, the lines stay empty rather than show an account not in the list.
    screen.type('/zzz');
    const none = await screen.waitFor('No account matches "zzz"');
    expect(selectedLines(none)).toEqual(['', '']);
    screen.unmount();
  });

  it('shows the end of Ledger paths, where they differ, and the whole path of the selected one', async () => {
    const session = await openTestVault();
    const network = findNetwork('polkadot');
    const found = recoverLedgerAddresses({
      phrase: ABANDON_ABOUT,
      passphrase: new Uint8Array(),
      accounts: 12,
      index: 0,
      ss58Prefix: 0,
    });
    await saveRecoveredLedger(session, 'nano', { phrase: ABANDON_ABOUT, passphrase: new Uint8Array() }, found, network);
    const screen = await openAccounts(session);
    const frame = screen.frame();
    expectFits(frame);
    for (const n of [0, 1, 9]) expect(frame).toMatch(new RegExp(`nano-${n} .* …/${n}'/0'/0' +nano`, 'u'));
    expect(selectedLines(frame)[1]).toBe("nano-0 · ed25519 · m/44'/354'/0'/0'/0' · polkadot · nano");
    const last = await screen.press('G');
    expect(last).toMatch(/nano-11 .* …\/11'\/0'\/0' +nano/u);
    expect(selectedLines(last)).toEqual([
      found[11]!.address,
      "nano-11 · ed25519 · m/44'/354'/11'/0'/0' · polkadot · nano",
    ]);
    // Every hint whole, on lines that fit.
    expect(content(last)).toContain('Enter open · / filter · d derive · x remove · ? help');
    screen.unmount();
  });
});

/** The two lines under the list: the selected account's address, and what it is. */
const selectedLines = (frame: string) => content(frame).split('\n').slice(-4, -2);
