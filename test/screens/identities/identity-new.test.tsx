import { describe, expect, it } from 'vitest';
import { checkMnemonic } from '../../../src/vault/mnemonic.js';
import { type Screen, expectFits } from '../../helpers/ink.js';
import { ARROW_LEFT, ARROW_UP, ENTER, ESC } from '../../helpers/keys.js';
import { prose } from '../../helpers/shell.js';
import { openTestVault, reopen } from '../../helpers/vault.js';
import { openApp } from './helpers.js';

/** The numbered words of the grid, read from the frame as a person reads them off the screen. */
function wordsOnScreen(frame: string): string[] {
  const words: string[] = [];
  for (const [, n, word] of frame.matchAll(/\b(\d{1,2})\. ([a-z]+)/gu)) words[Number(n) - 1] = word!;
  return words;
}

const askedNumber = (frame: string) => Number(/Word #(\d+)\?/u.exec(frame)?.[1]);

async function toWords(screen: Screen, name: string, lefts = 0) {
  await screen.pressUntil('New identity', 'n');
  screen.type(name);
  await screen.waitFor(`Name: ${name}`);
  for (let i = 0; i < lefts; i++) await screen.press(ARROW_LEFT);
  return screen.pressUntil('Recovery words for', ENTER);
}

describe('a new identity', () => {
  it('shows numbered words once, quizzes three of them, then saves exactly those words', async () => {
    const session = await openTestVault();
    const screen = await openApp(session);
    expect(screen.frame()).toContain('No identities yet');
    expectFits(screen.frame());

    const shown = await toWords(screen, 'savings');
    expectFits(shown);
    expect(shown).toContain('(24 words)');
    const warning = prose(shown);
    expect(warning).toContain('Write these words on paper, in this order');
    expect(warning).toContain('Anyone who sees them can take the funds');
    expect(warning).toContain('airlock will not show them again');
    const words = wordsOnScreen(shown);
    expect(words.filter(Boolean)).toHaveLength(24);

    let frame = await screen.pressUntil('Word #', ENTER);
    expectFits(frame);
    const asked = new Set<number>();
    for (let question = 1; question <= 3; question++) {
      expect(frame).toContain(`question ${question} of 3`);
      const number = askedNumber(frame);
      asked.add(number);
      screen.type(words[number - 1]!);
      await screen.waitFor(`Word #${number}? ${words[number - 1]}`);
      frame = await screen.pressUntil(
        question < 3 ? `question ${question + 1} of 3` : 'Saved identity "savings"',
        ENTER,
      );
    }
    expect(asked.size).toBe(3);

    await screen.waitFor(/savings\s+mnemonic\s+0/u);
    expectFits(screen.frame());
    expect(screen.frame()).not.toContain('Recovery words for');
    const saved = (await reopen(session)).identities.find((i) => i.name === 'savings');
    expect(saved?.kind).toBe('mnemonic');
    const phrase = saved?.kind === 'mnemonic' ? saved.mnemonic : '';
    expect(phrase).toBe(words.join(' '));
    expect(checkMnemonic(phrase)).toBe(phrase);
    screen.unmount();
  });

  it('lets the word count be chosen with ←', async () => {
    const session = await openTestVault();
    const screen = await openApp(session);
    const shown = await toWords(screen, 'short', 4);
    expect(shown).toContain('(12 words)');
    expect(wordsOnScreen(shown).filter(Boolean)).toHaveLength(12);
    screen.unmount();
  });

  it('checks the name as it is typed', async () => {
    const session = await openTestVault({ dev: true });
    const screen = await openApp(session);
    await screen.pressUntil('New identity', 'n');
    screen.type('dev');
    await screen.waitFor('An identity named "dev" already exists');
    screen.type(ENTER);
    screen.type('2');
    // Enter was read before the "2": it did not go on to the words.
    await screen.waitFor('Name: dev2');
    expect(screen.frame()).not.toContain('Recovery words for');
    expect(screen.frame()).not.toContain('already exists');
    screen.unmount();
  });

  it('a wrong answer says so, lets them look again, and leaving saves nothing', async () => {
    const session = await openTestVault();
    const screen = await openApp(session);
    const words = wordsOnScreen(await toWords(screen, 'careless'));
    const frame = await screen.pressUntil('Word #', ENTER);
    const number = askedNumber(frame);
    const wrong = words[number % 24] === words[number - 1] ? 'zoo' : words[number % 24]!;
    screen.type(wrong);
    await screen.waitFor(`Word #${number}? ${wrong}`);
    await screen.pressUntil(`That is not word #${number}`, ENTER);
    expect(screen.frame()).toContain('question 1 of 3');
    expect(session.data.identities).toHaveLength(0);

    const again = await screen.pressUntil('Recovery words for', ARROW_UP);
    expect(wordsOnScreen(again)).toEqual(words);
    await screen.pressUntil('Leave without saving?', ESC);
    await screen.pressUntil('No identities yet', ENTER);
    expect((await reopen(session)).identities).toHaveLength(0);
    screen.unmount();
  });

  it('Esc on the leave question goes back to the words', async () => {
    const session = await openTestVault();
    const screen = await openApp(session);
    const words = wordsOnScreen(await toWords(screen, 'kept'));
    await screen.pressUntil('Leave without saving?', ESC);
    expect(wordsOnScreen(await screen.pressUntil('Recovery words for', ESC))).toEqual(words);
    screen.unmount();
  });

  it('Esc on the form leaves at once: no words exist yet', async () => {
    const session = await openTestVault();
    const screen = await openApp(session);
    await screen.pressUntil('New identity', 'n');
    await screen.pressUntil('No identities yet', ESC);
    screen.unmount();
  });
});
