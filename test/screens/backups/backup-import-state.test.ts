import { describe, expect, it } from 'vitest';
import {
  askedAbout,
  askingPosition,
  importReducer,
  initialImport,
  type ImportAction,
  type ImportAt,
  type ImportState,
  type ImportStep,
} from '../../../src/screens/backups/backup-import-state.js';
import type { BackupContent } from '../../../src/vault/backup.js';
import type { OpenedBackup } from '../../../src/vault/open-backup.js';
import type { LockedAccount } from '../../../src/vault/polkadot-js.js';

const run = (state: ImportState, ...actions: ImportAction[]) => actions.reduce(importReducer, state);
const typePassword = (text: string): ImportAction => ({ type: 'password-edit', edit: { type: 'insert', text } });
/** The state, checked to be at `step`, as that step's type. */
function at<S extends ImportStep>(state: ImportState, step: S): ImportAt<S> {
  expect(state.step).toBe(step);
  return state as ImportAt<S>;
}
const CONTENT: BackupContent = { identities: [], accounts: [], addresses: [] };
const OPENED: OpenedBackup = {
  file: '/media/usb/a.json',
  format: 'airlock',
  content: CONTENT,
  locked: [],
  skipped: [],
};
const FILE = '/media/usb/a.json';

describe('the backup import steps', () => {
  const atPassword = () => run(initialImport(), { type: 'file', file: FILE }, typePassword('secret'));

  it('starts on the path, or on the password of a file it was opened on', () => {
    expect(initialImport()).toEqual({ step: 'path' });
    expect(initialImport(FILE)).toEqual({ step: 'password', file: FILE, password: '' });
  });

  it('drops the password from the state when reading starts; Enter without one does nothing', () => {
    expect(run(initialImport(), { type: 'file', file: FILE }, { type: 'read' }).step).toBe('password');
    const reading = run(atPassword(), { type: 'read' });
    expect(reading.step).toBe('reading');
    expect(reading).toEqual({ step: 'reading', file: FILE });
  });

  it('Esc on the password returns to the file (the path field keeps its path), the password cleared', () => {
    expect(run(atPassword(), { type: 'back' })).toEqual({ step: 'path' });
  });

  it('a wrong password asks again; a bad file goes back to the path', () => {
    const wrong = run(
      atPassword(),
      { type: 'read' },
      { type: 'unreadable', problem: 'Wrong password.', wrongPassword: true },
    );
    expect(wrong).toMatchObject({ step: 'password', problem: 'Wrong password.' });
    expect(wrong).toEqual({ step: 'password', file: FILE, password: '', problem: 'Wrong password.' });
    const damaged = run(
      atPassword(),
      { type: 'read' },
      { type: 'unreadable', problem: 'Damaged.', wrongPassword: false },
    );
    // The path field says why (test/screens/qr/path-field-state.test.ts), until the path is changed.
    expect(damaged).toEqual({ step: 'path' });
  });

  it('previews, imports, and keeps what the import did, dropping the opened file', () => {
    const preview = at(run(atPassword(), { type: 'read' }, { type: 'opened', opened: OPENED }), 'preview');
    expect(preview.opened).toBe(OPENED);
    const entries = [{ kind: 'account' as const, name: 'bob', action: 'add' as const }];
    const done = run(preview, { type: 'import' }, { type: 'imported', entries });
    expect(done).toEqual({ step: 'done', file: FILE, format: 'airlock', imported: entries, leftOut: 0 });
    const failed = run(preview, { type: 'import' }, { type: 'import-failed', problem: 'Busy.' });
    expect(failed).toMatchObject({ step: 'preview', problem: 'Busy.', opened: OPENED });
  });

  it('ignores what does not belong to the step', () => {
    const preview = run(atPassword(), { type: 'read' }, { type: 'opened', opened: OPENED });
    expect(run(preview, { type: 'file', file: 'x' }, typePassword('y'), { type: 'back' }, { type: 'read' })).toEqual(
      preview,
    );
    expect(run(initialImport(), { type: 'import' }, { type: 'opened', opened: OPENED })).toEqual(initialImport());
  });
});

describe('accounts with passwords of their own', () => {
  const lockedAccount = (index: number, name: string): LockedAccount => ({
    index,
    address: `5${name}`,
    name,
    json: {},
  });
  const BOB = lockedAccount(1, 'bob');
  const EVE = lockedAccount(3, 'eve');
  const batch = (...locked: LockedAccount[]): OpenedBackup => ({ ...OPENED, format: 'polkadot-js-batch', locked });
  const asked = () =>
    run(
      initialImport(),
      { type: 'file', file: '/m/b.json' },
      typePassword('batch'),
      { type: 'read' },
      { type: 'opened', opened: batch(BOB, EVE) },
    );

  it('asks for each locked account in turn before the preview, counting from the file as opened', () => {
    const state = at(asked(), 'unlock');
    expect(state).toMatchObject({ step: 'unlock', asking: 0, lockedAtOpen: 2, password: '' });
    expect(askedAbout(state)).toBe(BOB);
    expect(askingPosition(state)).toBe(1);
    // Bob opens: he leaves the locked list, and Eve is asked about as the second of two.
    const unlocking = run(state, typePassword('bobs'), { type: 'unlock' });
    expect(unlocking.step).toBe('unlocking');
    expect(unlocking).not.toHaveProperty('password');
    const next = at(run(unlocking, { type: 'unlocked', locked: BOB, opened: batch(EVE) }), 'unlock');
    expect(askedAbout(next)).toBe(EVE);
    expect(askingPosition(next)).toBe(2);
    // Eve is left out: still locked, so the preview lists her as left out.
    expect(at(run(next, { type: 'leave-out' }), 'preview').opened.locked).toEqual([EVE]);
  });

  it('Enter on an empty field does nothing itself; leaving out moves on, keeping the account locked', () => {
    const state = asked();
    expect(run(state, { type: 'unlock' })).toEqual(state);
    const left = at(run(state, typePassword('half'), { type: 'leave-out' }), 'unlock');
    expect(left).toMatchObject({ step: 'unlock', asking: 1, password: '' });
    expect(askedAbout(left)).toBe(EVE);
    expect(left.opened.locked).toEqual([BOB, EVE]);
  });

  it('a wrong password asks again; an account that cannot open at all is left out with the reason', () => {
    const unlocking = run(asked(), typePassword('nope'), { type: 'unlock' });
    const wrong = run(unlocking, { type: 'unlock-failed', locked: BOB, problem: 'Not that one.', wrongPassword: true });
    expect(wrong).toMatchObject({ step: 'unlock', asking: 0, problem: 'Not that one.' });
    expect(run(wrong, typePassword('x'))).toMatchObject({ problem: 'Not that one.' });
    const damaged = run(unlocking, { type: 'unlock-failed', locked: BOB, problem: 'Damaged.', wrongPassword: false });
    expect(damaged).toMatchObject({ step: 'unlock', asking: 1, problem: 'Damaged.' });
  });

  it('drops an answer about an account already left out with Esc', () => {
    const left = run(asked(), typePassword('bobs'), { type: 'unlock' }, { type: 'leave-out' }, typePassword('eves'), {
      type: 'unlock',
    });
    expect(run(left, { type: 'unlocked', locked: BOB, opened: batch(EVE) })).toEqual(left);
    expect(run(left, { type: 'unlock-failed', locked: BOB, problem: 'x', wrongPassword: true })).toEqual(left);
    expect(run(left, { type: 'unlocked', locked: EVE, opened: batch(BOB) }).step).toBe('preview');
  });
});
