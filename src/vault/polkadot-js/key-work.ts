import { UserError } from '../../errors.js';
import { isAllowedScrypt, scryptMemory, scryptWork, type ScryptParams } from '../kdf.js';
import { encodedBytes, kdfRunOf, schemeOf, type KdfRun } from './cipher.js';
import type { EncodingJson } from './schema.js';
import { MAX_ACCOUNTS, WRITE_SCRYPT } from './types.js';

/**
 * The key derivation a polkadot.js file asks for, bounded before any of it starts. Each account
 * of apps' array has a salt of its own, so a file of many accounts costs a scrypt run for each;
 * accounts sharing a salt and cost (the extension's batch) share one run.
 */

/** polkadot.js reads no cost above N=2^17, r=8, p=1 (util-crypto's ALLOWED_PARAMS): no file it wrote asks for more memory. */
export const MAX_KEY_MEMORY = scryptMemory({ N: 1 << 17, r: 8, p: 1 });
/** A file of MAX_ACCOUNTS accounts at the cost airlock and older polkadot.js write; 250 at polkadot.js's newer N=2^17. */
export const MAX_FILE_WORK = MAX_ACCOUNTS * scryptWork(WRITE_SCRYPT);
/** scrypt memory in use at once while the accounts of a file are opened side by side. */
export const LANES_MEMORY = 512 * 1024 * 1024;
/** One run at N=2^15, r=8, p=1 on one core of the machines airlock was measured on (0.19 s; 2^17: 0.79 s; 2^20: 7.1 s). */
const SECONDS_PER_WRITE_RUN = 0.2;

/** The run an account's `encoded` asks for, or undefined when it asks for none or will be refused unopened. */
export function kdfRunOfEntry(json: { encoded: string; encoding: EncodingJson }, what: string): KdfRun | undefined {
  try {
    if (!schemeOf(json.encoding, what).scrypt) return undefined;
    const run = kdfRunOf(encodedBytes(json.encoded, what));
    // Costs outside the allow-list are refused by the account itself, before any work.
    return run && isAllowedScrypt(run.params) ? run : undefined;
  } catch {
    // Opening the account meets the same fault and says what it is.
    return undefined;
  }
}

/** The runs of one read of a file, each counted once however many accounts share it. */
export class KeyWork {
  readonly #runs = new Map<string, ScryptParams>();

  constructor(private readonly what: string) {}

  /** Adds `runs` to the read's work; throws, before any of them starts, when the whole is more than airlock reads. */
  plan(runs: readonly (KdfRun | undefined)[]): void {
    for (const run of runs) if (run) this.#runs.set(run.id, run.params);
    const all = [...this.#runs.values()];
    if (all.some((params) => scryptMemory(params) > MAX_KEY_MEMORY)) {
      throw new UserError(
        `${this.summary(all)}; polkadot.js writes at most N=2^17 (${size(MAX_KEY_MEMORY)}) per key, and airlock reads no more`,
        'the file was not written by polkadot.js, or it was altered',
      );
    }
    if (all.reduce((sum, params) => sum + scryptWork(params), 0) > MAX_FILE_WORK) {
      const atNewest = MAX_FILE_WORK / scryptWork({ N: 1 << 17, r: 8, p: 1 });
      throw new UserError(
        `${this.summary(all)}; airlock reads at most the work of ${count(MAX_ACCOUNTS)} at N=2^15 (${count(atNewest)} at N=2^17) from one file`,
        'split the accounts over several files, or export them from the polkadot.js extension with "export all accounts", which seals them under one key',
      );
    }
  }

  /** The largest scrypt memory one of the runs takes. */
  largestMemory(): number {
    return Math.max(0, ...[...this.#runs.values()].map(scryptMemory));
  }

  private summary(all: ScryptParams[]): string {
    const ns = [...new Set(all.map((params) => params.N))].sort((a, b) => a - b);
    const at = ns.length === 1 ? `N=${power(ns[0]!)}` : `N=${power(ns[0]!)} to ${power(ns.at(-1)!)}`;
    const seconds = all.reduce(
      (sum, params) => sum + (scryptWork(params) / scryptWork(WRITE_SCRYPT)) * SECONDS_PER_WRITE_RUN,
      0,
    );
    const memory = `${ns.length === 1 ? '' : 'up to '}${size(Math.max(...all.map(scryptMemory)))} of memory${all.length === 1 ? '' : ' each'}`;
    const runs = `${count(all.length)} key derivation${all.length === 1 ? '' : 's'}`;
    return `${this.what} asks for ${runs} at ${at} (${memory}, about ${duration(seconds)} of work on one core)`;
  }
}

const count = (n: number) => n.toLocaleString('en-US');

function power(n: number): string {
  const exponent = Math.log2(n);
  return Number.isInteger(exponent) ? `2^${exponent}` : count(n);
}

function size(bytes: number): string {
  return bytes >= 1 << 30 ? `${+(bytes / 2 ** 30).toFixed(1)} GiB` : `${Math.round(bytes / 2 ** 20)} MiB`;
}

function duration(seconds: number): string {
  const whole = Math.max(1, Math.round(seconds));
  if (seconds < 90) return `${whole} second${whole === 1 ? '' : 's'}`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} minutes`;
  return `${+(seconds / 3600).toFixed(1)} hours`;
}
