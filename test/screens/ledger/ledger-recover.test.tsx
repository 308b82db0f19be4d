/**
 * Recovering a Ledger offline from the app: the published hdLedger vectors (test/fixtures/
 * ledger-hd-vectors.json) with and without a passphrase, the warning first, saved into a real vault.
 */
import { encodeAddress } from '@polkadot/util-crypto/address/encode';
import { ed25519PairFromSeed } from '@polkadot/util-crypto/ed25519/pair/fromSeed';
import { hdLedger } from '@polkadot/util-crypto/hd/ledger';
import { describe, expect, it } from 'vitest';
import { ledgerPath } from '../../../src/ledger/paths.js';
import vectors from '../../fixtures/ledger-hd-vectors.json' with { type: 'json' };
import { type Screen, expectFits } from '../../helpers/ink.js';
import { ARROW_DOWN, ARROW_LEFT, CTRL_U, ENTER, ESC, TAB, paste } from '../../helpers/keys.js';
import { content, prose } from '../../helpers/shell.js';
import { openTestVault, reopen } from '../../helpers/vault.js';
import { openLedger, statusLine } from './helpers.js';

const { MNE_0: ABANDON_ABOUT, MNE_1: LEDGER_WORDS } = vectors.mnemonics;
/** The published Polkadot (slip44 354) vectors at account 0: without a passphrase, and with "testing". */
const POLKADOT = vectors.vectors.filter((v) => v.slip44 === 354);
const NO_PASSPHRASE = POLKADOT.find((v) => v.mnemonic === 'MNE_0' && v.passphrase === '')!;
const WITH_PASSPHRASE = POLKADOT.find((v) => v.mnemonic === 'MNE_1' && v.passphrase === 'testing')!;
const publishedKey = (seed: string) => ed25519PairFromSeed(Buffer.from(seed.slice(2), 'hex')).publicKey;
const hex = (bytes: Uint8Array) => `0x${Buffer.from(bytes).toString('hex')}`;

/** From the Ledger home, past the warning (confirmed with y), to the word entry. */
async function toWords(screen: Screen) {
  await screen.pressUntil('Go on and type the words?', ARROW_DOWN, ENTER);
  return screen.pressUntil('Word 1 of 24', 'y');
}

/** The details form, filled in: passphrase (may be empty), accounts, network, name; Enter derives. */
async function fillDetails(
  screen: Screen,
  {
    passphrase = '',
    accounts,
    network,
    name,
  }: { passphrase?: string; accounts: number; network: string; name: string },
) {
  await screen.waitFor('› Passphrase:');
  if (passphrase) {
    screen.type(passphrase);
    await screen.waitFor(`Passphrase:  ${'•'.repeat(passphrase.length)}`);
  }
  await screen.pressUntil('› Accounts:', TAB);
  screen.type(`${CTRL_U}${accounts}`);
  await screen.waitFor(`Accounts:    ${accounts}`);
  await screen.pressUntil('› Network:', TAB);
  screen.type(`${CTRL_U}${network}`);
  await screen.waitFor(`Network:     ${network}`);
  await screen.pressUntil('› Name:', TAB);
  screen.type(name);
  await screen.waitFor(`Name:        ${name}`);
}

