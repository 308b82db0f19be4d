import { describe, expect, it } from 'vitest';
import {
  askedAbout,
  askingPosition,
  importReducer,
  initialImport,
  listingDir,
  matches,
  parentPart,
  typedName,
  windowStart,
  type ImportAction,
  type ImportState,
} from '../../../src/screens/backups/backup-import-state.js';
import type { BackupContent } from '../../../src/vault/backup.js';
import type { OpenedBackup } from '../../../src/vault/open-backup.js';
import type { LockedAccount } from '../../../src/vault/polkadot-js.js';

const run = (state: ImportState, ...actions: ImportAction[]) => actions.reduce(importReducer, state);
const type = (text: string): ImportAction => ({ type: 'path-edit', edit: { type: 'insert', text } });
const typePassword = (text: string): ImportAction => ({ type: 'password-edit', edit: { type: 'insert', text } });
const listed = (dir: string, ...names: string[]): ImportAction => ({
  type: 'listed',
  dir,
  candidates: names.map((n) => ({ name: n.replace(/\/$/u, ''), directory: n.endsWith('/') })),
});
const CONTENT: BackupContent = { identities: [], accounts: [], addresses: [] };
const OPENED: OpenedBackup = {
  file: '/media/usb/a.json',
  format: 'airlock',
  content: CONTENT,
  locked: [],
  skipped: [],
};
const MEDIA = initialImport('/media/usb/');

describe('the backup file path', () => {
  it('splits what is typed into a directory to list and the start of a name', () => {
    expect(parentPart('/media/usb/air')).toBe('/media/usb/');
    expect(typedName('/media/usb/air')).toBe('air');
    expect(listingDir('/media/usb/air')).toBe('/media/usb/');
    expect(listingDir('/media/usb/')).toBe('/media/usb/');
    expect(listingDir('backup.json')).toBe('.');
    expect(listingDir('/x')).toBe('/');
  });

  it('offers the listed entries the typed name could become, once that directory is listed', () => {
    const state = run(MEDIA, listed('/media/usb/', 'airlock-a.json', 'airlock-b.json', 'old/'));
    expect(matches(state).map((c) => c.name)).toEqual(['airlock-a.json', 'airlock-b.json', 'old']);
    expect(matches(run(state, type('air'))).map((c) => c.name)).toEqual(['airlock-a.json', 'airlock-b.json']);
    // A listing of another directory offers nothing here.
    expect(matches(run(state, type('old/')))).toEqual([]);
  });

  it('completes with Tab as far as the matches agree, all of it when one is left', () => {
    const state = run(MEDIA, listed('/media/usb/', 'airlock-a.json', 'airlock-b.json', 'old/'), type('a'));
    expect(run(state, { type: 'complete' }).path).toBe('/media/usb/airlock-');
    expect(run(state, type('irlock-b'), { type: 'complete' }).path).toBe('/media/usb/airlock-b.json');
    expect(
      run(state, { type: 'path-edit', edit: { type: 'set', value: '/media/usb/o' } }, { type: 'complete' }).path,
    ).toBe('/media/usb/old/');
    expect(run(state, type('zzz'), { type: 'complete' }).path).toBe('/media/usb/azzz');
  });

  it('picks a listed file with ↓ and Enter, and goes into a listed directory', () => {
    const state = run(MEDIA, listed('/media/usb/', 'airlock-a.json', 'old/'));
    expect(run(state, { type: 'select', step: -1 }).selected).toBe(-1);
    const picked = run(state, { type: 'select', step: 1 }, { type: 'choose' });
    expect(picked.step).toBe('password');
    expect(picked.file).toBe('/media/usb/airlock-a.json');
    const into = run(
      state,
      { type: 'select', step: 1 },
      { type: 'select', step: 1 },
      { type: 'select', step: 1 },
      { type: 'choose' },
    );
    expect(into.step).toBe('path');
    expect(into.path).toBe('/media/usb/old/');
    expect(into.selected).toBe(-1);
  });

  it('takes a typed file, and asks for one when only a directory is typed', () => {
    expect(run(MEDIA, { type: 'choose' }).problem).toBe('Type or pick a backup file.');
    const typed = run(MEDIA, type('mine.json'), { type: 'choose' });
    expect(typed.step).toBe('password');
    expect(typed.file).toBe('/media/usb/mine.json');
  });

  it('shows the selected row of a long list', () => {
    expect(windowStart(-1, 5)).toBe(0);
    expect(windowStart(4, 5)).toBe(0);
    expect(windowStart(7, 5)).toBe(3);
  });
});

