/**
 * A key-pool worker (see key-pool.ts): takes one job at a time, answers with the key's bytes,
 * moved rather than copied so that no copy of a secret stays behind in this thread.
 */
import { parentPort } from 'node:worker_threads';
import { keyBytes, toWire, type JobMessage, type ResultMessage } from './key-job.js';

/** Bytes that own their whole ArrayBuffer, so transferring it moves nothing else (a Buffer may share Node's pool). */
function owned(bytes: Uint8Array): Uint8Array {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer)
    return bytes;
  const copy = new Uint8Array(bytes);
  bytes.fill(0);
  return copy;
}

const port = parentPort;
if (!port) throw new Error('key-worker.js runs as a worker thread of the key pool');

const answer = async ({ id, job }: JobMessage): Promise<void> => {
  try {
    const key = await keyBytes(job);
    const pkcs8 = owned(key.pkcs8);
    const publicKey = owned(key.publicKey);
    port.postMessage({ id, pkcs8, publicKey } satisfies ResultMessage, [
      pkcs8.buffer as ArrayBuffer,
      publicKey.buffer as ArrayBuffer,
    ]);
  } catch (error) {
    port.postMessage({ id, error: toWire(error) } satisfies ResultMessage);
  } finally {
    if ('pkcs8' in job) job.pkcs8.fill(0);
  }
};

port.on('message', (message: JobMessage) => void answer(message));
