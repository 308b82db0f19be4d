import type { ChainClaims } from '../../sign/metadata-chain.js';
import type { UnknownRuntime } from '../../sign/metadata-store.js';
import type { FieldAction } from '../../ui/components/form-intent.js';
import { formReducer, initialForm, type FormState } from '../../ui/components/form-state.js';

/** What the person says of a chain airlock does not know, in the order Tab visits them. */
export const CLAIM_FIELDS = ['genesis', 'token', 'decimals'] as const;
export type ClaimField = (typeof CLAIM_FIELDS)[number];

/** A metadata file read whole, whose chain is to be described before it is kept. */
export interface ReadMetadata {
  bytes: Uint8Array;
  path: string;
  runtime: UnknownRuntime;
}

/**
 * Adding metadata: its file chosen, then read and, for a chain airlock knows, kept at once;
 * for any other, the chain described in a form (`adding` once it is sent), which Esc leaves for
 * the file again. A refusal is said on the step it came from.
 */
export type MetadataAddState =
  | { step: 'file'; problem?: string }
  | { step: 'reading' }
  | { step: 'claims'; read: ReadMetadata; form: FormState<ClaimField>; problem?: string; adding: boolean };

export type MetadataAddAction =
  /** A key in the path field other than Enter: the refusal shown was for another path. */
  | { type: 'typed' }
  | { type: 'read' }
  /** Read, and its chain is not one airlock or the vault knows. */
  | { type: 'unknown-chain'; read: ReadMetadata }
  | { type: 'field'; action: FieldAction }
  /** Enter on the last field or Ctrl-S: adds once every field is filled in. */
  | { type: 'send' }
  | { type: 'failed'; problem: string }
  /** Esc on the form. */
  | { type: 'back' };

export const initialMetadataAdd: MetadataAddState = { step: 'file' };

export const CLAIM_NAMES: Record<ClaimField, string> = {
  genesis: 'genesis hash',
  token: 'token symbol',
  decimals: 'number of decimals',
};

export function metadataAddReducer(state: MetadataAddState, action: MetadataAddAction): MetadataAddState {
  switch (action.type) {
    case 'typed':
      return state.step === 'file' && state.problem !== undefined ? { step: 'file' } : state;
    case 'read':
      return state.step === 'file' ? { step: 'reading' } : state;
    case 'unknown-chain':
      return state.step === 'reading'
        ? { step: 'claims', read: action.read, form: initialForm(CLAIM_FIELDS), adding: false }
        : state;
    case 'field':
      if (state.step !== 'claims' || state.adding) return state;
      // A refusal stands while the focus moves, and goes once the claims change.
      return {
        ...state,
        form: formReducer(state.form, action.action),
        problem: action.action.type === 'edit' ? undefined : state.problem,
      };
    case 'send':
      return state.step === 'claims' && !state.adding ? sent(state) : state;
    case 'failed':
      if (state.step === 'reading') return { step: 'file', problem: action.problem };
      return state.step === 'claims' ? { ...state, problem: action.problem, adding: false } : state;
    case 'back':
      return state.step === 'claims' && !state.adding ? { step: 'file' } : state;
  }
}

/** Adding, or the first empty field focused and named: no chain is half described. */
function sent(state: Extract<MetadataAddState, { step: 'claims' }>): MetadataAddState {
  const empty = CLAIM_FIELDS.find((field) => state.form.values[field].trim() === '');
  if (empty === undefined) return { ...state, problem: undefined, adding: true };
  const form = formReducer(formReducer(state.form, { type: 'visit-all' }), { type: 'focus', field: empty });
  return { ...state, form, problem: `Give the chain's ${CLAIM_NAMES[empty]}.` };
}

/** The claims as addMetadata takes them; it checks them against the metadata and the vault. */
export const claimsOf = (form: FormState<ClaimField>): Required<ChainClaims> => ({
  genesis: form.values.genesis.trim(),
  token: form.values.token.trim(),
  decimals: form.values.decimals.trim(),
});
