// Time from spawning a process in a pseudo-terminal (util-linux `script`) until its first
// frame shows a given text: airlock's unlock screen against an Ink hello-world.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { built } from './built.mjs';
import { median } from './stats.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** @param {string} w */
const quote = (w) => `'${w.replace(/'/g, `'\\''`)}'`;

/**
 * @param {string[]} argv
 * @param {string} text
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {Promise<number>} milliseconds
 */
export function timeToText(argv, text, env) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // A pseudo-terminal starts at 0×0; give it the size of a real one.
    const child = spawn('script', ['-qfec', `stty cols 80 rows 24; ${argv.map(quote).join(' ')}`, '/dev/null'], {
      env: { ...process.env, CI: 'false', TERM: 'xterm-256color', ...env },
      stdio: ['pipe', 'pipe', 'ignore'],
      detached: true,
    });
    let seen = '';
    const stop = () => {
      clearTimeout(timer);
      try {
        // The whole group: `script` and the program it runs.
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no "${text}" within 10 s`));
    }, 10_000);
    child.stdout.on('data', (/** @type {Buffer} */ chunk) => {
      seen += chunk.toString('utf8');
      if (!seen.includes(text)) return;
      stop();
      resolve(performance.now() - started);
    });
  });
}

export async function firstFrame({ runs = 15 } = {}) {
  /** @type {typeof import('../src/vault/store.js')} */
  const { VaultSession } = await built('vault/store.js');
  const dir = mkdtempSync(join(tmpdir(), 'airlock-bench-frame-'));
  try {
    const vault = join(dir, 'vault.json');
    (await VaultSession.create(vault, new TextEncoder().encode('bench-password-1'))).close();
    const airlock = [process.execPath, join(ROOT, 'dist/cli/main.js'), '--vault', vault];
    const hello = [process.execPath, join(ROOT, 'bench/ink-hello.mjs')];
    /** @type {{ airlock: number[], hello: number[] }} */
    const times = { airlock: [], hello: [] };
    for (let i = 0; i < runs + 2; i++) {
      const a = await timeToText(airlock, 'Unlock the vault');
      const h = await timeToText(hello, 'Hello');
      if (i >= 2) {
        times.airlock.push(a);
        times.hello.push(h);
      }
    }
    const ratio = median(times.airlock) / median(times.hello);
    return [
      '## First frame',
      '',
      `Time from spawning the process in a pseudo-terminal until its first frame shows: \`airlock\` (the unlock screen) against an Ink hello-world, ${runs} runs each after 2 warm-ups, alternating.`,
      '',
      '| Measure | Figure | Goal | Met? |',
      '|---|---|---|---|',
      `| Ink hello-world median | ${median(times.hello).toFixed(1)} ms | — | — |`,
      `| airlock unlock screen median | ${median(times.airlock).toFixed(1)} ms | — | — |`,
      `| Ratio of medians | ${ratio.toFixed(2)}× | ≤ 1.2× | ${ratio <= 1.2 ? 'yes' : 'no'} |`,
      '',
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await firstFrame());
