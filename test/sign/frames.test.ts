import { hexToU8a, u8aConcat } from '@polkadot/util';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { RequestFrames } from '../../src/sign/frames.js';
import { parseSignRequest } from '../../src/sign/request.js';
import vectors from '../fixtures/sign/uos-vectors.json' with { type: 'json' };
import { ALICE } from '../helpers/dev-keys.js';
import { loseAndShuffle, seeded } from '../helpers/qr-frames.js';
import {
  CMD_TRANSACTION,
  polkadotJsFrames,
  polkadotJsRequest,
  remarkCall,
  transactionPayload,
  vaultRaptorqFrames,
  WESTEND_GENESIS,
} from '../helpers/sign-requests.js';

const requestOf = (remark: number, seed = 1) =>
  polkadotJsRequest(ALICE.publicKey, CMD_TRANSACTION, transactionPayload(remarkCall(remark, seed)), WESTEND_GENESIS);

const ADDRESS_CODE = new TextEncoder().encode(`substrate:${ALICE.substrate}:${WESTEND_GENESIS}`);

function receiveAll(codes: readonly Uint8Array[], frames = new RequestFrames()): RequestFrames {
  codes.forEach((code, i) => frames.receive(code, `picture ${i + 1}`));
  return frames;
}

function refusal(run: () => unknown): UserError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error('expected a refusal');
}

describe('legacy multipart frames (polkadot.js createFrames)', () => {
  const request = requestOf(3500);
  const frames = polkadotJsFrames(request);

  it('puts the frames back in any order, with duplicates and a stray skipped and counted', () => {
    expect(frames).toHaveLength(4);
    const codes = [frames[2]!, ADDRESS_CODE, frames[0]!, frames[2]!, frames[3]!, frames[1]!];
    const reading = new RequestFrames();
    const verdicts = codes.map((code, i) => reading.receive(code, `picture ${i + 1}`));
    expect(verdicts).toEqual(['new', 'skipped', 'new', 'duplicate', 'new', 'new']);
    expect(reading.complete).toBe(true);
    expect(reading.request()).toEqual(request);
    expect(reading.tally()).toEqual({ frames: 4, duplicates: 1, skipped: 1 });
    expect(reading.progress()).toEqual({ seen: 4, needed: 4, fraction: 1 });
  });

  it('reports progress, and names the frames missing when it stops short', () => {
    const reading = receiveAll([frames[3]!, frames[1]!]);
    expect(reading.complete).toBe(false);
    expect(reading.progress()).toEqual({ seen: 2, needed: 4, fraction: 0.5 });
    const error = refusal(() => reading.request());
    expect(error.message).toBe(
      'the signing request is incomplete: 2 of 4 frames read, frames 1 and 3 of 4 are missing',
    );
  });

  it('names the first missing frames of a long request, and how many more', () => {
    const long = polkadotJsFrames(requestOf(10_000, 9));
    expect(long).toHaveLength(10);
    const reading = receiveAll([long[0]!, long[3]!]);
    expect(refusal(() => reading.request()).message).toBe(
      'the signing request is incomplete: 2 of 10 frames read, frames 2, 3, 5, 6, 7, 8 and 2 more of 10 are missing',
    );
    expect(refusal(() => receiveAll(long.slice(0, 9)).request()).message).toMatch(/, frame 10 of 10 is missing$/u);
  });

  it("reads Vault's published one-frame vector", () => {
    const reading = receiveAll([hexToU8a(`0x${vectors.vaultLegacyFrame.frame}`)]);
    const request = parseSignRequest(reading.request());
    expect(request).toMatchObject({
      crypto: 'sr25519',
      action: 'transaction',
      genesisHash: vectors.vaultLegacyFrame.genesisHash,
    });
  });

  it('keeps a transfer of another count apart, and takes the complete one', () => {
    const other = polkadotJsFrames(requestOf(1500, 2)); // 2 frames
    const reading = receiveAll([other[0]!, ...frames]);
    expect(reading.request()).toEqual(request);
    expect(reading.tally()).toEqual({ frames: 4, duplicates: 0, skipped: 1 });
  });

  it('refuses two complete requests, a frame that contradicts another of its count, and an index past the count', () => {
    const one = polkadotJsFrames(requestOf(10, 3));
    const two = polkadotJsFrames(requestOf(10, 4));
    expect(refusal(() => receiveAll([...one, ...two]).request()).message).toBe(
      'the pictures hold 2 different signing requests',
    );
    const sameCount = polkadotJsFrames(requestOf(3500, 5));
    expect(refusal(() => receiveAll([frames[0]!, frames[1]!, sameCount[1]!])).message).toBe(
      'picture 3 is frame 2 of 4, but another picture holds a different frame 2: two requests are mixed',
    );
    const past = u8aConcat([0x00, 0x00, 0x04, 0x00, 0x04], frames[0]!.subarray(5));
    expect(refusal(() => receiveAll([past])).message).toBe(
      'picture 1 holds a damaged frame: frame 5 of 4, past the last',
    );
  });

  it('refuses frames adding up to more than a request can be', () => {
    const piece = (index: number) => u8aConcat([0x00, 0x04, 0x00, index >> 8, index & 0xff], new Uint8Array(2900));
    const codes = Array.from({ length: 400 }, (_, i) => piece(i));
    expect(refusal(() => receiveAll(codes)).message).toMatch(
      /^picture 362 is a frame of a 1\.0 MiB request, larger than airlock reads \(at most 1\.0 MiB\)$/u,
    );
  });
});

