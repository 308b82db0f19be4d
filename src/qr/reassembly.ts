import { UR } from '@ngraveio/bc-ur';
import { UserError } from '../errors.js';
import { printable, QUOTED } from '../printable.js';
import { formatBytes } from '../media/format-bytes.js';
import { getCRC } from './bc-ur.js';
import { FountainSolver } from './fountain.js';
import { MAX_TRANSFER_BYTES } from './frames.js';
import {
  bestSolver,
  forgedChecksum,
  listed,
  newGroup,
  readable,
  seenAs,
  settle,
  SeveralTransfers,
  type Group,
  type Reassembled,
  type TransferSeen,
} from './transfer-group.js';
import { isUr, parseUrFrame, TooManyParts, type UrFrame } from './ur-part.js';

export { listed, SeveralTransfers, type Reassembled, type TransferSeen } from './transfer-group.js';

const TOO_LARGE_HINT = 'move it on a removable medium instead';

/**
 * Sightings of a single code, with no animated code seen, after which a camera takes it: a
 * code held up to it is seen again and again, one glimpsed in passing is not.
 */
export const STEADY_SIGHTINGS = 3;

/** What became of one decoded QR text, by what the codes so far say. */
export type FrameVerdict = 'new' | 'duplicate' | 'other-transfer';

export interface Progress {
  /** How much of the leading transfer the frames so far determine, 0..1. */
  fraction: number;
  /** Frames it still needs at the least: each new frame tells one fragment at most. */
  missing: number;
}

/** What was read: the transfer chosen, and the others whose codes were among the pictures. */
export interface Chosen {
  result: Reassembled;
  chosen: TransferSeen;
  others: TransferSeen[];
}

/**
 * Puts QR codes back together in any order, keeping transfers apart by their checksum. Which
 * transfer the pictures are for is decided from all of them (`choose`), so the order they are
 * read in does not matter: an animated transfer when there is one, its single codes being
 * strays; two complete transfers are refused unless one is named.
 */
export class Reassembly {
  private readonly seen = new Map<string, Group>();
  private readonly groups = new Map<string, Group>();
  private duplicates = 0;

  /** Takes one QR code's text, read from `source` (named in errors). */
  receive(text: string, source: string): FrameVerdict {
    // A UR is the same in either case; any other text is what it says.
    const key = isUr(text) ? text.toLowerCase() : text;
    const known = this.seen.get(key);
    if (known) {
      known.sightings += 1;
      this.duplicates += 1;
      return 'duplicate';
    }
    const leading = this.leading();
    const group = isUr(text) ? this.receiveUr(text, source) : this.receiveText(text, source);
    this.seen.set(key, group);
    group.codes += 1;
    group.sightings += 1;
    return leading === undefined || leading === group ? 'new' : 'other-transfer';
  }

  /** Whether the leading transfer is complete. */
  get complete(): boolean {
    return this.leading()?.result !== undefined;
  }

  /** Whether a camera has seen enough: `wanted`, else an animated transfer complete, else a steady single code. */
  finished(wanted?: string): boolean {
    return this.streamChoice(wanted) !== undefined;
  }

  /** The leading transfer's progress: the one its frames so far determine most of. */
  progress(): Progress {
    const group = this.leading();
    if (group?.result) return { fraction: 1, missing: 0 };
    const solver = group && bestSolver(group);
    if (!solver) return { fraction: 0, missing: 0 };
    return { fraction: solver.rank / solver.fragmentCount, missing: solver.fragmentCount - solver.rank };
  }

  /** Frames of the leading transfer (a code that is no UR is no frame), codes of the others, and duplicates. */
  tally(): Record<FrameVerdict, number> {
    const leading = this.leading();
    let others = 0;
    for (const group of this.groups.values()) if (group !== leading) others += group.codes;
    return { new: leading?.type ? leading.codes : 0, duplicate: this.duplicates, 'other-transfer': others };
  }

  /** What the codes held, as `choose` decides it. */
  result(): Reassembled {
    return this.choose().result;
  }

  /** What a camera stopped at (see `finished`); else, the video over, as `choose` decides. */
  chooseSeen(wanted?: string): Chosen {
    const group = this.streamChoice(wanted);
    return group ? this.outcome(group) : this.choose(wanted);
  }

  /**
   * The transfer the pictures are for: `wanted` (an id as `TransferSeen` gives it), else the
   * one complete animated transfer, else the one single code when there is no animated one.
   * A clear error for anything less, or more.
   */
  choose(wanted?: string): Chosen {
    const groups = [...this.groups.values()];
    if (wanted !== undefined) {
      const group = this.groups.get(wanted.trim().toLowerCase());
      if (group) return this.outcome(group);
      const held = groups.length ? `; they hold ${groups.map(seenAs).sort(byId).map(listed).join('; ')}` : '';
      throw new UserError(`the pictures hold no transfer ${printable(wanted, QUOTED)}${held}`, 'give one of those');
    }
    const animated = groups.filter((g) => readable(g) && g.animated);
    const candidates = animated.length > 0 ? animated : groups.filter(readable);
    const complete = candidates.filter((g) => g.result);
    if (complete.length === 1) return this.outcome(complete[0]!);
    if (complete.length > 1) throw new SeveralTransfers(complete.map(seenAs).sort(byId));
    if (animated.length > 0) return this.outcome(this.leading()!);
    const foreign = groups.find((g) => !readable(g));
    if (foreign) return this.outcome(foreign);
    throw new UserError(
      'no QR code found in the pictures',
      'make sure the whole code is in the picture, sharp and evenly lit',
    );
  }

