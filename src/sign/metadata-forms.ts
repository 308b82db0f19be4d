/**
 * What an online node returns for a chain's metadata, in the forms a person carries across the
 * gap, brought to one: the bytes `state_getMetadata` gives (`meta` ‖ version ‖ RuntimeMetadata).
 */
import { compactFromU8a } from '@polkadot/util';
import { DamagedFileError } from '../errors.js';
import { formatBytes } from '../media/format-bytes.js';
import { printable, QUOTED } from '../printable.js';

/**
 * Real metadata is 0.3–0.7 MB (polkadot's V15 is 470 kB; the largest chains' stay under 2 MB);
 * 8 MiB leaves four times the largest. Parsing is linear but not cheap: 12 MB of types took 16 s
 * on a busy two-core machine, so a larger bound would let a hostile file hold the terminal for
 * long, at every signature decoded with it.
 */
export const MAX_METADATA_BYTES = 8 * 1024 * 1024;
/** The same as hex text (two digits a byte), with room for a JSON-RPC envelope around it. */
export const MAX_METADATA_INPUT_BYTES = 2 * MAX_METADATA_BYTES + 64 * 1024;

/** `meta`, the magic number every RuntimeMetadataPrefixed starts with. */
const MAGIC = [0x6d, 0x65, 0x74, 0x61];

const HOW_TO_GET =
  "save what a node of the chain answers to state_getMetadata (or to the runtime call Metadata_metadata_at_version with 15), as hex, the node's JSON answer, or bytes";

export function hasMagic(bytes: Uint8Array, at = 0): boolean {
  return MAGIC.every((byte, index) => bytes[at + index] === byte);
}

/** The metadata bytes in `input`, a copy starting with `meta`; `source` names the input in refusals. */
export function metadataBytesOf(input: Uint8Array, source: string): Uint8Array {
  if (input.length > MAX_METADATA_INPUT_BYTES) {
    throw new DamagedFileError(
      `${source} is ${formatBytes(input.length)}, more than any chain's metadata (at most ${formatBytes(MAX_METADATA_BYTES)})`,
      HOW_TO_GET,
    );
  }
  const binary = looksBinary(input) ? input : fromText(input, source);
  const bytes = unwrap(binary, source);
  if (bytes.length > MAX_METADATA_BYTES) {
    throw new DamagedFileError(
      `${source} holds ${formatBytes(bytes.length)} of metadata, more than any chain's (at most ${formatBytes(MAX_METADATA_BYTES)})`,
      HOW_TO_GET,
    );
  }
  // A copy of its own: @polkadot-api reads from the start of a view's underlying buffer.
  return bytes.slice();
}

/** Metadata bytes, bare or wrapped, rather than text: text never starts with `meta` after a length. */
function looksBinary(input: Uint8Array): boolean {
  return hasMagic(input) || input[0] === 0x00 || input[0] === 0x01 || opaque(input) !== undefined;
}

/** Hex text, bare or as a node's JSON-RPC answer. */
function fromText(input: Uint8Array, source: string): Uint8Array {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(input).trim();
  } catch {
    throw notMetadata(source, 'neither metadata bytes nor text');
  }
  if (text.startsWith('{')) text = resultOf(text, source);
  const hex = text.startsWith('0x') || text.startsWith('0X') ? text.slice(2) : text;
  if (hex.length === 0) throw notMetadata(source, 'empty');
  if (!/^[0-9a-fA-F]*$/u.test(hex)) throw notMetadata(source, 'neither metadata bytes nor hex text');
  if (hex.length % 2 !== 0) throw notMetadata(source, 'hex text of an odd number of digits (cut short?)');
  return new Uint8Array(Buffer.from(hex, 'hex'));
}

/** The `result` of a JSON-RPC answer (`{"jsonrpc": "2.0", "result": "0x…", "id": 1}`). */
function resultOf(text: string, source: string): string {
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    throw notMetadata(source, 'JSON that does not parse (cut short?)');
  }
  if (typeof answer !== 'object' || answer === null) throw notMetadata(source, 'JSON without a result');
  const { result, error } = answer as { result?: unknown; error?: { message?: unknown } };
  if (error !== undefined) {
    const said = typeof error?.message === 'string' ? `: ${printable(error.message, QUOTED)}` : '';
    throw new DamagedFileError(`${source} is an error the node answered${said}`, HOW_TO_GET);
  }
  if (typeof result !== 'string') throw notMetadata(source, 'JSON whose result is not hex text');
  return result.trim();
}

/**
 * The RuntimeMetadataPrefixed inside: as it is (`state_getMetadata`), inside the
 * `Option<OpaqueMetadata>` of `Metadata_metadata_at_version`, or inside the bare `OpaqueMetadata`
 * of `Metadata_metadata`. The length a wrapper gives must be exactly what follows it.
 */
function unwrap(bytes: Uint8Array, source: string): Uint8Array {
  if (hasMagic(bytes)) return bytes;
  if (bytes.length === 1 && bytes[0] === 0x00) {
    throw new DamagedFileError(
      `${source} is the answer "None": the node has no metadata of the version asked for`,
      'ask it for version 15 or 14 with Metadata_metadata_at_version, or use state_getMetadata',
    );
  }
  const inner = (bytes[0] === 0x01 ? opaque(bytes.subarray(1)) : undefined) ?? opaque(bytes);
  if (inner) return inner;
  throw notMetadata(source, bytes.length < 5 ? 'too short' : 'without the "meta" mark metadata starts with');
}

function opaque(bytes: Uint8Array): Uint8Array | undefined {
  if (bytes.length === 0) return undefined;
  const [offset, length] = compactFromU8a(bytes);
  // Compared as text: a hostile length can be beyond what a JavaScript number holds exactly.
  const fits = length.toString() === String(bytes.length - offset);
  return fits && hasMagic(bytes, offset) ? bytes.subarray(offset) : undefined;
}

export function notMetadata(source: string, what: string): DamagedFileError {
  return new DamagedFileError(`${source} is not chain metadata: ${what}`, HOW_TO_GET);
}
