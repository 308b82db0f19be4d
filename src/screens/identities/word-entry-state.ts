import { describeError } from '../../errors.js';
import { BIP39_WORDS, checkMnemonic, suggestWords, WORD_COUNTS, type WordCount } from '../../vault/mnemonic.js';

/**
 * Typing a recovery phrase word by word: every accepted word is in the BIP39 list, the word
 * being typed completes from it, and a pasted phrase fills all words at once. Pure, so the
 * tests drive it without a terminal.
 */
export interface WordEntryState {
  /** How many words the phrase has: the user sets it, and typing past it moves it on. */
  count: WordCount;
  words: readonly string[];
  /** The word being typed. */
  current: string;
  /** Why the last word offered was not taken. */
  refusal?: string;
}

export type WordEntryAction =
  | { type: 'type'; text: string }
  | { type: 'accept' }
  | { type: 'complete' }
  | { type: 'delete-back' }
  | { type: 'count'; step: 1 | -1 };

export type Verdict = { ok: true; phrase: string } | { ok: false; message: string };

const WORD_SET = new Set(BIP39_WORDS);
// Bracketed-paste markers arrive as text of their own; they are never part of a word.
// eslint-disable-next-line no-control-regex -- bracketed-paste markers begin with ESC
const PASTE_MARKERS = /\x1b?\[20[01]~/gu;

export const initialWordEntry = (count: WordCount = 12): WordEntryState => ({ count, words: [], current: '' });

/** The next or previous count of the list, staying at its ends. */
export function stepWordCount(count: WordCount, step: 1 | -1): WordCount {
  const index = WORD_COUNTS.indexOf(count) + step;
  return WORD_COUNTS[Math.max(0, Math.min(index, WORD_COUNTS.length - 1))]!;
}

/** Words of the list that begin with `prefix`, in list order. */
export function candidates(prefix: string, limit = Infinity): string[] {
  if (!prefix) return [];
  const found: string[] = [];
  for (const word of BIP39_WORDS) {
    if (word.startsWith(prefix)) found.push(word);
    if (found.length >= limit) break;
  }
  return found;
}

/** What is wrong with the word being typed, as soon as no word of the list can begin so. */
export function wordProblem(current: string): string | undefined {
  if (!current || candidates(current, 1).length > 0) return undefined;
  const guesses = suggestWords(current);
  const hint = guesses.length ? `; did you mean ${guesses.map((g) => `"${g}"`).join(' or ')}?` : '';
  return `"${current}" is not in the BIP39 word list${hint}`;
}

/** Why a phrase whose checksum holds cannot be taken here (it is in the vault already), if it cannot. */
export type PhraseRefusal = (phrase: string) => string | undefined;

/** The checksum verdict, once the phrase has all its words, and then `refuse`'s. */
export function verdictOf(state: WordEntryState, refuse?: PhraseRefusal): Verdict | undefined {
  if (state.words.length !== state.count) return undefined;
  let phrase: string;
  try {
    phrase = checkMnemonic(state.words.join(' '));
  } catch (error) {
    return { ok: false, message: describeError(error).message };
  }
  const refusal = refuse?.(phrase);
  return refusal ? { ok: false, message: refusal } : { ok: true, phrase };
}

/** A whole word of the list, or the one word that `typed` begins (four letters always suffice). */
function resolve(typed: string): string | undefined {
  if (WORD_SET.has(typed)) return typed;
  const matches = candidates(typed, 2);
  return matches.length === 1 ? matches[0] : undefined;
}

function accept(state: WordEntryState): WordEntryState {
  if (!state.current) return state;
  const word = resolve(state.current);
  if (!word) {
    const refusal =
      wordProblem(state.current) ?? `"${state.current}" is not a whole word: Tab completes it, or type more`;
    return { ...state, refusal };
  }
  const grown = growCount(state.count, state.words.length + 1);
  if (!grown) return { ...state, refusal: `a phrase has at most ${WORD_COUNTS.at(-1)} words` };
  return { count: grown, words: [...state.words, word], current: '' };
}

/** The count itself if `needed` words fit, else the next count that holds them. */
function growCount(count: WordCount, needed: number): WordCount | undefined {
  return needed <= count ? count : WORD_COUNTS.find((c) => c >= needed);
}

function type(state: WordEntryState, text: string): WordEntryState {
  const chunk = text.replace(PASTE_MARKERS, '');
  const tokens = wordsOf(chunk);
  // A whole phrase pasted into an empty entry sets the count and takes every word.
  if (
    !/[\x7f\b]/u.test(chunk) &&
    !state.words.length &&
    !state.current &&
    tokens.length > 1 &&
    (WORD_COUNTS as readonly number[]).includes(tokens.length)
  ) {
    return takeAll({ ...state, count: tokens.length as WordCount }, tokens, true);
  }
  // Keys typed faster than they are read arrive as one chunk: replay Backspace and Tab in it.
  let next = state;
  for (const piece of chunk.split(/([\x7f\b\t])/u)) {
    if (piece === '\x7f' || piece === '\b') next = wordEntryReducer(next, { type: 'delete-back' });
    else if (piece === '\t') next = wordEntryReducer(next, { type: 'complete' });
    else if (piece) next = typeText(next, piece);
  }
  return next;
}

/** Lower-case words of a chunk; line breaks separate words like spaces (and never save). */
const wordsOf = (text: string) => clean(text).split(' ').filter(Boolean);
const clean = (text: string) =>
  text
    .replace(/\s+/gu, ' ')
    .replace(/\p{Cc}/gu, '')
    .toLowerCase();

function typeText(state: WordEntryState, text: string): WordEntryState {
  const typed = clean(text);
  if (!typed) return state;
  const parts = (state.current + typed).split(' ');
  const last = parts.pop()!;
  return takeAll({ ...state, current: '' }, [...parts.filter(Boolean), last], false);
}

/** Accepts the words in order; the last stays being typed unless `acceptLast`. A refused word stops the rest. */
function takeAll(state: WordEntryState, tokens: string[], acceptLast: boolean): WordEntryState {
  let next: WordEntryState = { ...state, refusal: undefined };
  for (const [i, token] of tokens.entries()) {
    next = { ...next, current: token };
    if (i === tokens.length - 1 && !acceptLast) return next;
    next = accept(next);
    if (next.refusal) {
      // The empty word left after a trailing space is no word the user typed.
      const dropped = tokens.slice(i + 1).filter(Boolean).length;
      return dropped ? { ...next, refusal: `${next.refusal} (${notTaken(dropped)})` } : next;
    }
  }
  return next;
}

const notTaken = (dropped: number) =>
  dropped === 1 ? 'the word after it was not taken' : `the ${dropped} words after it were not taken`;

export function wordEntryReducer(state: WordEntryState, action: WordEntryAction): WordEntryState {
  switch (action.type) {
    case 'type':
      return type(state, action.text);
    case 'accept':
      return accept(state);
    case 'complete': {
      const first = candidates(state.current, 1)[0];
      return first ? { ...state, current: first, refusal: undefined } : state;
    }
    case 'delete-back':
      if (state.current) return { ...state, current: [...state.current].slice(0, -1).join(''), refusal: undefined };
      // On an empty word, Backspace takes the previous word back to change it.
      if (!state.words.length) return state;
      return { ...state, words: state.words.slice(0, -1), current: state.words.at(-1)!, refusal: undefined };
    case 'count': {
      const count = stepWordCount(state.count, action.step);
      // Never fewer than the words already in.
      return count >= state.words.length ? { ...state, count } : state;
    }
  }
}
