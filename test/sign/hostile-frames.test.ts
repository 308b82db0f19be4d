/** Codes from outside are hostile: whatever their bytes, a refusal in words, never a crash or a panic. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UserError } from '../../src/errors.js';
import { RequestFrames } from '../../src/sign/frames.js';
import { parseSignRequest } from '../../src/sign/request.js';
import { ALICE } from '../helpers/dev-keys.js';
import { seeded } from '../helpers/qr-frames.js';
import {
  CMD_TRANSACTION,
  polkadotJsFrames,
  polkadotJsRequest,
  remarkCall,
  transactionPayload,
  vaultRaptorqFrames,
  WESTEND_GENESIS,
} from '../helpers/sign-requests.js';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs `step`; anything it throws must be a UserError. */
function onlyRefusals(step: () => unknown): void {
  try {
    step();
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
  }
}

const request = polkadotJsRequest(
  ALICE.publicKey,
  CMD_TRANSACTION,
  transactionPayload(remarkCall(3000)),
  WESTEND_GENESIS,
);

describe('hostile codes', () => {
  it('takes random bytes led by every first byte that means something, refusing in words', () => {
    const panics = vi.spyOn(console, 'error');
    const random = seeded(77);
    const leads = [0x00, 0x53, 0x80, 0x81, 0xff, 0x41];
    for (let round = 0; round < 300; round++) {
      const frames = new RequestFrames();
      for (let code = 0; code < 6; code++) {
        const length = Math.floor(random() * 1200);
        const bytes = Uint8Array.from({ length }, () => Math.floor(random() * 256));
        if (length > 0) bytes[0] = leads[Math.floor(random() * leads.length)]!;
        if (length > 1 && bytes[0] === 0x80) bytes[1] = Math.floor(random() * 0x12); // a length airlock may take
        onlyRefusals(() => frames.receive(bytes, 'a picture'));
        onlyRefusals(() => parseSignRequest(bytes));
      }
      onlyRefusals(() => frames.request());
    }
    expect(panics).not.toHaveBeenCalled();
  });

  it("takes the senders' frames with bytes changed anywhere, refusing in words, never panicking the decoder", () => {
    const panics = vi.spyOn(console, 'error');
    const random = seeded(78);
    const genuine = [...vaultRaptorqFrames(request), ...polkadotJsFrames(request)];
    for (let round = 0; round < 200; round++) {
      const frames = new RequestFrames();
      for (const frame of genuine) {
        const changed = frame.slice();
        // Mostly headers: where a change reaches the decoder's parameters.
        const at = random() < 0.7 ? Math.floor(random() * 9) : Math.floor(random() * changed.length);
        changed[at] = Math.floor(random() * 256);
        const cut = random() < 0.2 ? changed.subarray(0, Math.floor(random() * changed.length)) : changed;
        onlyRefusals(() => frames.receive(cut, 'a picture'));
      }
      onlyRefusals(() => parseSignRequest(frames.firstComplete() ?? new Uint8Array()));
    }
    expect(panics).not.toHaveBeenCalled();
  });
});
