import { describe, expect, it } from 'vitest';
import { addressQrText, parseAddressQr } from '../../src/qr/address-qr.js';
import { FrameSequence } from '../../src/qr/frames.js';
import { Reassembly } from '../../src/qr/reassembly.js';
import { pseudoRandomBytes } from '../helpers/qr-frames.js';

const frames = (payload: Uint8Array, count: number, fragment = 100) => {
  const sequence = new FrameSequence(payload, fragment);
  return Array.from({ length: count }, () => sequence.next().text);
};

describe('reassembly', () => {
  const payload = pseudoRandomBytes(1000, 3);

  it('takes frames in any order, counts duplicates and frames of another transfer, and ignores them', () => {
    const mine = frames(payload, 12);
    const other = frames(pseudoRandomBytes(700, 9), 3);
    const reassembly = new Reassembly();
    expect(reassembly.receive(mine[3]!, 'a')).toBe('new');
    expect(reassembly.receive(mine[3]!, 'a again')).toBe('duplicate');
    expect(reassembly.receive(mine[3]!.toLowerCase(), 'lowercase')).toBe('duplicate');
    expect(reassembly.receive(other[0]!, 'b')).toBe('other-transfer');
    for (const frame of mine.reverse()) {
      reassembly.receive(frame, 'f');
      if (reassembly.complete) break;
    }
    expect(Buffer.from((reassembly.result() as { payload: Uint8Array }).payload).equals(Buffer.from(payload))).toBe(true);
  });

  it('refuses a damaged frame, naming it', () => {
    const [frame] = frames(payload, 1);
    const at = 40;
    const damaged = frame!.slice(0, at) + (frame![at] === 'A' ? 'B' : 'A') + frame!.slice(at + 1);
    expect(() => new Reassembly().receive(damaged, 'frame-7.png')).toThrow(/frame-7\.png holds a damaged UR frame/);
  });

  it('says how far an incomplete transfer got', () => {
    const reassembly = new Reassembly();
    const mine = frames(payload, 11); // 11 plain fragments of 100 bytes (1000 bytes and CBOR header)
    for (const frame of mine.slice(0, 7)) reassembly.receive(frame, 'f');
    expect(reassembly.progress()).toEqual({ fraction: 7 / 11, missing: 4 });
    expect(() => reassembly.result()).toThrow('the transfer is incomplete: 63% complete, about 4 more frames needed');
  });

  it('gives back the text of one QR code that is no UR, and refuses nothing or a mix', () => {
    const one = new Reassembly();
    one.receive('hello world', 'a');
    one.receive('hello world', 'b');
    expect(one.result()).toEqual({ kind: 'text', text: 'hello world' });
    expect(() => new Reassembly().result()).toThrow('no QR code found in the pictures');
    const two = new Reassembly();
    two.receive('one', 'a');
    two.receive('two', 'b');
    expect(() => two.result()).toThrow(/2 different QR codes/);
  });

  it('reads a one-frame UR at once', () => {
    const small = pseudoRandomBytes(20, 1);
    const reassembly = new Reassembly();
    reassembly.receive(frames(small, 1, 100)[0]!, 'a');
    expect(reassembly.complete).toBe(true);
  });
});

describe('address QR', () => {
  const address = '15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5';
  const genesis = '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3';

  it('is substrate:ADDRESS:0xGENESIS:NAME and parses back', () => {
    const text = addressQrText({ address, genesisHash: genesis, name: 'savings' });
    expect(text).toBe(`substrate:${address}:${genesis}:savings`);
    expect(parseAddressQr(text)).toEqual({ address, genesisHash: genesis, name: 'savings' });
    expect(parseAddressQr(`substrate:${address}:${genesis}`)).toEqual({ address, genesisHash: genesis });
  });

  it('keeps a name from breaking the format, and rejects what is not one', () => {
    expect(addressQrText({ address, genesisHash: genesis, name: 'a:b\nc' })).toBe(`substrate:${address}:${genesis}:a b c`);
    expect(() => addressQrText({ address, genesisHash: '0x12', name: 'x' })).toThrow(RangeError);
    expect(parseAddressQr(`ethereum:${address}:${genesis}`)).toBeUndefined();
    expect(parseAddressQr(`substrate:${address}`)).toBeUndefined();
  });
});
