/**
 * Puts a signing request back together from the raw bytes of its QR codes, read in any order:
 * legacy multipart frames, RaptorQ frames, or the request in one code (see frame-kinds.ts).
 * Frames of different requests are kept apart by what their headers say (a count, a length);
 * codes that are no frame of a request are skipped and counted.
 */
import { createHash } from 'node:crypto';
import { UserError } from '../errors.js';
import { countOf } from '../count.js';
import { requestCode, type RequestCode } from './frame-kinds.js';
import { LegacyTransfer, RaptorqTransferFrames, WholeRequest, type Transfer } from './frame-transfers.js';
import { whatCodeIs } from './foreign-code.js';

/** What became of one code: a frame of the request being read, a duplicate, or skipped. */
export type CodeVerdict = 'new' | 'duplicate' | 'skipped';

export interface FramesProgress {
  /** Distinct frames of the leading request. */
  seen: number;
  /** Frames it needs at the least. */
  needed: number;
  /** 0..1; 1 only once it is complete. */
  fraction: number;
}

export interface FramesTally {
  /** Frames of the request chosen (or, while reading, the leading one). */
  frames: number;
  duplicates: number;
  /** Codes of other requests, and codes that are no frame of a request. */
  skipped: number;
}

/**
 * Requests told apart at once, past which the codes are refused: a camera filming anything for a
 * long time must not make airlock hold an unbounded number of half transfers.
 */
const MAX_TRANSFERS = 64;

export class RequestFrames {
  /** Each request's frames, and how many codes were of it (a duplicate is not counted). */
  private readonly transfers = new Map<string, { transfer: Transfer; codes: number }>();
  private readonly seenCodes = new Set<string>();
  private duplicates = 0;
  private strays = 0;
  private firstStray: Uint8Array | undefined;
  /** Complete requests, in the order they completed. */
  private readonly completed: Transfer[] = [];

  /** Takes one QR code's bytes, read from `source` (named in refusals). */
  receive(bytes: Uint8Array, source: string): CodeVerdict {
    const digest = createHash('sha256').update(bytes).digest('base64');
    if (this.seenCodes.has(digest)) {
      this.duplicates += 1;
      return 'duplicate';
    }
    this.seenCodes.add(digest);
    const code = requestCode(bytes, source);
    if (code.kind === 'other') {
      this.strays += 1;
      this.firstStray ??= bytes.slice(0, 4096);
      return 'skipped';
    }
    const entry = this.entryOf(code, digest, source);
    const { transfer } = entry;
    transfer.add(code, source);
    entry.codes += 1;
    if (transfer.result && !this.completed.includes(transfer)) this.completed.push(transfer);
    return transfer === this.leading()?.transfer ? 'new' : 'skipped';
  }

  /** Whether some request is complete: where a camera stops. */
  get complete(): boolean {
    return this.completed.length > 0;
  }

  /** How far the leading request is: the first complete one, else the one most of which is read. */
  progress(): FramesProgress {
    const leading = this.leading()?.transfer;
    if (!leading) return { seen: 0, needed: 0, fraction: 0 };
    const fraction = leading.result ? 1 : Math.min(leading.seen / leading.needed, 0.99);
    return { seen: leading.seen, needed: leading.needed, fraction };
  }

  tally(): FramesTally {
    const leading = this.leading();
    let others = 0;
    for (const entry of this.transfers.values()) if (entry !== leading) others += entry.codes;
    return { frames: leading?.codes ?? 0, duplicates: this.duplicates, skipped: others + this.strays };
  }

  /** The request a camera stopped at: the first to complete. */
  firstComplete(): Uint8Array | undefined {
    return this.completed[0]?.result;
  }

  /**
   * The one request the codes hold, decided from all of them: exactly one complete request, or a
   * refusal saying what is wrong (two requests, one incomplete, no request at all).
   */
  request(): Uint8Array {
    if (this.completed.length > 1) {
      throw new UserError(
        `the pictures hold ${this.completed.length} different signing requests`,
        'read the pictures of one request at a time',
      );
    }
    const [complete] = this.completed;
    if (complete) return complete.result!;
    const leading = this.leading()?.transfer;
    if (leading) {
      throw new UserError(
        `the signing request is incomplete: ${leading.seen} of ${countOf(leading.needed, 'frame')} read, ${leading.missing()}`,
        'capture the missing frames and read them together with these',
      );
    }
    if (this.firstStray) {
      const others = this.strays > 1 ? ` (and ${countOf(this.strays - 1, 'other code')})` : '';
      throw new UserError(
        `no signing request in the QR codes: they hold ${whatCodeIs(this.firstStray)}${others}`,
        'show airlock the QR code the wallet shows for signing',
      );
    }
    throw new UserError('no QR code found', 'make sure the whole code is in the picture, sharp and evenly lit');
  }

  /** The first request to complete, else the one most of which is read (the first seen of equals). */
  private leading(): { transfer: Transfer; codes: number } | undefined {
    const entries = [...this.transfers.values()];
    const first = this.completed[0];
    if (first) return entries.find((entry) => entry.transfer === first);
    let best: { transfer: Transfer; codes: number } | undefined;
    let bestScore = -1;
    for (const entry of entries) {
      const score = entry.transfer.seen / entry.transfer.needed;
      if (score > bestScore) [best, bestScore] = [entry, score];
    }
    return best;
  }

  private entryOf(code: Exclude<RequestCode, { kind: 'other' }>, digest: string, source: string) {
    const key = transferKey(code, digest);
    const known = this.transfers.get(key);
    if (known) return known;
    if (this.transfers.size >= MAX_TRANSFERS) {
      throw new UserError(
        `${source} is a frame of yet another request: the codes belong to more than ${MAX_TRANSFERS} requests`,
        'read the pictures of one request at a time',
      );
    }
    const transfer =
      code.kind === 'whole'
        ? new WholeRequest(code.bytes)
        : code.kind === 'legacy'
          ? new LegacyTransfer(code.count)
          : new RaptorqTransferFrames({ length: code.length, symbolSize: code.symbolSize });
    const entry = { transfer, codes: 0 };
    this.transfers.set(key, entry);
    return entry;
  }
}

/**
 * Which request a frame is of, by what its header says. A request in one code, or in one legacy
 * frame, is its own; frames of one count, or of one length and symbol size, are one request's.
 */
function transferKey(code: Exclude<RequestCode, { kind: 'other' }>, digest: string): string {
  if (code.kind === 'whole') return `whole:${digest}`;
  if (code.kind === 'legacy') return code.count === 1 ? `legacy:1:${digest}` : `legacy:${code.count}`;
  return `raptorq:${code.length}:${code.symbolSize}`;
}
