import { describe, expect, it } from 'vitest';
import {
  BIP39_WORDS,
  checkMnemonic,
  generateMnemonic,
  normaliseMnemonic,
  suggestWords,
  WORD_COUNTS,
} from '../../src/vault/mnemonic.js';
import { DEV_PHRASE } from '../helpers/dev-keys.js';

describe('mnemonics', () => {
  it('has the 2048-word BIP39 English list', () => {
    expect(BIP39_WORDS).toHaveLength(2048);
    expect(BIP39_WORDS[0]).toBe('abandon');
    expect(BIP39_WORDS[2047]).toBe('zoo');
  });

  it.each(WORD_COUNTS)('generates %i valid, distinct words', (count) => {
    const phrase = generateMnemonic(count);
    expect(phrase.split(' ')).toHaveLength(count);
    expect(checkMnemonic(phrase)).toBe(phrase);
    expect(generateMnemonic(count)).not.toBe(phrase);
  });

  it('normalises case and spacing as people type them', () => {
    expect(normaliseMnemonic('  Bottom DRIVE\tobey\n lake  ')).toBe('bottom drive obey lake');
    expect(checkMnemonic(`  ${DEV_PHRASE.toUpperCase().replace(/ /g, '   ')}\n`)).toBe(DEV_PHRASE);
  });

  it('names a misspelt word, its position, and what it probably is', () => {
    const typo = DEV_PHRASE.replace('curtain', 'curtian');
    expect(() => checkMnemonic(typo)).toThrow(/word 5 "curtian" is not in the BIP39/);
    try {
      checkMnemonic(typo);
    } catch (error) {
      expect((error as { hint?: string }).hint).toContain('"curtain"');
    }
    expect(suggestWords('abandn')).toContain('abandon');
    expect(suggestWords('zoooo')).toContain('zoo');
  });

  it('refuses a phrase whose checksum fails, and wrong word counts', () => {
    expect(() => checkMnemonic(DEV_PHRASE.replace(/walk$/, 'abandon'))).toThrow(/checksum/);
    expect(() => checkMnemonic(DEV_PHRASE.split(' ').slice(0, 11).join(' '))).toThrow(/this one has 11/);
    expect(() => checkMnemonic('')).toThrow(/this one has 0/);
  });
});
