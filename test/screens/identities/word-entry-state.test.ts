import { describe, expect, it } from 'vitest';
import {
  candidates,
  initialWordEntry,
  verdictOf,
  wordEntryReducer,
  wordProblem,
  type WordEntryAction,
  type WordEntryState,
} from '../../../src/screens/identities/word-entry-state.js';
import { DEV_PHRASE } from '../../helpers/dev-keys.js';

const BAD_CHECKSUM = DEV_PHRASE.replace(/walk$/u, 'abandon');
const TWENTY_FOUR = 'abandon '.repeat(23) + 'art';

const run = (...actions: WordEntryAction[]) => actions.reduce<WordEntryState>(wordEntryReducer, initialWordEntry());
const type = (text: string): WordEntryAction => ({ type: 'type', text });

describe('completion', () => {
  it('lists the words that begin with what is typed', () => {
    expect(candidates('bott')).toEqual(['bottom']);
    expect(candidates('wal')).toEqual(['walk', 'wall', 'walnut']);
    expect(candidates('')).toEqual([]);
  });

  it('Tab completes to the one match, or the first of several', () => {
    expect(run(type('bott'), { type: 'complete' }).current).toBe('bottom');
    expect(run(type('wal'), { type: 'complete' }).current).toBe('walk');
  });

  it('Tab on something no word begins with changes nothing', () => {
    const state = run(type('xq'));
    expect(wordEntryReducer(state, { type: 'complete' })).toBe(state);
  });
});

describe('accepting words', () => {
  it('Space accepts a whole word, or the one word four letters begin', () => {
    const state = run(type('bottom'), type(' '), type('driv'), type(' '));
    expect(state.words).toEqual(['bottom', 'drive']);
    expect(state.current).toBe('');
  });

  it('refuses a prefix of several words, and says Tab completes it', () => {
    const state = run(type('wal'), { type: 'accept' });
    expect(state.words).toEqual([]);
    expect(state.current).toBe('wal');
    expect(state.refusal).toMatch(/not a whole word.*Tab/u);
  });

  it('flags a word that is not in the list at once, with a suggestion', () => {
    expect(wordProblem('bottem')).toMatch(/"bottem" is not in the BIP39 word list; did you mean "bottom"/u);
    expect(wordProblem('bott')).toBeUndefined();
    const state = run(type('bottem'), { type: 'accept' });
    expect(state.words).toEqual([]);
    expect(state.refusal).toContain('did you mean "bottom"');
  });

  it('a space on an empty word does nothing', () => {
    expect(run(type(' '), type(' ')).words).toEqual([]);
  });
});

describe('going back', () => {
  it('Backspace deletes a letter, and on an empty word takes the previous word back', () => {
    let state = run(type('bottom drive '));
    state = wordEntryReducer(state, { type: 'delete-back' });
    expect(state).toMatchObject({ words: ['bottom'], current: 'drive' });
    state = wordEntryReducer(state, { type: 'delete-back' });
    expect(state.current).toBe('driv');
  });

  it('Backspace with nothing typed stays put', () => {
    const state = initialWordEntry();
    expect(wordEntryReducer(state, { type: 'delete-back' })).toBe(state);
  });
});

describe('paste and typed-ahead chunks', () => {
  it('a pasted phrase fills every word and sets the count', () => {
    const state = run(type(DEV_PHRASE));
    expect(state.words.join(' ')).toBe(DEV_PHRASE);
    expect(verdictOf(state)).toEqual({ ok: true, phrase: DEV_PHRASE });
    const long = run(type(`  ${TWENTY_FOUR.toUpperCase()}\n`));
    expect(long.count).toBe(24);
    expect(verdictOf(long)).toEqual({ ok: true, phrase: TWENTY_FOUR });
  });

  it('ignores the bracketed-paste markers around a paste', () => {
    expect(run(type('[200~'), type(DEV_PHRASE), type('[201~')).words).toHaveLength(12);
  });

  it('a chunk typed faster than it is read accepts all but its last word', () => {
    const state = run(type('bottom dri'));
    expect(state).toMatchObject({ words: ['bottom'], current: 'dri' });
  });

  it('replays Backspace and Tab typed inside a chunk', () => {
    expect(run(type('bottx\x7f\t ')).words).toEqual(['bottom']);
    expect(run(type('bottom drive \x7f\x7f\x7f\x7f')).current).toBe('dr');
  });

  it('a line break in a chunk only separates words', () => {
    expect(run(type('bottom\r\ndrive\r'))).toMatchObject({ words: ['bottom', 'drive'], current: '' });
  });

  it('a pasted word not in the list stops there and says what was left out', () => {
    const state = run(type('bottom drive obey lkae curtain smoke basket hold race lonely fit walk'));
    expect(state.words).toEqual(['bottom', 'drive', 'obey']);
    expect(state.current).toBe('lkae');
    expect(state.refusal).toMatch(/did you mean "lake".*8 words after it were not taken/u);
    // The closing paste marker, arriving on its own, leaves the message in place.
    expect(wordEntryReducer(state, type('[201~'))).toBe(state);
  });

  it('a refused word speaks of the words after it only when there are some, in the right number', () => {
    const alone = run(type('drvie '));
    expect(alone.refusal).toBe('"drvie" is not in the BIP39 word list; did you mean "drive" or "derive" or "device"?');
    expect(run(type('drvie obey ')).refusal).toMatch(/\(the word after it was not taken\)$/u);
    expect(run(type('drvie obey lake ')).refusal).toMatch(/\(the 2 words after it were not taken\)$/u);
  });
});

describe('word count and verdict', () => {
  it('a phrase whose checksum holds is refused with the reason it is given, as soon as it is whole', () => {
    const state = run(type(`${DEV_PHRASE} `));
    const refuse = (phrase: string) =>
      phrase === DEV_PHRASE ? 'this recovery phrase is already in the vault' : undefined;
    expect(verdictOf(state, refuse)).toEqual({ ok: false, message: 'this recovery phrase is already in the vault' });
    expect(verdictOf(state, () => undefined)).toEqual({ ok: true, phrase: DEV_PHRASE });
    expect(verdictOf(run(type('bottom drive ')), refuse)).toBeUndefined();
  });

  it('counts to 12 first and grows when more words come', () => {
    let state = run(type(`${DEV_PHRASE} `));
    expect(state.count).toBe(12);
    state = wordEntryReducer(state, type('abandon '));
    expect(state.count).toBe(15);
    expect(verdictOf(state)).toBeUndefined();
  });

  it('←/→ change the count, but never below the words already in', () => {
    const state = run({ type: 'count', step: 1 }, { type: 'count', step: 1 });
    expect(state.count).toBe(18);
    expect(wordEntryReducer(state, { type: 'count', step: 1 }).count).toBe(21);
    const full = run(type(TWENTY_FOUR));
    expect(wordEntryReducer(full, { type: 'count', step: -1 }).count).toBe(24);
    expect(wordEntryReducer(full, { type: 'count', step: 1 }).count).toBe(24);
  });

  it('a wrong checksum gets a plain verdict', () => {
    const verdict = verdictOf(run(type(BAD_CHECKSUM)));
    expect(verdict).toEqual({
      ok: false,
      message: expect.stringMatching(/checksum: a word is wrong or two are swapped/u) as string,
    });
  });

  it('no verdict before every word is in', () => {
    expect(verdictOf(run(type('bottom drive ')))).toBeUndefined();
  });

  it('refuses a 25th word', () => {
    const state = run(type(TWENTY_FOUR), type('zoo '));
    expect(state.words).toHaveLength(24);
    expect(state.refusal).toMatch(/at most 24 words/u);
  });
});
