/** Dense frames: the same fountain-coded parts as UR frames, as raw bytes in byte-mode codes. */
import { UR, UREncoder } from '@ngraveio/bc-ur';
import { describe, expect, it } from 'vitest';
import { alphanumericCapacity, byteCapacity } from '../../src/qr/capacity.js';
import { DENSE_MAGIC, isDenseFrame, qrCodeText, urTextOfDenseFrame } from '../../src/qr/dense.js';
import { largestFit } from '../../src/qr/fit.js';
import { FrameSequence, planFrames } from '../../src/qr/frames.js';
import { qrMatrix } from '../../src/qr/matrix.js';
import { Reassembly } from '../../src/qr/reassembly.js';
import { pseudoRandomBytes } from '../helpers/qr-frames.js';

const bytesOf = (content: string | Uint8Array): Uint8Array => {
  if (typeof content === 'string') throw new Error('a dense frame holds bytes');
  return content;
};

describe('dense frames', () => {
  const payload = pseudoRandomBytes(5000, 11);

  it('carry the very parts of the UR frames of the same fragment length, and read back as their UR text', () => {
    const ur = new FrameSequence(payload, 200, 'ur');
    const dense = new FrameSequence(payload, 200, 'dense');
    const library = new UREncoder(UR.fromBuffer(Buffer.from(payload)), 200);
    expect(dense.parts).toBe(ur.parts);
    // Past the plain fragments too: the mixes are the same.
    for (let i = 0; i < ur.parts + 5; i++) {
      const [a, b] = [ur.next(), dense.next()];
      expect(a.content).toBe(library.nextPart().toUpperCase());
      expect(b.text).toBe(a.text);
      expect(b.content).toBeInstanceOf(Uint8Array);
      expect(urTextOfDenseFrame(bytesOf(b.content))).toBe(a.content);
    }
  });

  it('hold about 1.4 times the payload of a UR frame in the same version, and fit it at the last sequence number', () => {
    for (const [columns, rows] of [
      [80, 24],
      [120, 40],
      [200, 60],
    ] as const) {
      const fit = largestFit(columns, rows)!;
      const ur = planFrames(payload, fit, 'ur')!;
      const dense = planFrames(payload, fit, 'dense')!;
      expect(dense.version).toBe(ur.version);
      expect(dense.fragmentLength / ur.fragmentLength).toBeGreaterThan(1.35);
      // Near the version's byte capacity: only the magic, the CBOR framing and the checksum besides.
      expect(dense.fragmentLength).toBeGreaterThan(byteCapacity(fit.version) - 30);
      expect(ur.fragmentLength).toBeLessThan(alphanumericCapacity(fit.version) / 2);
      const frames = new FrameSequence(payload, dense.fragmentLength, 'dense');
      for (let i = 0; i < 3; i++)
        expect(qrMatrix(frames.next().content, { version: dense.version }).version).toBe(dense.version);
    }
  });

  it('put a payload back together in any order with frames missing', () => {
    const sequence = new FrameSequence(payload, 300, 'dense');
    const frames = Array.from({ length: sequence.parts * 2 }, () => sequence.next().content);
    const reassembly = new Reassembly();
    frames.reverse().forEach((content, i) => {
      if (i % 4 !== 0 && !reassembly.complete) reassembly.receive(urTextOfDenseFrame(bytesOf(content)), `frame ${i}`);
    });
    expect(Buffer.from((reassembly.result() as { payload: Uint8Array }).payload).equals(Buffer.from(payload))).toBe(
      true,
    );
  });

  it('send a payload that fits one frame as one part, read at once', () => {
    const small = pseudoRandomBytes(40, 2);
    const plan = planFrames(small, largestFit(120, 40)!, 'dense')!;
    expect(plan.parts).toBe(1);
    const frame = new FrameSequence(small, plan.fragmentLength, 'dense').next();
    const reassembly = new Reassembly();
    reassembly.receive(urTextOfDenseFrame(bytesOf(frame.content)), 'one');
    expect(Buffer.from((reassembly.result() as { payload: Uint8Array }).payload).equals(Buffer.from(small))).toBe(true);
  });

  it('refuse a damaged frame: a flipped bit fails the checksum, and a checksummed non-part says so', () => {
    const frame = Buffer.from(bytesOf(new FrameSequence(payload, 200, 'dense').next().content));
    for (const at of [DENSE_MAGIC.length, 40, frame.length - 1]) {
      const damaged = Buffer.from(frame);
      damaged[at]! ^= 0x10;
      expect(() => urTextOfDenseFrame(damaged)).toThrow('bad checksum');
    }
    const notAPart = Buffer.concat([Buffer.from(DENSE_MAGIC), Buffer.from([0x01, 0x02, 0x03]), Buffer.alloc(4)]);
    notAPart.writeUInt32BE(crc32(notAPart.subarray(DENSE_MAGIC.length, -4)), notAPart.length - 4);
    expect(() => urTextOfDenseFrame(notAPart)).toThrow('not a UR part');
  });

  it('are told from other codes by their first bytes: any other code reads as its text', () => {
    expect(isDenseFrame(Buffer.from('AQ\x01 hello'))).toBe(false);
    expect(qrCodeText({ data: 'hello', binaryData: [...Buffer.from('hello')] })).toBe('hello');
    const frame = new FrameSequence(payload, 200, 'dense').next();
    expect(qrCodeText({ data: '', binaryData: [...bytesOf(frame.content)] })).toBe(frame.text);
  });
});

/** CRC-32 (IEEE), bit by bit: an independent check of the checksum the frames carry. */
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
