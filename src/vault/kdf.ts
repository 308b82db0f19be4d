import { scrypt, createHash, timingSafeEqual } from 'node:crypto';
import { UserError } from '../errors.js';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** What airlock writes: polkadot.js's current default, about 0.6 s on a laptop core. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 1 << 17, r: 8, p: 1 };

/**
 * Files state their own scrypt cost; only these are accepted, so a hostile file cannot ask
 * for gigabytes of memory or hours of work, nor downgrade the cost below what polkadot.js allows.
 */
export const ALLOWED_SCRYPT: readonly ScryptParams[] = [
  { N: 1 << 13, r: 8, p: 10 },
  { N: 1 << 14, r: 8, p: 5 },
  { N: 1 << 15, r: 8, p: 3 },
  { N: 1 << 15, r: 8, p: 1 },
  { N: 1 << 16, r: 8, p: 2 },
  { N: 1 << 16, r: 8, p: 1 },
  { N: 1 << 17, r: 8, p: 1 },
  { N: 1 << 18, r: 8, p: 1 },
  { N: 1 << 19, r: 8, p: 1 },
  { N: 1 << 20, r: 8, p: 1 },
];

/** Bytes one scrypt run holds: its 128·N·r table (p runs one after another over the same table). */
export function scryptMemory({ N, r }: ScryptParams): number {
  return 128 * N * r;
}

/** A run's cost in time, which grows as N·r·p. */
export function scryptWork({ N, r, p }: ScryptParams): number {
  return N * r * p;
}

export function isAllowedScrypt(params: ScryptParams): boolean {
  return ALLOWED_SCRYPT.some((a) => a.N === params.N && a.r === params.r && a.p === params.p);
}

export function assertAllowedScrypt(params: ScryptParams, what: string): void {
  if (!isAllowedScrypt(params)) {
    throw new UserError(
      `${what} asks for scrypt parameters N=${params.N}, r=${params.r}, p=${params.p}, which airlock does not accept`,
      'the file was not written by airlock or polkadot.js, or it was altered',
    );
  }
}

/**
 * scrypt with a 64-byte output, as polkadot.js derives it. Node runs it on libuv's thread
 * pool, so the event loop (and any screen drawn on it) keeps running meanwhile.
 */
export function scrypt64(password: Uint8Array, salt: Uint8Array, params: ScryptParams): Promise<Uint8Array> {
  assertAllowedScrypt(params, 'this file');
  const maxmem = 128 * params.N * params.r * params.p + 32 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(password, salt, 64, { ...params, maxmem }, (error, key) => {
      if (error) reject(error);
      else resolve(new Uint8Array(key.buffer, key.byteOffset, key.byteLength));
    });
  });
}

/** The two halves of one scrypt output: an encryption key, and a check that tells a wrong password from a damaged file. */
export interface DerivedKey {
  key: Uint8Array;
  check: Uint8Array;
}

export async function deriveKey(password: Uint8Array, salt: Uint8Array, params: ScryptParams): Promise<DerivedKey> {
  const out = await scrypt64(password, salt, params);
  const key = out.slice(0, 32);
  const check = new Uint8Array(createHash('sha256').update(out.subarray(32)).digest());
  out.fill(0);
  return { key, check };
}

export function checksMatch(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