  /** The transfer the codes so far are most of: the provisional answer while reading. */
  private leading(): Group | undefined {
    const groups = [...this.groups.values()].filter(readable);
    const animated = groups.some((g) => g.animated);
    let best: Group | undefined;
    let bestScore = -1;
    for (const group of groups) {
      if (animated && !group.animated) continue;
      const score = !animated ? group.sightings : group.result ? Infinity : (bestSolver(group)?.rank ?? 0);
      if (score > bestScore) [best, bestScore] = [group, score];
    }
    return best;
  }

  private streamChoice(wanted?: string): Group | undefined {
    if (wanted !== undefined) {
      const group = this.groups.get(wanted.trim().toLowerCase());
      return group?.result ? group : undefined;
    }
    const groups = [...this.groups.values()].filter(readable);
    if (groups.some((g) => g.animated)) return groups.find((g) => g.animated && g.result);
    return groups.find((g) => g.result && g.sightings >= STEADY_SIGHTINGS);
  }

  private outcome(group: Group): Chosen {
    if (!readable(group)) {
      throw new UserError(
        `${group.source} holds a ur:${printable(group.type, QUOTED)}, which airlock does not read`,
        'airlock reads ur:bytes transfers',
      );
    }
    if (!group.result) {
      const solver = bestSolver(group)!;
      const missing = solver.fragmentCount - solver.rank;
      throw new UserError(
        `the transfer is incomplete: ${Math.floor((solver.rank / solver.fragmentCount) * 100)}% complete, about ${missing} more frame${missing === 1 ? '' : 's'} needed`,
        'capture more frames of the animated code and read them together with these',
      );
    }
    const others = [...this.groups.values()]
      .filter((g) => g !== group)
      .map(seenAs)
      .sort(byId);
    return { result: group.result, chosen: seenAs(group), others };
  }

  private receiveText(text: string, source: string): Group {
    const group = this.group(getCRC(Buffer.from(text, 'utf8')), '', source);
    settle(group, { kind: 'text', text }, source);
    return group;
  }

  private receiveUr(text: string, source: string): Group {
    const frame = parseFrame(text, source);
    if (frame.kind === 'single') {
      const group = this.group(frame.checksum, frame.type, source);
      if (frame.type === 'bytes') settle(group, { kind: 'bytes', payload: frame.payload }, source);
      return group;
    }
    const { part } = frame;
    // The message is the payload as a CBOR byte string: 5 bytes of head at that size.
    if (part.messageLength > MAX_TRANSFER_BYTES + 5) {
      throw new UserError(
        `${source} is a frame of a ${formatBytes(part.messageLength)} transfer, larger than airlock reads (at most ${formatBytes(MAX_TRANSFER_BYTES)})`,
        TOO_LARGE_HINT,
      );
    }
    const group = this.group(part.checksum, frame.type, source);
    group.animated = true;
    if (frame.type !== 'bytes') return group;
    let solver = group.solvers.get(frame.transfer);
    if (!solver)
      group.solvers.set(
        frame.transfer,
        (solver = new FountainSolver(part.seqLength, part.messageLength, part.checksum)),
      );
    let payload: Uint8Array | undefined;
    try {
      const wasWhole = solver.whole;
      solver.receive(part);
      const message = wasWhole ? undefined : solver.message();
      if (message) payload = new Uint8Array(new UR(Buffer.from(message)).decodeCBOR());
    } catch {
      throw new UserError(
        `the frames read so far do not add up to what they claim (${source} may be damaged)`,
        'take the pictures again',
      );
    }
    if (payload) settle(group, { kind: 'bytes', payload }, source);
    return group;
  }

  private group(checksum: number, type: string, source: string): Group {
    const fresh = newGroup(checksum, type, source);
    const group = this.groups.get(fresh.id);
    if (!group) {
      this.groups.set(fresh.id, fresh);
      return fresh;
    }
    if (group.type !== type) throw forgedChecksum(source);
    return group;
  }
}

/** Listed in one order, whatever order the pictures were read in. */
const byId = (a: TransferSeen, b: TransferSeen) => a.id.localeCompare(b.id);

function parseFrame(text: string, source: string): UrFrame {
  try {
    return parseUrFrame(text);
  } catch (error) {
    if (error instanceof TooManyParts) throw new UserError(`${source} is a frame of ${error.message}`, TOO_LARGE_HINT);
    throw new UserError(
      `${source} holds a damaged UR frame (${(error as Error).message || 'bad checksum'})`,
      'take that picture again, or leave it out',
    );
  }
}
