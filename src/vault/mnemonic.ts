import wordlist from '@polkadot/util-crypto/mnemonic/wordlists/en';
import { mnemonicGenerate } from '@polkadot/util-crypto/mnemonic/generate';
import { mnemonicValidate } from '@polkadot/util-crypto/mnemonic/validate';
import { UserError } from '../errors.js';
import { editDistance } from './edit-distance.js';

export const WORD_COUNTS = [12, 15, 18, 21, 24] as const;
export type WordCount = (typeof WORD_COUNTS)[number];

// The package declares an array but ships the list '|'-joined; accept either.
const packed = wordlist as unknown as string | string[];
export const BIP39_WORDS: readonly string[] = typeof packed === 'string' ? packed.split('|') : packed;
const WORD_SET = new Set(BIP39_WORDS);

export function isWordCount(n: number): n is WordCount {
  return (WORD_COUNTS as readonly number[]).includes(n);
}

export function generateMnemonic(words: WordCount = 24): string {
  // The JavaScript path draws entropy from the platform's crypto.getRandomValues.
  return mnemonicGenerate(words, undefined, true);
}

/** Case, accents and spacing as people type them; BIP39 words are lower-case ASCII. */
export function normaliseMnemonic(input: string): string {
  return input.normalize('NFKD').toLowerCase().trim().split(/\s+/u).filter(Boolean).join(' ');
}

/** Words of the list that a mistyped word was probably meant to be, best first. */
export function suggestWords(word: string, limit = 3): string[] {
  // Every BIP39 English word is unique by its first four letters.
  if (word.length >= 4) {
    const byPrefix = BIP39_WORDS.filter((w) => w.startsWith(word.slice(0, 4)));
    if (byPrefix.length === 1) return byPrefix;
  }
  return BIP39_WORDS.map((w) => ({ w, d: editDistance(word, w) }))
    .filter(({ d }) => d <= 2)
    .sort((a, b) => a.d - b.d)
    .slice(0, limit)
    .map(({ w }) => w);
}

/** Normalises a typed phrase and checks count, every word and the checksum; returns the phrase. */
export function checkMnemonic(input: string): string {
  const phrase = normaliseMnemonic(input);
  const words = phrase ? phrase.split(' ') : [];
  if (!isWordCount(words.length)) {
    throw new UserError(`a recovery phrase has 12, 15, 18, 21 or 24 words; this one has ${words.length}`);
  }
  words.forEach((word, i) => {
    if (WORD_SET.has(word)) return;
    const guesses = suggestWords(word);
    throw new UserError(
      `word ${i + 1} "${word}" is not in the BIP39 English word list`,
      guesses.length ? `did you mean ${guesses.map((g) => `"${g}"`).join(' or ')}?` : 'check the spelling',
    );
  });
  if (!mnemonicValidate(phrase, undefined, true)) {
    throw new UserError(
      'the recovery phrase fails its checksum: a word is wrong or two are swapped',
      'compare every word and its position with the written copy',
    );
  }
  return phrase;
}
