/**
 * Paragraphs that wrap (the remove dialogs' warnings above all) break at word boundaries, and no
 * wrapped line starts with the space it was broken at. The names are chosen so that a word of each warning
 * ends exactly at the content area's edge, where a plain Ink <Text> moves the space to the next line.
 */
import { describe, expect, it } from 'vitest';
import * as actions from '../../src/vault/actions.js';
import { DEV_PHRASE } from '../helpers/dev-keys.js';
import { type Screen, expectFits } from '../helpers/ink.js';
import { ENTER, TAB } from '../helpers/keys.js';
import { content, prose, waitForProse } from '../helpers/shell.js';
import { openShell } from '../helpers/shell.js';
import { openTestVault } from '../helpers/vault.js';

/** The lines of the content area that start with a space. */
const indented = (frame: string) =>
  content(frame)
    .split('\n')
    .filter((line) => line.startsWith(' '));

async function withIdentity(name: string) {
  const session = await openTestVault();
  await actions.saveMnemonicIdentity(session, name, DEV_PHRASE);
  await actions.deriveAccount(session, { identity: name, name: 'alice', type: 'sr25519', path: '//Alice' });
  await actions.deriveAccount(session, { identity: name, name: 'bob', type: 'sr25519', path: '//Bob' });
  return session;
}

async function opened(session: Awaited<ReturnType<typeof openTestVault>>): Promise<Screen> {
  const screen = await openShell(session);
  await screen.waitFor('Identities ·');
  // The first frame may come before the 80×24 size is seen: wait for one where no line is longer.
  await screen.waitFor(/^(?![\s\S]*[^\n]{81})/u);
  return screen;
}

describe('the remove dialogs at 80×24', () => {
  it('identity: the warning wraps with no line starting with a space', async () => {
    const screen = await opened(await withIdentity('cold'));
    const frame = await screen.pressUntil('Type "cold" to confirm', 'x');
    expectFits(frame);
    expect(prose(frame)).toContain(
      'This removes identity "cold" and, with it, its 2 accounts from the vault. Without a backup or its written recovery words, those keys are gone for good.',
    );
    expect(indented(frame)).toEqual([]);
    const wide = await screen.resize(120, 40);
    expectFits(wide, 120, 40);
    expect(indented(wide)).toEqual([]);
    screen.unmount();
  });

  it('account: the warning wraps with no line starting with a space', async () => {
    const screen = await opened(await withIdentity('dev'));
    await screen.pressUntil(/NAME +ADDRESS/u, TAB);
    const frame = await screen.pressUntil('Remove account "alice"?', 'x');
    expectFits(frame);
    expect(prose(frame)).toContain(
      'The account holds no secret of its own: deriving it again from identity "dev" with the same type and path brings it back.',
    );
    expect(indented(frame)).toEqual([]);
    const wide = await screen.resize(120, 40);
    expectFits(wide, 120, 40);
    expect(indented(wide)).toEqual([]);
    screen.unmount();
  });

  it('address: no line starts with a space', async () => {
    const session = await openTestVault();
    await actions.addAddress(session, {
      name: 'exchange',
      address: '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty',
      note: 'the hot wallet of the exchange we trade on, kept here to compare',
    });
    const screen = await opened(session);
    await screen.pressUntil('Address book ·', TAB, TAB);
    const frame = await screen.pressUntil('Remove "exchange" from the address book?', 'x');
    expectFits(frame);
    expect(prose(frame)).toContain('Only this book entry goes; no key or account is touched.');
    expect(indented(frame)).toEqual([]);
    screen.unmount();
  });
});

describe('other paragraphs that wrap', () => {
  it('the empty Identities home at 80×24, and deriving with no identity at 120×40', async () => {
    const screen = await opened(await openTestVault());
    const home = await screen.waitFor('No identities yet');
    expectFits(home);
    expect(prose(home)).toContain(
      'No identities yet. An identity is a set of recovery words that your accounts are derived from.',
    );
    expect(indented(home)).toEqual([]);
    await screen.resize(120, 40);
    await screen.pressUntil('No accounts yet', TAB);
    const derive = await screen.pressUntil('Derive an account', 'd');
    expectFits(derive, 120, 40);
    expect(prose(derive)).toContain('Accounts are derived from an identity that holds a recovery phrase');
    expect(indented(derive)).toEqual([]);
    screen.unmount();
  });

  it('a refused word in the word entry: its "did you mean" wraps at a word', async () => {
    const screen = await opened(await openTestVault());
    await screen.pressUntil('Name:', 'r');
    await screen.pressUntil('type its recovery words', 'savings', ENTER);
    await screen.pressUntil('Word 2 of 12', 'bottom ');
    await screen.press('drvie ');
    const frame = await waitForProse(
      screen,
      '"drvie" is not in the BIP39 word list; did you mean "drive" or "derive" or "device"?',
    );
    expectFits(frame);
    // The word grid right-aligns its numbers; any other line starting with a space is a bad wrap.
    expect(indented(frame).filter((line) => !/^ +\d+\. /u.test(line))).toEqual([]);
    screen.unmount();
  });
});
