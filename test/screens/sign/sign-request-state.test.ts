import { describe, expect, it } from 'vitest';
import type { PreparedSignature } from '../../../src/sign/signing.js';
import {
  REFUSED,
  STOPPED,
  initialSign,
  scrolled,
  signReducer,
  type SignAction,
  type SignState,
} from '../../../src/screens/sign/sign-request-state.js';

const PREPARED: PreparedSignature = {
  action: 'transaction',
  account: {
    name: 'alice',
    address: '15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5',
    publicKey: '0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d',
    type: 'sr25519',
  },
  chain: {
    name: 'polkadot',
    displayName: 'Polkadot',
    genesisHash: '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3',
    ss58Prefix: 0,
    decimals: 10,
    token: 'DOT',
  },
  lines: [{ depth: 0, text: 'system.remark' }],
  checkedBy: 'stored-metadata',
  toSign: new Uint8Array([1, 2, 3]),
  withType: true,
};

const PROGRESS = { pictures: 3, frames: 2, percent: 66, skipped: 1 };

/** What is signed fits on the screen. */
const FITS = { rows: 10, height: 15 };

const run = (...actions: SignAction[]) => actions.reduce<SignState>(signReducer, initialSign);

describe('the signing screen’s steps', () => {
  it('goes from the path through reading and checking to the review, then to signing on y', () => {
    const review = run(
      { type: 'read' },
      { type: 'progress', progress: PROGRESS },
      { type: 'read-done' },
      { type: 'prepared', prepared: PREPARED },
    );
    expect(review).toEqual({ step: 'review', prepared: PREPARED, top: 0, seenEnd: false });
    expect(signReducer(review, { type: 'approve', ...FITS })).toEqual({ step: 'signing', prepared: PREPARED, top: 0 });
  });

  it('keeps how far the reading came while checking, and after a failure says why on the path', () => {
    const checking = run({ type: 'read' }, { type: 'progress', progress: PROGRESS }, { type: 'read-done' });
    expect(checking).toEqual({ step: 'checking', progress: PROGRESS });
    expect(signReducer(checking, { type: 'failed', problem: 'No account in the vault has this key.' })).toEqual({
      step: 'path',
      progress: PROGRESS,
      problem: 'No account in the vault has this key.',
    });
  });

  it('Esc while reading or checking stops, keeping nothing read', () => {
    expect(run({ type: 'read' }, { type: 'stop' })).toEqual({ step: 'path', problem: STOPPED });
    expect(run({ type: 'read' }, { type: 'read-done' }, { type: 'stop' })).toEqual({ step: 'path', problem: STOPPED });
  });

  it('Esc at the review refuses: the request is dropped and nothing is signed', () => {
    const refused = run(
      { type: 'read' },
      { type: 'read-done' },
      { type: 'prepared', prepared: PREPARED },
      { type: 'refuse' },
    );
    expect(refused).toEqual({ step: 'path', problem: REFUSED });
    expect(JSON.stringify(refused)).not.toContain('alice');
  });

  it('a failed signature goes back to the path with its reason, the request dropped', () => {
    const signing = run(
      { type: 'read' },
      { type: 'read-done' },
      { type: 'prepared', prepared: PREPARED },
      { type: 'approve', ...FITS },
    );
    expect(signReducer(signing, { type: 'failed', problem: 'The vault is locked.' })).toEqual({
      step: 'path',
      problem: 'The vault is locked.',
    });
  });

  it('ignores what does not belong to the step: late progress, a second y, a stray result', () => {
    expect(signReducer(initialSign, { type: 'progress', progress: PROGRESS })).toBe(initialSign);
    expect(signReducer(initialSign, { type: 'prepared', prepared: PREPARED })).toBe(initialSign);
    expect(signReducer(initialSign, { type: 'approve', ...FITS })).toBe(initialSign);
    const signing: SignState = { step: 'signing', prepared: PREPARED, top: 0 };
    expect(signReducer(signing, { type: 'approve', ...FITS })).toBe(signing);
    expect(signReducer(signing, { type: 'refuse' })).toBe(signing);
    expect(signReducer(signing, { type: 'stop' })).toBe(signing);
    // A reading stopped before its answer came: the answer finds the path step and changes nothing.
    const stopped = run({ type: 'read' }, { type: 'stop' });
    expect(signReducer(stopped, { type: 'prepared', prepared: PREPARED })).toBe(stopped);
  });
});

describe('scrolling what is signed', () => {
  const at = (top: number, move: Parameters<typeof scrolled>[1]['move']) =>
    scrolled(top, { move, rows: 40, height: 15 });

  it('moves a row or a page, and stops where the last row is at the bottom', () => {
    expect(at(0, 'down')).toBe(1);
    expect(at(0, 'up')).toBe(0);
    expect(at(0, 'page-down')).toBe(15);
    expect(at(15, 'page-down')).toBe(25);
    expect(at(25, 'down')).toBe(25);
    expect(at(25, 'page-up')).toBe(10);
    expect(at(3, 'page-up')).toBe(0);
    expect(at(7, 'last')).toBe(25);
    expect(at(25, 'first')).toBe(0);
  });

  it('does not move what fits on the screen', () => {
    expect(scrolled(0, { move: 'page-down', rows: 10, height: 15 })).toBe(0);
    expect(scrolled(0, { move: 'last', rows: 10, height: 15 })).toBe(0);
  });

  it('scrolls the review through the reducer, and only there', () => {
    const review: SignState = { step: 'review', prepared: PREPARED, top: 0, seenEnd: false };
    expect(signReducer(review, { type: 'scroll', move: 'down', rows: 40, height: 15 })).toEqual({ ...review, top: 1 });
    expect(signReducer(review, { type: 'scroll', move: 'last', rows: 40, height: 15 })).toEqual({
      ...review,
      top: 25,
      seenEnd: true,
    });
    expect(signReducer(initialSign, { type: 'scroll', move: 'down', rows: 40, height: 15 })).toBe(initialSign);
  });
});

describe('y on a request longer than the screen', () => {
  const LONG = { rows: 40, height: 15 };
  const review: SignState = { step: 'review', prepared: PREPARED, top: 0, seenEnd: false };

  it('signs nothing before its last row has been shown, and says how much is unseen', () => {
    expect(signReducer(review, { type: 'approve', ...LONG })).toEqual({ ...review, unseen: 25 });
    const partWay = signReducer(review, { type: 'scroll', move: 'page-down', ...LONG });
    expect(signReducer(partWay, { type: 'approve', ...LONG })).toEqual({ ...partWay, unseen: 10 });
  });

  it('signs once the end has been shown, even after scrolling back up', () => {
    const seen = [
      { type: 'scroll', move: 'last', ...LONG },
      { type: 'scroll', move: 'first', ...LONG },
    ].reduce<SignState>((state, action) => signReducer(state, action as SignAction), review);
    expect(seen).toMatchObject({ top: 0, seenEnd: true });
    expect(signReducer(seen, { type: 'approve', ...LONG })).toEqual({ step: 'signing', prepared: PREPARED, top: 0 });
  });
});
