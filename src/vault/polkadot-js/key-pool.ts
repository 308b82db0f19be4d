import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { workerUrl } from '../../shipped-files.js';
import { checkKeyType } from '../keys.js';
import { fromWire, type JobMessage, type KeyBytes, type KeyJob, type ResultMessage } from './key-job.js';
import type { KeyInput, StoredKeyInput } from './types.js';

export type { KeyBytes } from './key-job.js';

/**
 * Deriving a key with polkadot.js's keyring takes some milliseconds of the calling thread:
 * a thousand of them would freeze the screen for seconds. The pool does that work in worker
 * threads and hands the keys back in the order asked for.
 */

export interface KeyPoolOptions {
  /** Worker threads to start: `os.availableParallelism()` unless given, never more than there are keys. */
  workers?: number;
  /** Aborting stops the workers at once; the call rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called each time one more key is ready. */
  onProgress?: (done: number, total: number) => void;
}

/** The keys of `inputs`, in their order. The caller owns the bytes and should wipe `pkcs8` when done. */
export async function keysInWorkers(
  inputs: readonly (KeyInput | StoredKeyInput)[],
  options: KeyPoolOptions = {},
): Promise<KeyBytes[]> {
  options.signal?.throwIfAborted();
  // Every input is checked before a thread starts, so a bad one costs no work.
  const jobs = inputs.map(jobOf);
  if (jobs.length === 0) return [];
  const size = poolSize(options.workers, jobs.length);
  const script = workerUrl('polkadotKey');
  const workers: Worker[] = [];
  try {
    while (workers.length < size) workers.push(new Worker(script));
    return await run(workers, jobs, options);
  } finally {
    // Idle workers would keep the process alive, and a cancelled one must stop at once.
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

function run(workers: Worker[], jobs: KeyJob[], { signal, onProgress }: KeyPoolOptions): Promise<KeyBytes[]> {
  return new Promise((resolve, reject) => {
    const results = new Array<KeyBytes | undefined>(jobs.length);
    let sent = 0;
    let done = 0;
    let settled = false;
    const settle = (error?: { reason: unknown }) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      if (!error) return resolve(results as KeyBytes[]);
      for (const key of results) key?.pkcs8.fill(0);
      reject(error.reason);
    };
    const onAbort = () => settle({ reason: signal!.reason });
    signal?.addEventListener('abort', onAbort, { once: true });

    const send = (worker: Worker) => {
      if (sent === jobs.length) return;
      const id = sent++;
      const job = jobs[id]!;
      if (!('pkcs8' in job)) return worker.postMessage({ id, job } satisfies JobMessage);
      // A copy moves to the worker, which wipes it; the caller's bytes stay as they were.
      const pkcs8 = new Uint8Array(job.pkcs8);
      worker.postMessage({ id, job: { pkcs8, type: job.type } } satisfies JobMessage, [pkcs8.buffer]);
    };
    const receive = (worker: Worker, message: ResultMessage) => {
      if ('error' in message) return settle({ reason: fromWire(message.error) });
      results[message.id] = { pkcs8: message.pkcs8, publicKey: message.publicKey };
      done += 1;
      onProgress?.(done, jobs.length);
      if (done === jobs.length) settle();
      else send(worker);
    };

    for (const worker of workers) {
      worker.on('message', (message: ResultMessage) => {
        if (settled) {
          if ('pkcs8' in message) message.pkcs8.fill(0);
          return;
        }
        try {
          receive(worker, message);
        } catch (error) {
          settle({ reason: error });
        }
      });
      worker.on('error', (error) => settle({ reason: error }));
      worker.on('exit', (code) =>
        settle({ reason: new Error(`a key worker stopped (exit code ${code}) before its work was done`) }),
      );
      send(worker);
    }
  });
}

function jobOf(input: KeyInput | StoredKeyInput, index: number): KeyJob {
  const type = checkKeyType(input.type);
  if ('pkcs8' in input) {
    if (!(input.pkcs8 instanceof Uint8Array)) throw new TypeError(`inputs[${index}].pkcs8: expected a Uint8Array`);
    return { pkcs8: input.pkcs8, type };
  }
  if (typeof input.phrase !== 'string' || typeof input.path !== 'string') {
    throw new TypeError(`inputs[${index}]: expected a phrase and a path, or pkcs8 bytes`);
  }
  return {
    phrase: input.phrase,
    path: input.path,
    type,
    ...(input.passphrase === undefined ? {} : { passphrase: input.passphrase }),
  };
}

function poolSize(requested: number | undefined, jobs: number): number {
  if (requested !== undefined && (!Number.isInteger(requested) || requested < 1)) {
    throw new RangeError(`workers: expected a positive integer, got ${requested}`);
  }
  return Math.min(requested ?? availableParallelism(), jobs);
}