describe('the backup import steps', () => {
  const atPassword = () => run(MEDIA, type('a.json'), { type: 'choose' }, typePassword('secret'));

  it('drops the password from the state when reading starts; Enter without one does nothing', () => {
    expect(run(MEDIA, type('a.json'), { type: 'choose' }, { type: 'read' }).step).toBe('password');
    const reading = run(atPassword(), { type: 'read' });
    expect(reading.step).toBe('reading');
    expect(reading.password).toBe('');
  });

  it('Esc on the password returns to the file, the password cleared', () => {
    const back = run(atPassword(), { type: 'back' });
    expect(back.step).toBe('path');
    expect(back.password).toBe('');
    expect(back.path).toBe('/media/usb/a.json');
  });

  it('a wrong password asks again; a bad file goes back to the path', () => {
    const wrong = run(
      atPassword(),
      { type: 'read' },
      { type: 'unreadable', problem: 'Wrong password.', wrongPassword: true },
    );
    expect(wrong).toMatchObject({ step: 'password', problem: 'Wrong password.' });
    expect(wrong.opened).toBeUndefined();
    const damaged = run(
      atPassword(),
      { type: 'read' },
      { type: 'unreadable', problem: 'Damaged.', wrongPassword: false },
    );
    expect(damaged).toMatchObject({ step: 'path', problem: 'Damaged.' });
    // Typing again clears the problem.
    expect(run(damaged, type('x')).problem).toBeUndefined();
  });

  it('previews, imports, and keeps what the import did, dropping the opened file', () => {
    const preview = run(atPassword(), { type: 'read' }, { type: 'opened', opened: OPENED });
    expect(preview.step).toBe('preview');
    expect(preview.opened).toBe(OPENED);
    const entries = [{ kind: 'account' as const, name: 'bob', action: 'add' as const }];
    const done = run(preview, { type: 'import' }, { type: 'imported', entries });
    expect(done).toMatchObject({
      step: 'done',
      imported: entries,
      opened: { ...OPENED, content: { identities: [], accounts: [], addresses: [] } },
    });
    const failed = run(preview, { type: 'import' }, { type: 'import-failed', problem: 'Busy.' });
    expect(failed).toMatchObject({ step: 'preview', problem: 'Busy.', opened: OPENED });
  });

  it('ignores what does not belong to the step', () => {
    const preview = run(atPassword(), { type: 'read' }, { type: 'opened', opened: OPENED });
    expect(run(preview, type('x'), typePassword('y'), { type: 'choose' }, { type: 'back' }, { type: 'read' })).toEqual(
      preview,
    );
    expect(run(MEDIA, { type: 'import' }, { type: 'opened', opened: OPENED })).toEqual(MEDIA);
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
      initialImport('/m/'),
      type('b.json'),
      { type: 'choose' },
      typePassword('batch'),
      { type: 'read' },
      { type: 'opened', opened: batch(BOB, EVE) },
    );

  it('asks for each locked account in turn before the preview, counting from the file as opened', () => {
    const state = asked();
    expect(state).toMatchObject({ step: 'unlock', asking: 0, lockedAtOpen: 2, password: '' });
    expect(askedAbout(state)).toBe(BOB);
    expect(askingPosition(state)).toBe(1);
    // Bob opens: he leaves the locked list, and Eve is asked about as the second of two.
    const unlocking = run(state, typePassword('bobs'), { type: 'unlock' });
    expect(unlocking).toMatchObject({ step: 'unlocking', password: '' });
    const next = run(unlocking, { type: 'unlocked', locked: BOB, opened: batch(EVE) });
    expect(askedAbout(next)).toBe(EVE);
    expect(askingPosition(next)).toBe(2);
    expect(run(next, { type: 'leave-out' })).toMatchObject({ step: 'preview', asking: 1 });
  });

  it('Enter on an empty field does nothing itself; leaving out moves on, keeping the account locked', () => {
    const state = asked();
    expect(run(state, { type: 'unlock' })).toEqual(state);
    const left = run(state, typePassword('half'), { type: 'leave-out' });
    expect(left).toMatchObject({ step: 'unlock', asking: 1, password: '' });
    expect(askedAbout(left)).toBe(EVE);
    expect(left.opened?.locked).toEqual([BOB, EVE]);
  });

  it('a wrong password asks again; an account that cannot open at all is left out with the reason', () => {
    const unlocking = run(asked(), typePassword('nope'), { type: 'unlock' });
    const wrong = run(unlocking, { type: 'unlock-failed', locked: BOB, problem: 'Not that one.', wrongPassword: true });
    expect(wrong).toMatchObject({ step: 'unlock', asking: 0, problem: 'Not that one.' });
    expect(run(wrong, typePassword('x')).problem).toBe('Not that one.');
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
