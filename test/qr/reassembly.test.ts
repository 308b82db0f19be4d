import { URDecoder } from '@ngraveio/bc-ur';
import { describe, expect, it } from 'vitest';
import { addressQrText, parseAddressQr } from '../../src/qr/address-qr.js';
import { FountainEncoderPart, getCRC } from '../../src/qr/bc-ur.js';
import { urPartText } from '../../src/qr/dense.js';
import { FountainSolver } from '../../src/qr/fountain.js';
import { FrameSequence, MAX_TRANSFER_BYTES, planFrames } from '../../src/qr/frames.js';
import { Reassembly, SeveralTransfers, STEADY_SIGHTINGS } from '../../src/qr/reassembly.js';
import { MAX_TRANSFER_PARTS, MIN_SHOWN_FRAGMENT } from '../../src/qr/ur-part.js';
import { loseAndShuffle, pseudoRandomBytes, seeded } from '../helpers/qr-frames.js';

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
    expect(Buffer.from((reassembly.result() as { payload: Uint8Array }).payload).equals(Buffer.from(payload))).toBe(
      true,
    );
  });

  /** How many of `texts`, in order, bring the transfer together; undefined if they never do. */
  const framesNeeded = (texts: readonly string[]): number | undefined => {
    const reassembly = new Reassembly();
    for (const [i, text] of texts.entries()) {
      reassembly.receive(text, `frame ${i}`);
      if (reassembly.complete) {
        expect(Buffer.from((reassembly.result() as { payload: Uint8Array }).payload).equals(Buffer.from(payload))).toBe(
          true,
        );
        return i + 1;
      }
    }
    return undefined;
  };
  const bcUrFramesNeeded = (texts: readonly string[]): number | undefined => {
    const decoder = new URDecoder();
    for (const [i, text] of texts.entries()) {
      decoder.receivePart(text.toLowerCase());
      if (decoder.isComplete()) return i + 1;
    }
    return undefined;
  };
  const sequenceNumber = (text: string) => Number(/\/(\d+)-/u.exec(text)![1]);

  it('finishes a set of frames in any order, where bc-ur’s own decoder stops short in some', () => {
    const kept = loseAndShuffle(frames(payload, 40), 0.5, seeded(390));
    const inSequence = [...kept].sort((a, b) => sequenceNumber(a) - sequenceNumber(b));
    // The very same 18 frames: bc-ur puts them together in sequence, and not in this order.
    expect(bcUrFramesNeeded(inSequence)).toBeDefined();
    expect(bcUrFramesNeeded(kept)).toBeUndefined();
    expect(framesNeeded(kept)).toBeDefined();
    expect(framesNeeded(inSequence)).toBeDefined();
  });

  it('never needs more frames than bc-ur’s decoder, and finishes a set in every order or in none', () => {
    const sent = frames(payload, 40);
    let fewer = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const random = seeded(seed);
      const kept = loseAndShuffle(sent, 0.6, random);
      const needed = framesNeeded(kept);
      const bcUr = bcUrFramesNeeded(kept);
      if (bcUr !== undefined) expect(needed).toBeLessThanOrEqual(bcUr);
      if (needed !== undefined && (bcUr === undefined || needed < bcUr)) fewer += 1;
      expect(framesNeeded(loseAndShuffle(kept, 0, random)) !== undefined).toBe(needed !== undefined);
    }
    expect(fewer).toBeGreaterThan(0);
  });

  it('says so when the frames contradict each other or their checksum, though each frame is sound', () => {
    const sequence = new FrameSequence(payload, 100);
    const parts = Array.from({ length: 11 }, () => sequence.next().text);
    // Frame 1 again, its fragment altered and its bytewords checksum made good.
    const first = parts[0]!;
    const [, body] = /^UR:BYTES\/1-11\/(.+)$/u.exec(first)!;
    const original = FountainEncoderPart.fromCBOR(URDecoder.decode(`ur:bytes/${body!.toLowerCase()}`).cbor);
    const fragment = Buffer.from(original.fragment);
    fragment[5]! ^= 0xff;
    const forged = urPartText(new FountainEncoderPart(1, 11, original.messageLength, original.checksum, fragment));
    const tricked = new Reassembly();
    for (const frame of [forged, ...parts.slice(1, 10)]) tricked.receive(frame, 'f');
    expect(() => tricked.receive(parts[10]!, 'last.png')).toThrow(
      /do not add up to what they claim \(last\.png may be damaged\)/u,
    );

    const solver = new FountainSolver(3, 25, getCRC(Buffer.alloc(25)));
    solver.receive(new FountainEncoderPart(1, 3, 25, 0, Buffer.alloc(10)));
    expect(() => solver.receive(new FountainEncoderPart(1, 3, 25, 0, Buffer.alloc(10, 1)))).toThrow(/contradict/u);
  });

  it('refuses a frame of a transfer larger than airlock sends, or whose fragments do not fit its length', () => {
    const fragment = Buffer.alloc(1000);
    const huge = urPartText(new FountainEncoderPart(1, 2098, 2 * 1024 * 1024, 1, fragment));
    expect(() => new Reassembly().receive(huge, 'huge.png')).toThrow(
      'huge.png is a frame of a 2.0 MiB transfer, larger than airlock reads (at most 1.0 MiB)',
    );
    // A count of fragments its length does not call for, which would have the reader expect billions.
    const inflated = urPartText(new FountainEncoderPart(1, 40_000, 1000, 1, fragment));
    expect(() => new Reassembly().receive(inflated, 'odd.png')).toThrow(
      'odd.png holds a damaged UR frame (its count of fragments does not fit its length)',
    );
  });

  it('refuses a frame of a transfer of more parts than qr show ever cuts, before any work, however consistent', () => {
    // A million one-byte fragments of a message of a million bytes: count, length and fragment agree.
    for (const seqNum of [1_000_001, 7]) {
      const frame = urPartText(new FountainEncoderPart(seqNum, 1_000_000, 1_000_000, 0x1234_5678, Buffer.from([1])));
      const started = performance.now();
      expect(() => new Reassembly().receive(frame, 'x.png')).toThrow(
        'x.png is a frame of a transfer of 1000000 parts, more than airlock reads (at most 45591)',
      );
      expect(performance.now() - started).toBeLessThan(100);
    }
    expect(() => new Reassembly().receive(`UR:BYTES/3-1E9/${'AE'.repeat(20)}`, 'e.png')).toThrow(
      /e\.png is a frame of a transfer of 1000000000 parts/u,
    );
  });

  it('takes a mixed frame at the most parts a transfer may have in well under a second', () => {
    const parts = MAX_TRANSFER_PARTS;
    const fragment = Buffer.alloc(MIN_SHOWN_FRAGMENT, 7);
    const reassembly = new Reassembly();
    let slowest = 0;
    for (const seqNum of [parts + 1, parts + 2, parts + 3, 2 * parts + 5]) {
      const started = performance.now();
      reassembly.receive(
        urPartText(new FountainEncoderPart(seqNum, parts, MAX_TRANSFER_BYTES + 5, 99, fragment)),
        `f${seqNum}.png`,
      );
      slowest = Math.max(slowest, performance.now() - started);
    }
    expect(slowest).toBeLessThan(500);
  });

  it('allows as many parts as qr show cuts a 1 MiB payload into at its shortest fragments', () => {
    expect(MAX_TRANSFER_PARTS).toBe(Math.ceil((MAX_TRANSFER_BYTES + 5) / MIN_SHOWN_FRAGMENT));
    // A larger version holds longer fragments: the shortest are in the smallest version that holds
    // UR frames of the largest payload at all (version 4; dense frames start at 3, with 27 bytes).
    const payload = new Uint8Array(MAX_TRANSFER_BYTES);
    expect(planFrames(payload, { version: 3, margin: 2 }, 'ur')).toBeUndefined();
    expect(planFrames(payload, { version: 4, margin: 2 }, 'ur')?.fragmentLength).toBe(MIN_SHOWN_FRAGMENT);
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

describe('choosing the transfer the pictures are for', () => {
  const backup = pseudoRandomBytes(1000, 3);
  const other = pseudoRandomBytes(700, 9);
  const address = `substrate:15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5:0x${'91'.repeat(32)}:savings`;
  const payloadOf = (chosen: { result: unknown }) => Buffer.from((chosen.result as { payload: Uint8Array }).payload);
  const read = (texts: readonly string[], wanted?: string) => {
    const reassembly = new Reassembly();
    texts.forEach((text, i) => reassembly.receive(text, `frame-${i}.png`));
    return reassembly.choose(wanted);
  };

  it('never ends an animated transfer at a single code among its frames, wherever it comes', () => {
    const mine = frames(backup, 14);
    const oneFrame = frames(pseudoRandomBytes(20, 1), 1)[0]!;
    for (const stray of [address, oneFrame]) {
      for (let seed = 1; seed <= 20; seed++) {
        const chosen = read(loseAndShuffle([...mine, stray], 0, seeded(seed)));
        expect(payloadOf(chosen).equals(Buffer.from(backup))).toBe(true);
        expect(chosen.chosen).toMatchObject({ animated: true, codes: 14 });
        expect(chosen.others).toEqual([
          expect.objectContaining({
            codes: 1,
            animated: false,
            what: stray === address ? 'an address' : '20 B of data',
          }),
        ]);
      }
      // Too few frames: the transfer is incomplete, and the stray is not taken for it.
      expect(() => read([stray, ...mine.slice(0, 5)])).toThrow(/the transfer is incomplete/u);
    }
  });

  it('refuses two complete transfers in any order, listing them by an id that chooses one', () => {
    const mine = frames(backup, 14);
    const theirs = frames(other, 10);
    for (let seed = 1; seed <= 5; seed++) {
      const texts = loseAndShuffle([...mine, ...theirs, address], 0, seeded(seed));
      let refusal: unknown;
      try {
        read(texts);
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(SeveralTransfers);
      const listedIds = (refusal as SeveralTransfers).transfers.map((t) => t.id);
      expect(listedIds).toHaveLength(2);
      expect((refusal as Error).message).toMatch(
        /^the pictures hold 2 complete transfers: 32dbbf2e \(1000 B of data, 14 frames\); 6ee1263d \(700 B of data, 10 frames\)$/u,
      );
      for (const [id, payload] of listedIds.map((id) => [id, read(texts, id)] as const)) {
        expect(payloadOf(payload).equals(Buffer.from(payload.chosen.codes === 14 ? backup : other))).toBe(true);
        expect(payload.chosen.id).toBe(id);
        expect(payload.others).toHaveLength(2);
      }
      // The address too can be chosen; an id the pictures do not hold is refused, listing what they do.
      const addressId = read(texts, listedIds[0]).others.find((o) => o.what === 'an address')!.id;
      expect(read(texts, addressId.toUpperCase()).result).toEqual({ kind: 'text', text: address });
      expect(() => read(texts, 'f00f00f0')).toThrow(
        /^the pictures hold no transfer "?f00f00f0"?; they hold [0-9a-f]{8} \(/u,
      );
    }
  });

  it('takes the frames of one payload cut at two sizes as one transfer', () => {
    const small = frames(backup, 11, 100);
    const large = frames(backup, 5, 250);
    const chosen = read([...small, ...large]);
    expect(payloadOf(chosen).equals(Buffer.from(backup))).toBe(true);
    expect(chosen.others).toEqual([]);
  });

  it('takes one single code when there is no animated one, and refuses two', () => {
    expect(read([address, address]).result).toEqual({ kind: 'text', text: address });
    expect(() => read([address, 'hello'])).toThrow(
      /^the pictures hold 2 different QR codes: [0-9a-f]{8} \((an address|text)\); [0-9a-f]{8} \((an address|text)\)$/u,
    );
  });

  it('has a camera stop at a complete animated transfer, or a single code seen steadily before any frame', () => {
    const mine = frames(backup, 14);
    const reassembly = new Reassembly();
    reassembly.receive(address, 'glimpse');
    expect(reassembly.finished()).toBe(false);
    // 11 fragments: 8 frames are not enough.
    for (const frame of mine.slice(0, 8)) reassembly.receive(frame, 'f');
    // Seen again once frames are read: a stray now, however often.
    for (let i = 0; i < STEADY_SIGHTINGS; i++) reassembly.receive(address, 'stray');
    expect(reassembly.finished()).toBe(false);
    for (const frame of mine.slice(8)) if (!reassembly.finished()) reassembly.receive(frame, 'f');
    expect(reassembly.finished()).toBe(true);
    expect(payloadOf(reassembly.chooseSeen()).equals(Buffer.from(backup))).toBe(true);

    const steady = new Reassembly();
    for (let i = 0; i < STEADY_SIGHTINGS; i++) {
      expect(steady.finished()).toBe(false);
      steady.receive(address, 'held up');
    }
    expect(steady.finished()).toBe(true);
    expect(steady.chooseSeen().result).toEqual({ kind: 'text', text: address });
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
    expect(addressQrText({ address, genesisHash: genesis, name: 'a:b\nc' })).toBe(
      `substrate:${address}:${genesis}:a b c`,
    );
    expect(() => addressQrText({ address, genesisHash: '0x12', name: 'x' })).toThrow(RangeError);
    expect(parseAddressQr(`ethereum:${address}:${genesis}`)).toBeUndefined();
    expect(parseAddressQr(`substrate:${address}`)).toBeUndefined();
  });
});
