import { describe, expect, it } from 'vitest';
import { exportProblem, exportVerdicts, targetOf } from '../../../src/screens/backups/export-checks.js';
import {
  exportReducer,
  initialExport,
  SAME_PASSWORD_ADVICE,
  type ExportAction,
  type ExportAt,
  type ExportState,
  type ExportStep,
} from '../../../src/screens/backups/backup-export-state.js';

const STRONG = 'correct horse battery staple 42';
const run = (state: ExportState, ...actions: ExportAction[]) => actions.reduce(exportReducer, state);
/** The state, checked to be at `step`, as that step's type. */
function at<S extends ExportStep>(state: ExportState, step: S): ExportAt<S> {
  expect(state.step).toBe(step);
  return state as ExportAt<S>;
}
/** The form, as the actions so far left it. */
const form = (state: ExportState, ...actions: ExportAction[]) => at(run(state, ...actions), 'form');
const type = (text: string): ExportAction => ({
  type: 'form',
  action: { type: 'edit', edit: { type: 'insert', text } },
});
const next: ExportAction = { type: 'form', action: { type: 'next' } };
/** What and Format come first: past them to the destination. */
const toDestination = (state: ExportState) => run(state, next, next);
const filled = () =>
  run(toDestination(initialExport('/media/usb/a.json')), next, type(STRONG), next, type(STRONG), next);

describe('the export form state', () => {
  it('starts on What (the whole vault, as an airlock backup) with the default path, the receipt file off', () => {
    const state = at(initialExport('/vault/dir/airlock-backup-1.json'), 'form');
    expect(state.form.focus).toBe('what');
    expect(state.choice).toEqual({ what: 'whole', format: 'airlock', chosen: new Set() });
    expect(state.form.values.destination).toBe('/vault/dir/airlock-backup-1.json');
    expect(state.receiptFile).toBe(false);
  });

  it('takes a default found later only while the user has not edited the destination', () => {
    const untouched = form(toDestination(initialExport('/vault/a.json')), next, {
      type: 'default-destination',
      path: '/media/usb/a.json',
    });
    expect(untouched.form.values.destination).toBe('/media/usb/a.json');
    const typed = form(toDestination(initialExport('/vault/a.json')), type('x'), {
      type: 'default-destination',
      path: '/media/usb/a.json',
    });
    expect(typed.form.values.destination).toBe('/vault/a.jsonx');
    const cleared = form(
      toDestination(initialExport('/vault/a.json')),
      { type: 'form', action: { type: 'edit', edit: { type: 'clear' } } },
      { type: 'default-destination', path: '/m/a.json' },
    );
    expect(cleared.form.values.destination).toBe('');
  });

  it('toggles the receipt file; text typed on the toggle goes nowhere', () => {
    const state = at(filled(), 'form');
    expect(state.form.focus).toBe('receipt');
    const toggled = form(state, { type: 'toggle-receipt' }, type('abc'));
    expect(toggled.receiptFile).toBe(true);
    expect(toggled.form.values.receipt).toBe('');
    expect(form(toggled, { type: 'toggle-receipt' }).receiptFile).toBe(false);
  });

  it('goes form → checking → writing → done, dropping the passwords when the write starts', () => {
    const writing = at(run(filled(), { type: 'check' }, { type: 'write', target: '/media/usb/a.json' }), 'writing');
    expect(writing.target).toBe('/media/usb/a.json');
    expect(writing.form.values.password).toBe('');
    expect(writing.form.values.repeat).toBe('');
    expect(writing.form.values.destination).toBe('/media/usb/a.json');
    expect(run(filled(), { type: 'keys', done: 1, total: 9 })).toEqual(filled());
    const deriving = at(run(writing, { type: 'keys', done: 3, total: 9 }), 'writing');
    expect(deriving.keys).toEqual({ done: 3, total: 9 });
    const done = at(run(deriving, { type: 'written', written: { receipt: 'airlock backup receipt\n' } }), 'done');
    expect(done.written.receipt).toBe('airlock backup receipt\n');
  });

  it('asks before replacing; "no" returns to the destination with the passwords kept', () => {
    const asked = run(filled(), { type: 'check' }, { type: 'exists', target: '/media/usb/a.json' });
    expect(asked.step).toBe('replace');
    const kept = form(asked, { type: 'keep' });
    expect(kept.form.focus).toBe('destination');
    expect(kept.problem?.text).toBe('/media/usb/a.json was left as it was: choose another name.');
    expect(kept.form.values.password).toBe(STRONG);
    expect(run(asked, { type: 'write', target: '/media/usb/a.json' }).step).toBe('writing');
  });

  it('questions the vault password as backup password: "yes" goes on with it, "no" returns to the password, cleared', () => {
    const asked = run(filled(), { type: 'check' }, { type: 'same-password' });
    expect(asked.step).toBe('same-password');
    expect(run(asked, type('x'), { type: 'write', target: '/x.json' })).toEqual(asked);
    const kept = at(run(asked, { type: 'keep-password' }), 'checking');
    expect(kept.form.values.password).toBe(STRONG);
    expect(run(kept, { type: 'exists', target: '/media/usb/a.json' }).step).toBe('replace');
    const changed = form(asked, { type: 'change-password' });
    expect(changed.form.focus).toBe('password');
    expect(changed.problem?.text).toBe(SAME_PASSWORD_ADVICE);
    expect(changed.problem?.field).toBe('password');
    expect([changed.form.values.password, changed.form.values.repeat]).toEqual(['', '']);
    expect(run(filled(), { type: 'same-password' }).step).toBe('form');
  });

  it('a failed write returns to the form on the password, both passwords cleared', () => {
    const failed = form(
      filled(),
      { type: 'check' },
      { type: 'write', target: '/x.json' },
      { type: 'failed', problem: 'Cannot write.' },
    );
    expect(failed.form.focus).toBe('password');
    expect(failed.problem).toEqual({ text: 'Cannot write.' });
    expect(failed.form.values.password).toBe('');
  });

  it('ignores keys and answers that do not belong to the step', () => {
    const writing = run(filled(), { type: 'check' }, { type: 'write', target: '/x.json' });
    expect(run(writing, type('zzz'), { type: 'toggle-receipt' }, { type: 'keep' }, { type: 'check' })).toEqual(writing);
    expect(run(initialExport('/a.json'), { type: 'written', written: { receipt: '' } }).step).toBe('form');
  });
});

