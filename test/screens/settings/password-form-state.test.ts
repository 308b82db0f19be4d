import { describe, expect, it } from 'vitest';
import {
  passwordVerdicts,
  submitProblem,
  type PasswordValues,
} from '../../../src/screens/settings/password-form-state.js';

const STRONG = 'correct horse battery staple 42';
const form = (values: Partial<PasswordValues>): PasswordValues => ({ current: '', next: '', repeat: '', ...values });

describe('the password form verdicts', () => {
  it('say nothing about empty fields', () => {
    expect(passwordVerdicts(form({ current: 'old-password' }))).toEqual({});
  });

  it('refuse a new password under 6 characters, warn on a weak one, and praise a strong one', () => {
    expect(passwordVerdicts(form({ next: 'abc' })).next).toEqual([
      { tone: 'error', text: 'The vault password must be at least 6 characters long.' },
    ]);
    expect(passwordVerdicts(form({ next: 'abcdefgh' })).next?.[0]).toMatchObject({
      tone: 'warning',
      text: expect.stringMatching(/weak/u) as unknown,
    });
    expect(passwordVerdicts(form({ next: STRONG })).next).toEqual([{ tone: 'success', text: 'A strong password.' }]);
  });

  it('warn, without refusing, when the new password is the current one', () => {
    const verdicts = passwordVerdicts(form({ current: STRONG, next: STRONG, repeat: STRONG }));
    expect(verdicts.next?.map((v) => v.tone)).toEqual(['success', 'warning']);
    expect(verdicts.next?.[1]?.text).toMatch(/current password/u);
    expect(submitProblem(form({ current: STRONG, next: STRONG, repeat: STRONG }))).toBeUndefined();
  });

  it('follow the repeat as it is typed', () => {
    expect(passwordVerdicts(form({ next: STRONG, repeat: 'correct' })).repeat?.[0]?.tone).toBe('warning');
    expect(passwordVerdicts(form({ next: STRONG, repeat: 'wrong' })).repeat?.[0]?.tone).toBe('error');
    expect(passwordVerdicts(form({ next: STRONG, repeat: STRONG })).repeat).toEqual([
      { tone: 'success', text: 'The two match.' },
    ]);
  });
});

describe('submitting the password form', () => {
  it('needs the current password, an acceptable new one, and the same one twice, in that order', () => {
    expect(submitProblem(form({}))?.field).toBe('current');
    expect(submitProblem(form({ current: 'x', next: 'abc', repeat: 'abc' }))?.field).toBe('next');
    expect(submitProblem(form({ current: 'x', next: STRONG, repeat: `${STRONG}!` }))?.field).toBe('repeat');
    expect(submitProblem(form({ current: 'x', next: 'abcdefgh', repeat: 'abcdefgh' }))).toBeUndefined();
  });
});
