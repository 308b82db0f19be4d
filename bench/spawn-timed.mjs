// Running a child process, node unless another program is named, timed: what the benchmarks of
// whole commands share.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs `program` (this node by default) with `args` in the repository to completion, draining stdout
 * and stderr; resolves to its wall time in ms and its stdout, and rejects with its stderr when it fails.
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} [env]
 * @param {string} [program]
 * @returns {Promise<{ wallMs: number, stdout: string }>}
 */
export function spawnTimed(args, env = {}, program = process.execPath) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(program, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    /** @type {Buffer[]} */
    const out = [];
    /** @type {Buffer[]} */
    const err = [];
    child.stdout.on('data', (/** @type {Buffer} */ chunk) => out.push(chunk));
    child.stderr.on('data', (/** @type {Buffer} */ chunk) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      if (code === 0) resolve({ wallMs, stdout: Buffer.concat(out).toString('utf8') });
      else reject(new Error(`${program} ${args.join(' ')} exited ${code}: ${Buffer.concat(err).toString('utf8')}`));
    });
  });
}