describe("RaptorQ frames (Vault's encoder)", () => {
  it('decodes with a third of the frames lost, in any order', () => {
    const request = requestOf(6000);
    expect(request.length).toBe(6149);
    const frames = vaultRaptorqFrames(request);
    expect(frames).toHaveLength(6 + 5); // 6 source packets of 1,072 bytes, and 5 repair packets
    const kept = loseAndShuffle(frames, 0.33, seeded(5));
    // Source packets are among those lost: the request comes back from repair packets.
    expect(frames.slice(0, 6).filter((frame) => !kept.includes(frame)).length).toBeGreaterThan(0);
    const reading = new RequestFrames();
    for (const [i, code] of kept.entries()) {
      reading.receive(code, `picture ${i + 1}`);
      if (reading.complete) break;
    }
    expect(reading.request()).toEqual(request);
    expect(reading.progress()).toMatchObject({ needed: 6, fraction: 1 });
  });

  it('decodes a request in one packet, and says how many more frames an incomplete one needs', () => {
    const small = requestOf(200);
    expect(receiveAll(vaultRaptorqFrames(small)).request()).toEqual(small);
    const frames = vaultRaptorqFrames(requestOf(6000));
    const reading = receiveAll(frames.slice(0, 2));
    expect(reading.progress()).toEqual({ seen: 2, needed: 6, fraction: 2 / 6 });
    expect(refusal(() => reading.request()).message).toBe(
      'the signing request is incomplete: 2 of 6 frames read, about 4 more frames needed',
    );
  });

  it('refuses a length past the limit, symbols no sender makes, another source block, and mixed packets', () => {
    const frames = vaultRaptorqFrames(requestOf(3000));
    const withLength = (frame: Uint8Array, length: number) => {
      const copy = frame.slice();
      Buffer.from(copy.buffer).writeUInt32BE((0x80000000 | length) >>> 0, 0);
      return copy;
    };
    expect(refusal(() => receiveAll([withLength(frames[0]!, 0x7fffffff)])).message).toBe(
      'picture 1 is a frame of a 2.0 GiB request, larger than airlock reads (at most 1.0 MiB)',
    );
    expect(refusal(() => receiveAll([frames[0]!.subarray(0, 4 + 4 + 60)])).message).toBe(
      'picture 1 holds a RaptorQ frame airlock cannot read: its packets carry 60 bytes, which is no RaptorQ symbol size a sender uses',
    );
    expect(refusal(() => receiveAll([withLength(frames[0]!.subarray(0, 4 + 4 + 64), 1024 * 1024)])).message).toMatch(
      /it would take 16384 frames at the least \(airlock reads at most 2048\)$/u,
    );
    const otherBlock = frames[0]!.slice();
    otherBlock[4] = 1;
    expect(refusal(() => receiveAll([otherBlock])).message).toMatch(/RaptorQ frame of source block 1/u);
    const forged = frames[1]!.slice();
    forged[100] = forged[100]! ^ 0xff;
    expect(refusal(() => receiveAll([frames[1]!, forged])).message).toMatch(
      /is RaptorQ frame 2, but another picture holds a different frame 2: two requests are mixed$/u,
    );
  });

  it('keeps requests of other lengths apart, and legacy frames beside them', () => {
    const request = requestOf(3000);
    const other = vaultRaptorqFrames(requestOf(5000, 2));
    const legacy = polkadotJsFrames(requestOf(3000, 3));
    const reading = receiveAll([other[0]!, legacy[0]!, ...vaultRaptorqFrames(request), ADDRESS_CODE]);
    expect(reading.request()).toEqual(request);
    expect(reading.tally()).toMatchObject({ duplicates: 0, skipped: 3 });
  });
});

describe('a request in one code, and codes that hold none', () => {
  it('takes the request itself, and says what the codes hold when none is a request', () => {
    const request = requestOf(100);
    expect(receiveAll([ADDRESS_CODE, request, request]).request()).toEqual(request);
    const strays = receiveAll([ADDRESS_CODE, new TextEncoder().encode('hello')]);
    const error = refusal(() => strays.request());
    expect(error.message).toBe('no signing request in the QR codes: they hold an address QR code (and 1 other code)');
    expect(refusal(() => new RequestFrames().request()).message).toBe('no QR code found');
  });
});
