// Measures airlock's performance goals and rewrites docs/PERFORMANCE.md with the figures.
// Run with `npm run bench` (it builds dist/ first). Every figure in the document is measured here.
// `node bench/run.mjs --only NAME` measures one section (NAME a key of BENCHMARKS) and replaces
// only that section of the existing document, since the whole run takes long on a shared machine.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { built } from './built.mjs';
import { spawnTimed } from './spawn-timed.mjs';
import { backups } from './backups.mjs';
import { filterKeypress } from './filter-keypress.mjs';
import { createSyntheticVault } from './synthetic-vault.mjs';
import { firstFrame } from './first-frame.mjs';
import { qrBenchmarks } from './qr.mjs';
import { signingBenchmarks } from './sign.mjs';
import { releaseBenchmarks } from './release.mjs';
import { ms, table, yesNo } from './report.mjs';
import { median, percentile } from './stats.mjs';

/** @type {typeof import('../src/vault/kdf.js')} */
const { deriveKey, DEFAULT_SCRYPT } = await built('vault/kdf.js');

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const OUTPUT = join(ROOT, 'docs', 'PERFORMANCE.md');
const PASSWORD = 'bench-password-not-a-secret';
/** The runs of start-up; the release's section compares against them with as many. */
const STARTUP_RUNS = { runs: 20, warmups: 3 };

// ---------- small helpers ----------

/**
 * Times `runs` sequential runs after `warmups` untimed ones.
 * @param {string[]} args
 * @param {{ runs: number, warmups?: number, env?: NodeJS.ProcessEnv, check?: (stdout: string) => void }} options
 */
async function timeRuns(args, { runs, warmups = 0, env, check = () => {} }) {
  for (let i = 0; i < warmups; i++) check((await spawnTimed(args, env)).stdout);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const { wallMs, stdout } = await spawnTimed(args, env);
    check(stdout);
    times.push(wallMs);
  }
  return times;
}

/** @param {number} load */
async function machine(load) {
  const info = await readFile('/proc/cpuinfo', 'utf8').catch(() => '');
  const cpu = /^model name\s*:\s*(.+)$/mu.exec(info)?.[1] ?? cpus()[0]?.model ?? 'unknown CPU';
  return `${cpu.trim()}, ${cpus().length} logical cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, 1-minute load average ${load.toFixed(2)} at the start`;
}

// ---------- benchmarks: each returns one markdown section ----------

async function startup() {
  const { runs, warmups } = STARTUP_RUNS;
  const bare = await timeRuns(['-e', '0'], STARTUP_RUNS);
  const version = await timeRuns([CLI, '--version'], {
    ...STARTUP_RUNS,
    check: (out) => assertEqual(out.trim(), '0.1.0', '--version'),
  });
  const ratio = median(version) / median(bare);
  return `## Start-up

\`node dist/cli/main.js --version\` against \`node -e 0\`, ${runs} runs each after ${warmups} warm-ups.
Commands that need no user interface must not load Ink or the crypto wasm.

${table([
  ['`node -e 0` median / p90', `${ms(median(bare))} / ${ms(percentile(bare, 90))}`, '—', '—'],
  ['`airlock --version` median / p90', `${ms(median(version))} / ${ms(percentile(version, 90))}`, '—', '—'],
  ['Ratio of medians', `${ratio.toFixed(2)}×`, '≤ 1.5×', yesNo(ratio <= 1.5)],
])}`;
}

/**
 * @param {string} path
 * @param {number} count
 */
async function buildVault(path, count) {
  (await createSyntheticVault(path, PASSWORD, count)).close();
}

