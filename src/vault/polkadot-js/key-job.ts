import { DamagedFileError, UserError } from '../../errors.js';
import type { KeyType } from '../key-types.js';
import { keyFromPkcs8, pkcs8FromPhrase } from './pairs.js';

/**
 * The key work of one account, shared by the main thread and the key workers: derive a key
 * from its phrase and path, or prove that held PKCS#8 bytes sign for their public key.
 */

export type KeyJob =
  { phrase: string; path: string; type: KeyType; passphrase?: string } | { pkcs8: Uint8Array; type: KeyType };

/** A key as `pair.encodePkcs8()` writes it, with its public key. */
export interface KeyBytes {
  pkcs8: Uint8Array;
  publicKey: Uint8Array;
}

export async function keyBytes(job: KeyJob): Promise<KeyBytes> {
  if ('phrase' in job) return pkcs8FromPhrase(job);
  const key = await keyFromPkcs8(job.pkcs8, job.type);
  if (!key) throw new UserError(`a stored ${job.type} key is damaged: it does not sign for its public key`);
  return key;
}

/** What the pool and its workers say to each other. */
export interface JobMessage {
  id: number;
  job: KeyJob;
}
export type ResultMessage = ({ id: number } & KeyBytes) | { id: number; error: WireError };

/** An error as it crosses from a worker: structured cloning would keep neither its class nor its hint. */
export interface WireError {
  name: string;
  message: string;
  hint?: string | undefined;
}

export function toWire(error: unknown): WireError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  if (!(error instanceof UserError)) return { name: error.name, message: error.message };
  // Any other kind of UserError still reaches the user as one, not as a bug.
  return { name: error.name in CLASSES ? error.name : 'UserError', message: error.message, hint: error.hint };
}

const CLASSES: Record<string, new (message: string, hint?: string) => Error> = {
  UserError,
  DamagedFileError,
  TypeError,
  RangeError,
};

export function fromWire(wire: WireError): Error {
  const Class = CLASSES[wire.name] ?? Error;
  return Class === UserError || Class === DamagedFileError
    ? new Class(wire.message, wire.hint)
    : new Class(wire.message);
}