describe('the export form checks', () => {
  it('refuses an empty destination, a short password, and two that differ', () => {
    expect(exportProblem({ destination: ' ', password: STRONG, repeat: STRONG, receipt: '' })?.field).toBe(
      'destination',
    );
    expect(exportProblem({ destination: '/a.json', password: 'abc', repeat: 'abc', receipt: '' })).toEqual({
      field: 'password',
      text: 'The backup password must be at least 6 characters long.',
    });
    expect(exportProblem({ destination: '/a.json', password: STRONG, repeat: `${STRONG}!`, receipt: '' })?.field).toBe(
      'repeat',
    );
    expect(exportProblem({ destination: '/a.json', password: STRONG, repeat: STRONG, receipt: '' })).toBeUndefined();
  });

  it('warns about a weak password without refusing it', () => {
    const values = { destination: '/a.json', password: 'abcdefgh', repeat: 'abcdefgh', receipt: '' };
    expect(exportVerdicts(values).password?.tone).toBe('warning');
    expect(exportVerdicts(values).password?.text).toMatch(/^This backup password is weak/u);
    expect(exportProblem(values)).toBeUndefined();
    expect(exportVerdicts({ ...values, repeat: 'abc' }).repeat).toEqual({
      tone: 'warning',
      text: 'Not the same as the password above (yet).',
    });
    expect(exportVerdicts({ ...values, repeat: 'x' }).repeat?.tone).toBe('error');
    expect(exportVerdicts({ ...values, password: STRONG, repeat: STRONG })).toEqual({
      password: { tone: 'success', text: 'A strong password.' },
      repeat: { tone: 'success', text: 'The two match.' },
    });
  });

  it('reads a trailing / as a new file in that directory', () => {
    expect(targetOf(' /media/usb/ ', 'airlock-backup-1.json')).toBe('/media/usb/airlock-backup-1.json');
    expect(targetOf('/media/usb/mine.json', 'airlock-backup-1.json')).toBe('/media/usb/mine.json');
  });
});

describe('what and in which format', () => {
  const cycle = (step: 1 | -1 = 1): ExportAction => ({ type: 'cycle', step });

  it('cycles the focused choice; text typed on a choice goes nowhere', () => {
    const state = form(initialExport('/a.json'), cycle(), type('abc'));
    expect(state.choice.what).toBe('chosen');
    expect(state.form.values.what).toBe('');
    const format = form(state, next, cycle(), cycle());
    expect(format.choice.format).toBe('polkadot-js-batch');
    expect(form(format, cycle(-1)).choice.format).toBe('polkadot-js');
    // On a text field, cycling does nothing.
    expect(run(format, next, cycle())).toEqual(run(format, next));
  });

  it('opens the picker only from What on chosen accounts; marks toggle; Enter goes on to Format, Esc stays', () => {
    expect(run(initialExport('/a.json'), { type: 'pick' }).step).toBe('form');
    const picking = run(initialExport('/a.json'), cycle(), { type: 'pick' });
    expect(picking.step).toBe('pick');
    const marked = at(
      run(
        picking,
        { type: 'mark', publicKey: '0xaa' },
        { type: 'mark', publicKey: '0xbb' },
        { type: 'mark', publicKey: '0xaa' },
      ),
      'pick',
    );
    expect([...marked.choice.chosen]).toEqual(['0xbb']);
    expect(run(marked, { type: 'picked', next: true })).toMatchObject({ step: 'form', form: { focus: 'format' } });
    expect(run(marked, { type: 'picked', next: false })).toMatchObject({ step: 'form', form: { focus: 'what' } });
    // Marks are the picker's: the form does not take them.
    expect(form(initialExport('/a.json'), { type: 'mark', publicKey: '0xaa' }).choice.chosen.size).toBe(0);
  });

  it('says a refusal under its field until that field is changed', () => {
    const refused = run(filled(), { type: 'refused', field: 'what', problem: 'Mark one.' });
    expect(refused).toMatchObject({ problem: { text: 'Mark one.', field: 'what' }, form: { focus: 'what' } });
    expect(form(refused, next).problem?.text).toBe('Mark one.');
    expect(form(refused, cycle()).problem).toBeUndefined();
    const password = run(filled(), { type: 'refused', field: 'password', problem: 'Too short.' });
    expect(form(password, type('x')).problem).toBeUndefined();
  });
});
