import { describe, expect, it } from 'vitest';
import { checkNewPassword } from '../../src/vault/password-policy.js';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

describe('checkNewPassword', () => {
  it('refuses fewer than 6 characters, counting characters rather than bytes', () => {
    expect(() => checkNewPassword(bytes('abc12'))).toThrow(/at least 6 characters/);
    expect(() => checkNewPassword(bytes('ééééé'))).toThrow(/at least 6 characters/); // 10 bytes, 5 characters
  });

  it.each(['abcdef', 'aaaaaaaaaaaaaaaa', 'password12', 'ABCDEFGHIJKLMNOP'])('warns that %j is weak', (password) => {
    expect(checkNewPassword(bytes(password))).toMatch(/weak/);
  });

  it.each(['correct horse battery staple', 'Tr0ub4dor&3xyz'])('accepts %j without a warning', (password) => {
    expect(checkNewPassword(bytes(password))).toBeUndefined();
  });
});
