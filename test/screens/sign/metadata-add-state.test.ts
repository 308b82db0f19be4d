import { describe, expect, it } from 'vitest';
import {
  claimsOf,
  initialMetadataAdd,
  metadataAddReducer,
  type MetadataAddAction,
  type MetadataAddState,
  type ReadMetadata,
} from '../../../src/screens/sign/metadata-add-state.js';

const READ: ReadMetadata = {
  bytes: new Uint8Array([1, 2, 3]),
  path: '/media/stick/node.hex',
  runtime: { specName: 'node', specVersion: 268, version: 15, ss58Prefix: 42 },
};
const GENESIS = `0x${'ab'.repeat(32)}`;

const run = (...actions: MetadataAddAction[]) =>
  actions.reduce<MetadataAddState>(metadataAddReducer, initialMetadataAdd);
const type = (text: string): MetadataAddAction => ({
  type: 'field',
  action: { type: 'edit', edit: { type: 'insert', text } },
});
const NEXT: MetadataAddAction = { type: 'field', action: { type: 'next' } };
const described = [{ type: 'read' }, { type: 'unknown-chain', read: READ }] as const;

const claimsStep = (state: MetadataAddState) => {
  if (state.step !== 'claims') throw new Error(`at ${state.step}, not the claims`);
  return state;
};

describe('adding metadata, step by step', () => {
  it('reads a file, and says a refusal on the file step until the path changes', () => {
    expect(run({ type: 'read' })).toEqual({ step: 'reading' });
    const refused = run({ type: 'read' }, { type: 'failed', problem: 'Not metadata.' });
    expect(refused).toEqual({ step: 'file', problem: 'Not metadata.' });
    expect(metadataAddReducer(refused, { type: 'typed' })).toEqual({ step: 'file' });
    // Enter twice: the second finds the file being read.
    expect(run({ type: 'read' }, { type: 'read' })).toEqual({ step: 'reading' });
  });

  it('asks for the chain of a runtime airlock does not know, and types into the focused field', () => {
    const state = claimsStep(run(...described, type(GENESIS), NEXT, type('UNIT'), NEXT, type('12')));
    expect(state.read).toBe(READ);
    expect(state.form.values).toEqual({ genesis: GENESIS, token: 'UNIT', decimals: '12' });
    expect(state.form.focus).toBe('decimals');
    expect(state.adding).toBe(false);
  });

  it('adds only once every field is filled in, the first empty one focused and named', () => {
    const missing = claimsStep(run(...described, type(GENESIS), NEXT, NEXT, type('12'), { type: 'send' }));
    expect(missing.adding).toBe(false);
    expect(missing.form.focus).toBe('token');
    expect(missing.problem).toBe("Give the chain's token symbol.");
    // Blanks are not a token either.
    const blank = claimsStep(metadataAddReducer(missing, type('  ')));
    expect(blank.problem).toBeUndefined();
    expect(claimsStep(metadataAddReducer(blank, { type: 'send' })).adding).toBe(false);

    const sent = claimsStep(metadataAddReducer(metadataAddReducer(missing, type(' UNIT ')), { type: 'send' }));
    expect(sent.adding).toBe(true);
    expect(claimsOf(sent.form)).toEqual({ genesis: GENESIS, token: 'UNIT', decimals: '12' });
    // While it is kept, keys change nothing and a second send adds nothing twice.
    expect(metadataAddReducer(sent, type('x'))).toBe(sent);
    expect(metadataAddReducer(sent, { type: 'send' })).toBe(sent);
    expect(metadataAddReducer(sent, { type: 'back' })).toBe(sent);
  });

  it('shows a refusal under the form, kept while the focus moves, gone once the claims change', () => {
    const full = [...described, type('0x12'), NEXT, type('UNIT'), NEXT, type('12'), { type: 'send' }] as const;
    const refused = claimsStep(run(...full, { type: 'failed', problem: '"0x12" is not a genesis hash.' }));
    expect(refused).toMatchObject({ adding: false, problem: '"0x12" is not a genesis hash.' });
    expect(refused.form.values.genesis).toBe('0x12');
    const moved = claimsStep(metadataAddReducer(refused, NEXT));
    expect(moved.problem).toBe(refused.problem);
    expect(claimsStep(metadataAddReducer(moved, type('3'))).problem).toBeUndefined();
  });

  it('goes back to the file step on Esc, the claims dropped', () => {
    expect(run(...described, type(GENESIS), { type: 'back' })).toEqual({ step: 'file' });
    // A read for the file step only: an unknown chain reported after Esc is no one's.
    expect(run({ type: 'unknown-chain', read: READ })).toEqual({ step: 'file' });
  });
});
