import { describe, expect, it } from 'vitest';
import { checkPath, displayPath } from '../../src/vault/keys.js';

describe('derivation paths', () => {
  it.each([
    ['', 'sr25519'],
    ['//polkadot//0', 'ed25519'],
    ['//foo/bar//42/69///password', 'sr25519'],
    ["m/44'/60'/0'/0/7", 'ethereum'],
  ] as const)('accepts %j for %s', (path, type) => {
    expect(checkPath(path, type)).toBe(path);
  });

  it.each([
    ['/soft', 'ed25519', /cannot be soft-derived/],
    ['//a/b', 'ecdsa', /cannot be soft-derived/],
    ['polkadot', 'sr25519', /not a Substrate derivation path/],
    ['//Alice', 'ethereum', /not a BIP44 path/],
  ] as const)('refuses %j for %s', (path, type, message) => {
    expect(() => checkPath(path, type)).toThrow(message);
  });

  it('never shows the password part of a path', () => {
    expect(displayPath('//polkadot//0///correct horse')).toBe('//polkadot//0///***');
    expect(displayPath('//polkadot')).toBe('//polkadot');
  });
});
