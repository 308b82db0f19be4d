// Keypress to frame while filtering 10,000 accounts: the real AccountsHome inside the real
// ShellView (from dist/), rendered by Ink into a fake 80×24 terminal, as ink-testing-library
// does, but with the app's own render options (throttled to 30 frames a second, not debug).
import { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { built } from './built.mjs';
import { median, percentile } from './stats.mjs';
import { createSyntheticVault } from './synthetic-vault.mjs';

const COUNT = 10_000;
/** A brisk typist: a key every 80 ms or so, more than Ink's 33 ms between frames. */
const PAUSE_MS = 80;
// eslint-disable-next-line no-control-regex -- an escape sequence starts with the control character ESC
const ANSI = /\u001B\[[0-9;?]*[A-Za-z]/gu;

class FakeStdout extends EventEmitter {
  columns = 80;
  rows = 24;
  isTTY = true;
  /**
   * Called with each write's text, without escapes.
   * @type {(text: string) => void}
   */
  onWrite = () => {};
  /** @param {string | Uint8Array} chunk */
  write(chunk) {
    this.onWrite(String(chunk).replace(ANSI, ''));
    return true;
  }
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  /** @type {string[]} */
  queue = [];
  /** @param {string} data */
  write(data) {
    this.queue.push(data);
    this.emit('readable');
  }
  read() {
    return this.queue.shift() ?? null;
  }
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

/** @param {number} ms */
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @param {string} path */
function openManyAccounts(path) {
  return createSyntheticVault(path, 'bench-password-not-a-secret', COUNT);
}

export async function filterKeypress() {
  // Ink draws only a last frame when it believes it runs in CI; this measures every frame.
  process.env.CI = 'false';
  const [{ render }, { createElement }, { ShellView }, { renderScreen }] = await Promise.all([
    import('ink'),
    import('react'),
    /** @type {Promise<typeof import('../src/app/shell.js')>} */ (built('app/shell.js')),
    /** @type {Promise<typeof import('../src/screens/index.js')>} */ (built('screens/index.js')),
  ]);
  const dir = await mkdtemp(join(tmpdir(), 'airlock-bench-filter-'));
  const session = await openManyAccounts(join(dir, 'vault.json'));
  const stdout = new FakeStdout();
  const stdin = new FakeStdin();
  // Ink reads and writes only what the fakes have, as with ink-testing-library's.
  const fakeStdout = /** @type {NodeJS.WriteStream} */ (/** @type {unknown} */ (stdout));
  const instance = render(createElement(ShellView, { session, renderScreen }), {
    stdout: fakeStdout,
    stderr: fakeStdout,
    stdin: /** @type {NodeJS.ReadStream} */ (/** @type {unknown} */ (stdin)),
    exitOnCtrlC: false,
    patchConsole: false,
  });

  /**
   * Writes `key` and resolves to the milliseconds until a frame holding `text` is written.
   * @param {string} key
   * @param {string} text
   * @returns {Promise<number>}
   */
  const keyToFrame = (key, text) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no frame with ${JSON.stringify(text)} after ${JSON.stringify(key)}`)),
        10_000,
      );
      const started = performance.now();
      stdout.onWrite = (written) => {
        if (!written.includes(text)) return;
        clearTimeout(timer);
        stdout.onWrite = () => {};
        resolve(performance.now() - started);
      };
      stdin.write(key);
    });

  try {
    await pause(200);
    const listed = await keyToFrame('\t', `${COUNT.toLocaleString('en')} accounts`);
    await pause(PAUSE_MS);
    await keyToFrame('/', `${COUNT.toLocaleString('en')} of ${COUNT.toLocaleString('en')}`);
    // Type a name, take it back a key at a time (each a search of all 10,000 again), then a path.
    /** @type {[key: string, query: string][]} */
    const steps = [];
    const name = 'account-9999';
    for (let i = 1; i <= name.length; i++) steps.push([name.charAt(i - 1), name.slice(0, i)]);
    for (let i = name.length - 1; i >= 0; i--) steps.push(['\u007F', name.slice(0, i)]);
    const path = '//42';
    for (let i = 1; i <= path.length; i++) steps.push([path.charAt(i - 1), path.slice(0, i)]);
    const times = [];
    for (const [key, query] of steps) {
      await pause(PAUSE_MS);
      // The filter line shows the query, then the cursor (a space), so no other query matches.
      times.push(await keyToFrame(key, `/ ${query} `));
    }
    const goal = 50;
    const met = median(times) <= goal;
    return `## Keypress to frame while filtering ${COUNT.toLocaleString('en')} accounts

The real accounts list inside the real shell (\`dist/\`), rendered by Ink with the app's own options
(at most 30 frames a second) into a fake 80×24 terminal, as ink-testing-library does. The vault holds
${COUNT.toLocaleString('en')} sr25519 accounts with random keys. After \`/\`, ${steps.length} keys are typed one at a time,
${PAUSE_MS} ms apart: \`${name}\`, then ${name.length} backspaces (each searches all ${COUNT.toLocaleString('en')} again), then \`${path}\`.
Each figure is the time from writing the key to stdin until the frame showing its effect is written.
Opening the list (Tab from Identities, building ${COUNT.toLocaleString('en')} rows with their addresses) took ${listed.toFixed(0)} ms.

| Measure | Figure | Goal | Met? |
|---|---|---|---|
| Keypress to frame, median / p90 | ${times.length} keys: ${median(times).toFixed(1)} ms / ${percentile(times, 90).toFixed(1)} ms | ≤ ${goal} ms median | ${met ? 'yes' : '**no**'} |
| Slowest keypress | ${Math.max(...times).toFixed(1)} ms | — | — |`;
  } finally {
    instance.unmount();
    session.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await filterKeypress());
