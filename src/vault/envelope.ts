import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { DamagedFileError, WrongPasswordError } from '../errors.js';
import { DEFAULT_SCRYPT, assertAllowedScrypt, checksMatch, deriveKey, type ScryptParams } from './kdf.js';
import { VAULT_FORMAT } from './model.js';
import { issueSentence } from './schema-issues.js';
import { secretboxOpen, secretboxSeal } from './secretbox.js';
import { isBase64 } from './text-checks.js';

/**
 * The password-protected JSON container shared by the vault and airlock backups:
 * scrypt (parameters in the file, allow-listed) and xsalsa20-poly1305 over a padded JSON
 * document. Nothing but the format name and the KDF parameters is readable without the password.
 */

const base64Bytes = (length?: number) =>
  z
    .string()
    .refine(isBase64, 'is not base64')
    .transform((s) => new Uint8Array(Buffer.from(s, 'base64')))
    .refine((b) => length === undefined || b.length === length, `must be ${length} bytes`);

const EnvelopeSchema = z.object({
  format: z.string(),
  version: z.number().int().positive(),
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z.number().int(),
    r: z.number().int(),
    p: z.number().int(),
    salt: base64Bytes(32),
    check: base64Bytes(32),
  }),
  cipher: z.object({ name: z.literal('xsalsa20-poly1305'), nonce: base64Bytes(24) }),
  ciphertext: base64Bytes(),
});

export type Envelope = z.infer<typeof EnvelopeSchema>;
/** An envelope as it is written in the file: its bytes in base64. */
export type EnvelopeJson = z.input<typeof EnvelopeSchema>;

/** An unlocked key: reused for every write of the same file, so a save costs no scrypt. */
export interface EnvelopeKey {
  readonly params: ScryptParams;
  readonly salt: Uint8Array;
  readonly key: Uint8Array;
  readonly check: Uint8Array;
}

export async function createKey(password: Uint8Array, params: ScryptParams = DEFAULT_SCRYPT): Promise<EnvelopeKey> {
  const salt = new Uint8Array(randomBytes(32));
  return { params, salt, ...(await deriveKey(password, salt, params)) };
}

/** Derives the key a file was sealed with; a wrong password is told apart from a damaged file. */
export async function unlockKey(envelope: Envelope, password: Uint8Array, what: string): Promise<EnvelopeKey> {
  const { N, r, p, salt, check } = envelope.kdf;
  const params = { N, r, p };
  assertAllowedScrypt(params, what);
  const derived = await deriveKey(password, salt, params);
  if (!checksMatch(derived.check, check)) {
    wipeKey(derived);
    throw new WrongPasswordError(`wrong password for ${what}`);
  }
  return { params, salt, ...derived };
}

export function wipeKey(key: { key: Uint8Array }): void {
  key.key.fill(0);
}

/** The vault is restored from a backup; a damaged backup can only be replaced by another copy of it. */
export function damagedHint(format: string): string {
  return format === VAULT_FORMAT
    ? 'restore it from a backup'
    : 'copy it again from the medium it came from, or use another copy of this backup';
}

export function parseEnvelope(text: string, format: string, what: string): Envelope {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DamagedFileError(`${what} is damaged: it is not complete JSON`, damagedHint(format));
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== format) {
    throw new DamagedFileError(`${what} is not an ${format} file`);
  }
  const parsed = EnvelopeSchema.safeParse(json);
  if (!parsed.success)
    throw new DamagedFileError(`${what} is damaged: ${issueSentence(parsed.error, json)}`, damagedHint(format));
  return parsed.data;
}

export function seal(format: string, version: number, content: unknown, key: EnvelopeKey): string {
  const plain = padded(Buffer.from(JSON.stringify({ format, version, content }), 'utf8'));
  const nonce = new Uint8Array(randomBytes(24));
  const encrypted = secretboxSeal(plain, key.key, nonce);
  plain.fill(0);
  const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
  const envelope = {
    format,
    version,
    kdf: { name: 'scrypt', ...key.params, salt: b64(key.salt), check: b64(key.check) },
    cipher: { name: 'xsalsa20-poly1305', nonce: b64(nonce) },
    ciphertext: b64(encrypted),
  };
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

export function open(envelope: Envelope, key: EnvelopeKey, what: string): unknown {
  const plain = secretboxOpen(envelope.ciphertext, envelope.cipher.nonce, key.key);
  if (!plain) {
    // The password check passed, so the key is right and the ciphertext is not.
    throw new DamagedFileError(`${what} is damaged: its contents fail authentication`, damagedHint(envelope.format));
  }
  // Authentic yet unreadable: sealed by something other than airlock with the right password.
  const unreadable = () =>
    new DamagedFileError(`${what} is damaged: what it holds is not an airlock document`, damagedHint(envelope.format));
  let inner: { format?: unknown; version?: unknown; content?: unknown } | null;
  try {
    inner = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain)) as typeof inner;
  } catch {
    throw unreadable();
  } finally {
    plain.fill(0);
  }
  if (typeof inner !== 'object' || inner === null) throw unreadable();
  // The header is outside the MAC; its copy inside must agree, so it cannot be swapped.
  if (inner.format !== envelope.format || inner.version !== envelope.version) {
    throw new DamagedFileError(
      `${what} is damaged: its header does not match its contents`,
      damagedHint(envelope.format),
    );
  }
  return inner.content;
}

/**
 * Padmé padding (Nikitin et al., 2019) with a 4 KiB floor: the ciphertext length reveals
 * only the order of magnitude of what is inside, not a count of accounts.
 */
export function paddedLength(length: number): number {
  const minimum = 4096;
  if (length <= minimum) return minimum;
  const e = Math.floor(Math.log2(length));
  const s = Math.floor(Math.log2(e)) + 1;
  const mask = 2 ** (e - s) - 1;
  return Math.floor((length + mask) / (mask + 1)) * (mask + 1);
}

function padded(json: Buffer): Uint8Array {
  // Trailing spaces are JSON whitespace, so the padded text still parses as the same document.
  const out = Buffer.alloc(paddedLength(json.length), 0x20);
  json.copy(out);
  json.fill(0);
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}
