/**
 * Requests with metadata proofs changed every way one byte can change them, cut at every
 * length, and changed at random in many bytes at once: each is refused with a UserError or
 * (a change to the call's own bytes, which the proof does not bind) decoded, never a crash,
 * and each within a bounded time.
 */
import { u8aConcat } from '@polkadot/util';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { decodeProofTransaction } from '../../src/sign/metadata-proof.js';
import { readProof } from '../../src/sign/proof-verify.js';
import { BOB } from '../helpers/dev-keys.js';
import { proofChain, proofRequestPayload } from '../helpers/proof-requests.js';
import { seeded } from '../helpers/qr-frames.js';

const kusama = proofChain('kusama');
const batch = kusama.tx.utility!.batchAll!([
  kusama.tx.balances!.transferKeepAlive!(BOB.publicKey, 1_500_000_000_000n),
  kusama.tx.staking!.bond!(10n ** 12n, 'Staked'),
]);
const request = proofRequestPayload(kusama, batch);
const proofLength = readProof(request).length;

/** Decoded or refused with a UserError, in under a second; whether it was refused. */
function outcome(payload: Uint8Array): 'decoded' | 'refused' {
  const started = performance.now();
  try {
    decodeProofTransaction({ payload, genesisHash: kusama.genesisHash, nameOf: () => undefined });
    return 'decoded';
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return 'refused';
  } finally {
    expect(performance.now() - started).toBeLessThan(1000);
  }
}

describe('a request with a metadata proof, changed', () => {
  it('in any one byte of the proof: refused', () => {
    for (let at = 0; at < proofLength; at++) {
      for (const change of [0x01, 0xff]) {
        const changed = request.slice();
        changed[at] = changed[at]! ^ change;
        expect(outcome(changed), `byte ${at} ^ ${change}`).toBe('refused');
      }
    }
  });

  it('cut at any length, or given more: refused', () => {
    for (let length = 0; length < request.length; length++) {
      expect(outcome(request.slice(0, length))).toBe('refused');
    }
    expect(outcome(u8aConcat(request, new Uint8Array(1)))).toBe('refused');
  });

  it('in many bytes at once, anywhere: refused or decoded, never a crash', () => {
    const random = seeded(18);
    for (let run = 0; run < 2000; run++) {
      const changed = request.slice();
      const changes = 1 + Math.floor(random() * 8);
      for (let i = 0; i < changes; i++) changed[Math.floor(random() * changed.length)] = Math.floor(random() * 256);
      outcome(changed);
    }
  });
});