async function unlockAndList() {
  const count = 10_000;
  const runs = 5;
  const dir = await mkdtemp(join(tmpdir(), 'airlock-bench-'));
  try {
    const vault = join(dir, 'vault.json');
    await buildVault(vault, count);
    const { size } = await stat(vault);
    const env = { AIRLOCK_VAULT: vault, AIRLOCK_PASSWORD: PASSWORD };
    const text = await timeRuns([CLI, 'account', 'list'], {
      runs,
      warmups: 1,
      env,
      check: (out) => assertEqual(out.trimEnd().split('\n').length, count + 1, 'table lines'),
    });
    const json = await timeRuns([CLI, 'account', 'list', '--json'], {
      runs,
      warmups: 1,
      env,
      check: (out) => {
        /** @type {unknown} */
        const accounts = JSON.parse(out);
        assertEqual(Array.isArray(accounts) ? accounts.length : 'not a list', count, 'JSON accounts');
      },
    });
    const kdf = [];
    for (let i = 0; i < runs; i++) {
      const start = process.hrtime.bigint();
      await deriveKey(new Uint8Array(Buffer.from(PASSWORD)), new Uint8Array(randomBytes(32)), DEFAULT_SCRYPT);
      kdf.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    const { N, r, p } = DEFAULT_SCRYPT;
    /** @type {(label: string, xs: number[]) => string[]} */
    const row = (label, xs) => [
      label,
      `${ms(median(xs))} / ${ms(Math.min(...xs))}`,
      '≤ 1.5 s',
      yesNo(median(xs) <= 1500),
    ];
    return `## Unlock and \`account list\` with ${count.toLocaleString('en')} accounts

The real CLI (\`AIRLOCK_VAULT=… AIRLOCK_PASSWORD=… node dist/cli/main.js account list\`), stdout drained
through a pipe, ${runs} runs each after 1 warm-up. The vault holds one mnemonic identity and ${count.toLocaleString('en')}
sr25519 accounts with random public keys. The scrypt key derivation (N=2^${Math.log2(N)}, r=${r}, p=${p}) is timed
alone, in-process, so the reader sees what the one KDF of an unlock costs.

${table([
  row('`account list` median / min', text),
  row('`account list --json` median / min', json),
  ['scrypt KDF alone median / min', `${ms(median(kdf))} / ${ms(Math.min(...kdf))}`, '—', '—'],
  ['Vault file size', `${(size / 1024 / 1024).toFixed(2)} MiB (${size.toLocaleString('en')} bytes)`, '—', '—'],
])}`;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * @param {string | number} actual
 * @param {string | number} expected
 * @param {string} what
 */
function assertEqual(actual, expected, what) {
  if (actual !== expected) throw new Error(`${what}: expected ${expected}, got ${actual}`);
}

// ---------- the document ----------

/** @type {Record<string, () => Promise<string>>} */
const BENCHMARKS = {
  startup,
  'account-list': unlockAndList,
  'first-frame': firstFrame,
  'filter-keypress': filterKeypress,
  backups,
  qr: async () => (await qrBenchmarks()).markdown,
  signing: signingBenchmarks,
  release: () => releaseBenchmarks(STARTUP_RUNS),
};

/**
 * `doc` with the section that has `section`'s heading replaced by it, or `section` added at the end.
 * @param {string} doc
 * @param {string} section
 */
function replaceSection(doc, section) {
  const heading = section.slice(0, section.indexOf('\n'));
  const start = doc.indexOf(`\n${heading}\n`);
  if (start === -1) return `${doc.trimEnd()}\n\n${section.trimEnd()}\n`;
  const next = doc.indexOf('\n## ', start + 1);
  const rest = next === -1 ? '' : `\n${doc.slice(next + 1)}`;
  return `${doc.slice(0, start + 1)}${section.trimEnd()}\n${rest}`;
}

const { values } = parseArgs({ options: { only: { type: 'string' } } });
// Other work on the machine slows every figure, and parallel speed-ups most.
const load = loadavg()[0] ?? NaN;
let doc;
if (values.only !== undefined) {
  const benchmark = BENCHMARKS[values.only];
  if (benchmark === undefined)
    throw new Error(`--only ${values.only}: expected one of ${Object.keys(BENCHMARKS).join(', ')}`);
  const section = await benchmark();
  const endOfHeading = section.indexOf('\n');
  const measuredAlone = `Measured alone (\`node bench/run.mjs --only ${values.only}\`), not in the run of the machine line above: ${await machine(load)}.`;
  const alone = `${section.slice(0, endOfHeading)}\n\n${measuredAlone}${section.slice(endOfHeading)}`;
  doc = replaceSection(await readFile(OUTPUT, 'utf8'), alone);
} else {
  const sections = [];
  for (const benchmark of Object.values(BENCHMARKS)) sections.push(await benchmark());
  doc = `# Performance

Measured figures only, written by the benchmark script: \`npm run bench\` measures every section and rewrites the file;
\`node bench/run.mjs --only NAME\` measures one section again and replaces only it, which then names its own run.

How to reproduce: \`npm run bench\`

Machine: ${await machine(load)}

${sections.join('\n\n')}
`;
}
await writeFile(OUTPUT, doc);
process.stdout.write(doc);
