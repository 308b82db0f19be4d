import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_SOURCE_SYMBOLS, raptorqDecode, raptorqParametersProblem, sourceSymbols } from '../../src/sign/raptorq.js';
import { pseudoRandomBytes } from '../helpers/qr-frames.js';
import { vaultRaptorqFrames } from '../helpers/sign-requests.js';

const packetsOf = (frames: Uint8Array[]) => frames.map((frame) => frame.subarray(4));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('raptorq', () => {
  it('decodes from any source-symbols-many packets, repair ones included', () => {
    const data = pseudoRandomBytes(5000, 4);
    const packets = packetsOf(vaultRaptorqFrames(data));
    const transfer = { length: 5000, symbolSize: 1072 };
    expect(sourceSymbols(transfer)).toBe(5);
    expect(packets).toHaveLength(5 + 4);
    expect(raptorqDecode(transfer, packets.slice(0, 4))).toBeUndefined();
    expect(raptorqDecode(transfer, packets.slice(4))).toEqual(data); // repair packets only
    expect(raptorqDecode(transfer, [packets[0]!, packets[2]!, ...packets.slice(6)])).toEqual(data);
  });

  it('takes only the parameters the crate decodes without panicking', () => {
    expect(raptorqParametersProblem({ length: 1024 * 1024, symbolSize: 1072 })).toBeUndefined();
    expect(raptorqParametersProblem({ length: 100, symbolSize: 64 })).toBeUndefined();
    expect(raptorqParametersProblem({ length: 100, symbolSize: 56 })).toMatch(/56 bytes/u);
    expect(raptorqParametersProblem({ length: 100, symbolSize: 1074 })).toMatch(/1074 bytes/u);
    expect(raptorqParametersProblem({ length: 100, symbolSize: 2952 })).toMatch(/2952 bytes/u);
    expect(raptorqParametersProblem({ length: 0, symbolSize: 1072 })).toBe('it says it carries nothing');
    expect(raptorqParametersProblem({ length: MAX_SOURCE_SYMBOLS * 512 + 1, symbolSize: 512 })).toMatch(/2049 frames/u);
  });

  it('starts a fresh instance after a panic, and decodes again', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {}); // the crate's panic message
    const data = pseudoRandomBytes(3000, 8);
    const packets = packetsOf(vaultRaptorqFrames(data));
    const transfer = { length: 3000, symbolSize: 1072 };
    // A packet shorter than its symbol, for a transfer of one symbol: the crate panics on it.
    expect(() => raptorqDecode({ length: 500, symbolSize: 1072 }, [packets[0]!.subarray(0, 20)])).toThrow();
    expect(quiet).toHaveBeenCalled();
    expect(raptorqDecode(transfer, packets)).toEqual(data);
  });
});
