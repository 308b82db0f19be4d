import { describe, expect, it } from 'vitest';
import {
  answerOf,
  choiceOf,
  initialPathField,
  listingDir,
  matches,
  parentPart,
  pathFieldReducer,
  typedName,
  windowStart,
  type PathFieldAction,
  type PathFieldState,
} from '../../../src/screens/qr/path-field-state.js';

const run = (state: PathFieldState, ...actions: PathFieldAction[]) => actions.reduce(pathFieldReducer, state);
const type = (text: string): PathFieldAction => ({ type: 'edit', edit: { type: 'insert', text } });
const listed = (dir: string, ...names: string[]): PathFieldAction => ({
  type: 'listed',
  dir,
  candidates: names.map((n) => ({ name: n.replace(/\/$/u, ''), directory: n.endsWith('/') })),
});
const MISSING = 'Type or pick a backup file.';
const choose = (folders = false): PathFieldAction => ({ type: 'choose', folders, missing: MISSING });
/** What Enter answers with, and the field it leaves. */
const enter = (state: PathFieldState, folders = false) => ({
  answer: answerOf(choiceOf(state, folders)),
  after: run(state, choose(folders)),
});
const MEDIA = initialPathField('/media/usb/');

describe('the path field', () => {
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
    expect(run(state, { type: 'edit', edit: { type: 'set', value: '/media/usb/o' } }, { type: 'complete' }).path).toBe(
      '/media/usb/old/',
    );
    expect(run(state, type('zzz'), { type: 'complete' }).path).toBe('/media/usb/azzz');
  });

  it('picks a listed file with ↓ and Enter, and goes into a listed directory', () => {
    const state = run(MEDIA, listed('/media/usb/', 'airlock-a.json', 'old/'));
    expect(run(state, { type: 'select', step: -1 }).selected).toBe(-1);
    const picked = enter(run(state, { type: 'select', step: 1 }));
    expect(picked.answer).toBe('/media/usb/airlock-a.json');
    expect(picked.after.path).toBe('/media/usb/airlock-a.json');
    const into = enter(
      run(state, { type: 'select', step: 1 }, { type: 'select', step: 1 }, { type: 'select', step: 1 }),
    );
    expect(into.answer).toBeUndefined();
    expect(into.after.path).toBe('/media/usb/old/');
    expect(into.after.selected).toBe(-1);
  });

  it('takes a typed file, and asks for one when only a directory is typed', () => {
    const empty = enter(MEDIA);
    expect(empty.answer).toBeUndefined();
    expect(empty.after.problem).toBe(MISSING);
    const typed = enter(run(MEDIA, type('mine.json')));
    expect(typed.answer).toBe('/media/usb/mine.json');
    // The field keeps the path chosen, for a return to it.
    expect(typed.after.path).toBe('/media/usb/mine.json');
    // Where folders are the answer, a typed folder is one.
    expect(enter(MEDIA, true).answer).toBe('/media/usb/');
  });

  it('says why a path was refused until it is changed', () => {
    const damaged = run(MEDIA, type('a.json'), { type: 'refuse', problem: 'Damaged.' });
    expect(damaged.problem).toBe('Damaged.');
    expect(run(damaged, { type: 'select', step: 1 }).problem).toBe('Damaged.');
    // Typing again clears the problem.
    expect(run(damaged, type('x')).problem).toBeUndefined();
  });

  it('shows the selected row of a long list', () => {
    expect(windowStart(-1, 5)).toBe(0);
    expect(windowStart(4, 5)).toBe(0);
    expect(windowStart(7, 5)).toBe(3);
  });
});
