import { UserError } from '../errors.js';
import { printable, QUOTED } from '../printable.js';
import type { FountainSolver } from './fountain.js';
import { describeBytes, describeText, payloadName } from './payload.js';
import { countOf } from '../count.js';

export type Reassembled = { kind: 'bytes'; payload: Uint8Array } | { kind: 'text'; text: string };

/** One transfer the pictures hold codes of, as the person sees it listed. */
export interface TransferSeen {
  /** The CRC-32 of what it carries, 8 hex digits: the same for every framing of one payload. */
  id: string;
  /** What it holds, in a few words: "an address", "an airlock backup", "incomplete, 40%". */
  what: string;
  /** Distinct codes read of it. */
  codes: number;
  /** Animated (a fountain-coded UR of several frames), not a single code. */
  animated: boolean;
  complete: boolean;
}

/** `1a2b3c4d (an airlock backup, 12 frames)`: how a transfer is listed, by the id `--transfer` takes. */
export const listed = (t: TransferSeen): string =>
  `${t.id} (${t.what}${t.animated ? `, ${countOf(t.codes, 'frame')}` : ''})`;

/** Pictures that hold more than one complete transfer, and nothing to choose between them. */
export class SeveralTransfers extends UserError {
  constructor(readonly transfers: readonly TransferSeen[]) {
    const what = transfers.some((t) => t.animated) ? 'complete transfers' : 'different QR codes';
    super(
      `the pictures hold ${transfers.length} ${what}: ${transfers.map(listed).join('; ')}`,
      "read each transfer's pictures on their own",
    );
  }
}

/** The codes of one transfer, by its checksum; a `type` of '' is a QR code that is no UR. */
export interface Group {
  id: string;
  type: string;
  /** The first picture it was read from, named in errors. */
  source: string;
  animated: boolean;
  /** Parts of one payload cut at different sizes are solved apart. */
  solvers: Map<string, FountainSolver>;
  codes: number;
  /** Pictures it was read from, duplicates too. */
  sightings: number;
  result?: Reassembled;
}

export const newGroup = (checksum: number, type: string, source: string): Group => ({
  id: (checksum >>> 0).toString(16).padStart(8, '0'),
  type,
  source,
  animated: false,
  solvers: new Map(),
  codes: 0,
  sightings: 0,
});

/** Plain QR text and ur:bytes are what airlock reads. */
export const readable = (g: Group): boolean => g.type === 'bytes' || g.type === '';

export const forgedChecksum = (source: string) =>
  new UserError(
    `${source} holds a code that another, unlike it, claims the checksum of`,
    'take that picture again, or leave it out',
  );

/** A group's result, once: a second, different one under the same checksum is damage or forgery. */
export function settle(group: Group, result: Reassembled, source: string): void {
  if (!group.result) {
    group.result = result;
    return;
  }
  const bytes = (r: Reassembled) => (r.kind === 'bytes' ? Buffer.from(r.payload) : Buffer.from(r.text, 'utf8'));
  if (group.result.kind !== result.kind || !bytes(group.result).equals(bytes(result))) throw forgedChecksum(source);
}

export function bestSolver(group: Group): FountainSolver | undefined {
  let best: FountainSolver | undefined;
  for (const solver of group.solvers.values()) if (!best || solver.rank > best.rank) best = solver;
  return best;
}

export function seenAs(group: Group): TransferSeen {
  return {
    id: group.id,
    what: whatGroupHolds(group),
    codes: group.codes,
    animated: group.animated,
    complete: group.result !== undefined,
  };
}

function whatGroupHolds(group: Group): string {
  if (!readable(group)) return `a ur:${printable(group.type, QUOTED)}`;
  const { result } = group;
  if (!result) {
    const solver = bestSolver(group);
    return `incomplete, ${solver ? Math.floor((solver.rank / solver.fragmentCount) * 100) : 0}%`;
  }
  if (result.kind === 'bytes') return payloadName(describeBytes(result.payload), result.payload.length);
  // Text can be a file too: a polkadot.js account fits one code.
  const described = describeText(result.text) ?? describeBytes(Buffer.from(result.text, 'utf8'));
  return payloadName(described.kind === 'data' ? undefined : described, result.text.length);
}
