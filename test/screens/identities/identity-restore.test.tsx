import { describe, expect, it } from 'vitest';
import { DEV_PHRASE } from '../../helpers/dev-keys.js';
import { expectFits } from '../../helpers/ink.js';
import { BACKSPACE, ENTER, ESC, TAB, paste } from '../../helpers/keys.js';
import { prose, waitForProse } from '../../helpers/shell.js';
import { openTestVault, reopen } from '../../helpers/vault.js';
import { openApp } from './helpers.js';

const words = DEV_PHRASE.split(' ');

async function toWordEntry(name: string) {
  const session = await openTestVault();
  const screen = await openApp(session);
  await screen.pressUntil('Restore an identity', 'r');
  screen.type(name);
  await screen.waitFor(`Name: ${name}`);
  await screen.pressUntil('Word 1 of 12', ENTER);
  return { session, screen };
}

const mnemonicOf = async (session: Awaited<ReturnType<typeof openTestVault>>, name: string) => {
  const identity = (await reopen(session)).identities.find((i) => i.name === name);
  return identity?.kind === 'mnemonic' ? identity.mnemonic : undefined;
};

describe('restoring an identity from its words', () => {
  it('takes the words one by one, with Tab completing some, and saves a phrase whose checksum holds', async () => {
    const { session, screen } = await toWordEntry('typed');
    expectFits(screen.frame());
    for (const [i, word] of words.entries()) {
      if (i % 3 === 0) {
        // "bott" + Tab → "bottom"
        screen.type(word.slice(0, 4));
        await screen.waitFor(`: ${word.slice(0, 4)}`);
        await screen.pressUntil(`of 12: ${word}`, TAB);
      } else {
        screen.type(word);
      }
      await screen.pressUntil(i < 11 ? `Word ${i + 2} of 12` : 'All 12 words are in', ' ');
    }
    const done = await screen.waitFor('The checksum holds');
    expectFits(done);
    expect(done).toMatch(/12\. walk/u);

    await screen.pressUntil(/typed\s+mnemonic\s+0/u, ENTER);
    expect(screen.frame()).toContain('Restored identity "typed"');
    expect(await mnemonicOf(session, 'typed')).toBe(DEV_PHRASE);
    screen.unmount();
  });

  it('shows the words a prefix may become, and Backspace on an empty word takes the previous one back', async () => {
    const { screen } = await toWordEntry('edited');
    screen.type('wal');
    await screen.waitFor('walk · wall · walnut');
    await screen.press(ENTER); // not a whole word: refused, with a hint
    expect(screen.frame()).toMatch(/Tab completes it/u);
    await screen.pressUntil('Word 2 of 12', TAB, ENTER);
    await screen.pressUntil('Word 1 of 12: walk', BACKSPACE);
    await screen.pressUntil('Word 1 of 12: wal', BACKSPACE);
    screen.unmount();
  });

  it('fills every word from a pasted phrase', async () => {
    const { session, screen } = await toWordEntry('pasted');
    await screen.pressUntil('The checksum holds', paste(DEV_PHRASE));
    expect(screen.frame()).toContain('All 12 words are in');
    await screen.pressUntil(/pasted\s+mnemonic/u, ENTER);
    expect(await mnemonicOf(session, 'pasted')).toBe(DEV_PHRASE);
    screen.unmount();
  });

  it('a wrong checksum word gets a plain verdict and saves nothing', async () => {
    const { session, screen } = await toWordEntry('broken');
    const frame = await screen.pressUntil('fails its checksum', paste(DEV_PHRASE.replace(/walk$/u, 'abandon')));
    expect(prose(frame)).toContain('The recovery phrase fails its checksum: a word is wrong or two are swapped');
    expectFits(frame);
    screen.type(ENTER);
    // Backspace after Enter: the entry is still there, so Enter did not leave or save.
    await screen.pressUntil('Word 12 of 12: abandon', BACKSPACE);
    expect((await reopen(session)).identities).toHaveLength(0);
    screen.unmount();
  });

  it('flags a misspelt word at once, with what it was probably meant to be, and does not take it', async () => {
    const { screen } = await toWordEntry('misspelt');
    screen.type('bottem');
    await screen.waitFor('"bottem" is not in the BIP39 word list; did you mean "bottom"?');
    screen.type(' ');
    screen.type('x');
    await screen.waitFor('Word 1 of 12: bottemx');
    screen.unmount();
  });

  it('Esc goes back to the name, and Esc there leaves without saving', async () => {
    const { session, screen } = await toWordEntry('left');
    screen.type('bottom ');
    await screen.waitFor('Word 2 of 12');
    await screen.pressUntil('Name: left', ESC);
    await screen.pressUntil('No identities yet', ESC);
    expect((await reopen(session)).identities).toHaveLength(0);
    screen.unmount();
  });

  it('a phrase already in the vault is refused in the form as soon as the checksum holds', async () => {
    const session = await openTestVault({ dev: true });
    const screen = await openApp(session);
    await screen.pressUntil('Restore an identity', 'r');
    screen.type('again');
    await screen.waitFor('Name: again');
    await screen.pressUntil('Word 1 of 12', ENTER);
    await screen.press(paste(DEV_PHRASE));
    const said = await waitForProse(
      screen,
      '✗ This recovery phrase is already in the vault as identity "dev". Backspace goes back to change a word.',
    );
    expect(said).toContain('All 12 words are in.');
    expect(said).not.toContain('The checksum holds');
    expectFits(said);
    // Enter takes nothing: the form stays, and says the same.
    screen.type(ENTER);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(prose(screen.frame())).toContain('already in the vault as identity "dev". Backspace');
    expect((await reopen(session)).identities.map((i) => i.name)).toEqual(['dev']);
    screen.unmount();
  });
});