describe('recovering a Ledger offline', () => {
  it('warns first: Esc or n goes back without asking for a word', async () => {
    const screen = await openLedger(await openTestVault());
    const warning = await screen.pressUntil('Go on and type the words?', ARROW_DOWN, ENTER);
    expect(prose(warning)).toContain(
      "⚠ Typing a Ledger's recovery phrase into a computer turns it into a software wallet: these keys are now only as safe as this machine and this vault.",
    );
    expectFits(warning);
    // Back at the menu, still on the choice that was made.
    await screen.pressUntil('› Recover offline from its 24 words', ESC);
    await screen.pressUntil('Go on and type the words?', ENTER);
    await screen.pressUntil('› Recover offline from its 24 words', 'n');
    screen.unmount();
  });

  it('the abandon…about words, typed word by word, give the published address; saved with the words', async () => {
    const session = await openTestVault();
    const screen = await openLedger(session);
    await toWords(screen);
    // Typed as a person types, each word taken with Space; the count follows to 12 with ←.
    await screen.pressUntil('[12]', ARROW_LEFT, ARROW_LEFT, ARROW_LEFT, ARROW_LEFT);
    screen.type(`${ABANDON_ABOUT} `);
    const words = await screen.waitFor('The checksum holds. Enter goes on.');
    expectFits(words);
    await screen.pressUntil('› Passphrase:', ENTER);
    await fillDetails(screen, { accounts: 3, network: 'polkadot', name: 'lost' });

    const review = await screen.pressUntil('Enter saves them as identity "lost"', ENTER);
    expectFits(review);
    expect(content(review)).toContain('3 accounts (polkadot)');
    // Whole, to compare with addresses known; the path of the selected one under the list.
    const account0 = encodeAddress(publishedKey(NO_PASSPHRASE.seed), 0);
    expect(content(review)).toMatch(new RegExp(`› +0  ${account0}$`, 'mu'));
    for (const n of [1, 2]) {
      const address = encodeAddress(hdLedger(ABANDON_ABOUT, ledgerPath(n)).publicKey, 0);
      expect(content(review)).toMatch(new RegExp(`^ +${n}  ${address}$`, 'mu'));
    }
    expect(content(review)).toContain("Account 0: m/44'/354'/0'/0'/0'");

    const saved = await screen.pressUntil('Accounts ·', ENTER);
    expect(statusLine(saved)).toContain('✓ Saved mnemonic identity "lost" with 3 accounts: lost-0, lost-1, lost-2.');
    const data = await reopen(session);
    expect(data.identities).toMatchObject([{ name: 'lost', kind: 'mnemonic', mnemonic: ABANDON_ABOUT }]);
    expect(data.identities[0]).not.toHaveProperty('passphrase');
    expect(data.accounts.map((a) => [a.name, a.type, a.path, a.publicKey, a.network])).toEqual(
      [0, 1, 2].map((n) => [
        `lost-${n}`,
        'ed25519',
        ledgerPath(n),
        hex(hdLedger(ABANDON_ABOUT, ledgerPath(n)).publicKey),
        'polkadot',
      ]),
    );
    expect(data.accounts[0]!.publicKey).toBe(hex(publishedKey(NO_PASSPHRASE.seed)));
    screen.unmount();
  });

  it('reviews many accounts whole at 80×24, each path said as it is selected; the PATH column where it fits', async () => {
    const screen = await openLedger(await openTestVault());
    await toWords(screen);
    await screen.pressUntil('All 24 words are in', paste(LEDGER_WORDS));
    await screen.pressUntil('› Passphrase:', ENTER);
    await fillDetails(screen, { accounts: 20, network: 'kusama', name: 'many' });
    const review = await screen.pressUntil('Enter saves them as identity "many"', ENTER);
    expectFits(review);
    const address = (n: number) => encodeAddress(hdLedger(LEDGER_WORDS, ledgerPath(n)).publicKey, 2);
    expect(content(review)).toMatch(new RegExp(`› +0  ${address(0)}$`, 'mu'));
    expect(content(review)).toContain("Account 0: m/44'/354'/0'/0'/0' · 1/20");
    const last = await screen.press('G');
    expectFits(last);
    expect(content(last)).toMatch(new RegExp(`› +19  ${address(19)}$`, 'mu'));
    expect(content(last)).toContain("Account 19: m/44'/354'/19'/0'/0' · 20/20");
    const wide = await screen.resize(120, 40);
    expectFits(wide, 120, 40);
    expect(content(wide)).toMatch(new RegExp(`› +19  m/44'/354'/19'/0'/0' +${address(19)}$`, 'mu'));
    screen.unmount();
  });

  it("a device's 24 words pasted, with its passphrase typed masked: the published 25th-word address", async () => {
    const session = await openTestVault();
    const screen = await openLedger(session);
    await toWords(screen);
    await screen.pressUntil('All 24 words are in', paste(LEDGER_WORDS));
    await screen.pressUntil('› Passphrase:', ENTER);
    await fillDetails(screen, {
      passphrase: WITH_PASSPHRASE.passphrase,
      accounts: 1,
      network: 'polkadot',
      name: 'hidden',
    });
    expect(screen.frame()).not.toContain(WITH_PASSPHRASE.passphrase);

    const review = await screen.pressUntil('Enter saves them as identity "hidden"', ENTER);
    const expected = encodeAddress(publishedKey(WITH_PASSPHRASE.seed), 0);
    expect(content(review)).toContain(expected);
    expect(review).not.toContain(WITH_PASSPHRASE.passphrase);

    await screen.pressUntil('Accounts ·', ENTER);
    const data = await reopen(session);
    expect(data.identities).toMatchObject([
      { name: 'hidden', kind: 'mnemonic', mnemonic: LEDGER_WORDS, passphrase: 'testing' },
    ]);
    expect(data.accounts).toMatchObject([
      { name: 'hidden-0', publicKey: hex(publishedKey(WITH_PASSPHRASE.seed)), path: ledgerPath(0) },
    ]);
    screen.unmount();
  });

  it('Esc stops a long derivation and saves nothing; the form keeps what was typed', async () => {
    const session = await openTestVault();
    const screen = await openLedger(session);
    await toWords(screen);
    await screen.pressUntil('All 24 words are in', paste(LEDGER_WORDS));
    await screen.pressUntil('› Passphrase:', ENTER);
    await fillDetails(screen, { accounts: 1000, network: 'kusama', name: 'many' });
    const deriving = await screen.pressUntil(/Deriving the accounts… [1-9]\d* of 1000/u, ENTER);
    expectFits(deriving);
    const stopped = await screen.pressUntil('Stopped: nothing was saved.', ESC);
    expect(stopped).toContain('Name:        many');
    expect((await reopen(session)).identities).toEqual([]);
    screen.unmount();
  });

  it('a name already taken is said under the field, and nothing is derived', async () => {
    const session = await openTestVault({ dev: true });
    const screen = await openLedger(session);
    await toWords(screen);
    await screen.pressUntil('All 24 words are in', paste(LEDGER_WORDS));
    await screen.pressUntil('› Passphrase:', ENTER);
    await fillDetails(screen, { accounts: 2, network: 'polkadot', name: 'dev' });
    expect(prose(screen.frame())).toContain('✗ An identity named "dev" already exists');
    // Enter stays on the form: the next key is still typed into the name.
    screen.type(ENTER);
    await screen.pressUntil('› Name:        devs', 's');
    expect(screen.frame()).not.toContain('Deriving');
    screen.unmount();
  });
});
