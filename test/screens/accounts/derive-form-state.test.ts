import { describe, expect, it } from 'vitest';
import {
  checkDeriveForm,
  deriveFormReducer,
  initialDeriveForm,
  type DeriveFormAction,
} from '../../../src/screens/accounts/derive-form-state.js';

const start = () => initialDeriveForm(['dev', 'cold'], 'substrate');
const run = (actions: DeriveFormAction[]) => actions.reduce(deriveFormReducer, start());
const type = (text: string): DeriveFormAction => ({ type: 'edit', edit: { type: 'insert', text } });
const next: DeriveFormAction = { type: 'next' };
const right: DeriveFormAction = { type: 'cycle', step: 1 };
const left: DeriveFormAction = { type: 'cycle', step: -1 };

describe('the derive form', () => {
  it('starts on the first identity, sr25519 at the root, on the default network', () => {
    expect(start()).toMatchObject({
      focus: 'identity',
      identity: 'dev',
      name: '',
      type: 'sr25519',
      path: '',
      network: 'substrate',
    });
  });

  it('moves between fields and stops at both ends', () => {
    expect(run([next, next, next, next, next, next]).focus).toBe('network');
    expect(run([next, { type: 'previous' }, { type: 'previous' }]).focus).toBe('identity');
  });

  it('types into the focused text field only; the network is picked, not typed', () => {
    const form = run([
      type('x'),
      next,
      type('alice'),
      next,
      type('y'),
      next,
      type('//Alice'),
      next,
      type('kusama'),
      { type: 'edit', edit: { type: 'clear' } },
      { type: 'network', network: 'polkadot' },
    ]);
    expect(form).toMatchObject({
      identity: 'dev',
      name: 'alice',
      type: 'sr25519',
      path: '//Alice',
      network: 'polkadot',
    });
  });

  it('cycles identities and key types with ←/→, and a default path follows the key type', () => {
    expect(run([right]).identity).toBe('cold');
    expect(run([right, right]).identity).toBe('dev');
    expect(run([next, right]).name).toBe('');
    const ethereum = run([next, next, left]);
    expect(ethereum).toMatchObject({ type: 'ethereum', path: "m/44'/60'/0'/0/0" });
    expect(deriveFormReducer(ethereum, right)).toMatchObject({ type: 'sr25519', path: '' });
    // A path the user typed stays when the type changes.
    const typed = run([next, next, next, type('//0'), { type: 'previous' }, right]);
    expect(typed).toMatchObject({ type: 'ed25519', path: '//0' });
  });
});

describe("the derive form's network", () => {
  it('starts on the identity asked for, if the vault has it', () => {
    expect(initialDeriveForm(['dev', 'cold'], 'substrate', 'cold').identity).toBe('cold');
    expect(initialDeriveForm(['dev', 'cold'], 'substrate', 'gone').identity).toBe('dev');
  });

  it('follows the key type to an EVM chain for ethereum while it is the default, and back', () => {
    const ethereum = run([next, next, left]);
    expect(ethereum).toMatchObject({ type: 'ethereum', network: 'moonbeam' });
    expect(deriveFormReducer(ethereum, right)).toMatchObject({ type: 'sr25519', network: 'substrate' });
    // A network the user picked stays.
    const picked = run([{ type: 'network', network: 'polkadot' }, next, next, left]);
    expect(picked).toMatchObject({ type: 'ethereum', network: 'polkadot' });
    // An EVM chain as the vault's default is the ethereum default too.
    const evmDefault = [next, next, left].reduce(deriveFormReducer, initialDeriveForm(['dev'], 'darwinia'));
    expect(evmDefault.network).toBe('darwinia');
  });
});

describe('checking the derive form', () => {
  const filled = (actions: DeriveFormAction[]) => checkDeriveForm(run([next, type('alice'), next, ...actions]));

  it('gives the request once every field is valid', () => {
    expect(filled([next, type('//Alice')])).toEqual({
      problems: {},
      network: expect.objectContaining({ name: 'substrate', prefix: 42 }) as unknown,
      request: { identity: 'dev', name: 'alice', type: 'sr25519', path: '//Alice', network: 'substrate' },
    });
    const kusama = filled([next, next, { type: 'network', network: 'kusama' }]);
    expect(kusama.request?.network).toBe('kusama');
  });

  it('says what is wrong with a field as it is typed', () => {
    const soft = filled([right, next, type('/soft')]);
    expect(soft.problems.path).toMatch(/ed25519 keys cannot be soft-derived/u);
    expect(soft.request).toBeUndefined();
    expect(filled([next, type('no-slash')]).problems.path).toMatch(/not a Substrate derivation path/u);
  });

  it('waits for a name without calling its absence a mistake', () => {
    const unnamed = checkDeriveForm(start());
    expect(unnamed.problems).toEqual({});
    expect(unnamed.request).toBeUndefined();
    expect(checkDeriveForm(run([next, type('a\u0007b')])).problems.name).toBeUndefined();
  });

  it('has nothing to derive from without an identity', () => {
    const form = { ...initialDeriveForm([], 'substrate'), name: 'x' };
    expect(checkDeriveForm(form).problems.identity).toMatch(/no identity/u);
  });
});
