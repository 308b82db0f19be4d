// The "Offline release" section: the archives `npm run release` builds from this checkout, and the
// x64 one unpacked and run as a user runs it, against the checkout's `node dist/cli/main.js`:
// start-up, the first frame and `account list` of 10,000 accounts.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import packageJson from '../package.json' with { type: 'json' };
import { built } from './built.mjs';
import { timeToText } from './first-frame.mjs';
import { ms, table, yesNo } from './report.mjs';
import { spawnTimed } from './spawn-timed.mjs';
import { median, percentile } from './stats.mjs';
import { createSyntheticVault } from './synthetic-vault.mjs';

/** @type {typeof import('../src/vault/store.js')} */
const { VaultSession } = await built('vault/store.js');

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const PASSWORD = 'bench-password-not-a-secret';
const { version } = packageJson;
const ACCOUNTS = 10_000;
const ARCHIVE_GOAL_MB = 60;
const CHECKOUT_LIST_GOAL_MS = 1500;
const RELEASE_LIST_GOAL_MS = 1200;
const STARTUP_GOAL_RATIO = 1.5;
const WHY_FASTER = [
  'The bundle starts faster because Node.js loads one entry file and the few chunks its command imports, from one folder,',
  'where the checkout resolves and reads hundreds of modules of `dist/` and `node_modules/` one by one; and, for the first',
  'frame, because the bundle fixes `process.env.NODE_ENV` to `production`, so React runs its production build, without the',
  'checks of the development build the checkout loads.',
].join('\n');

/** @param {number} bytes */
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
/** @param {number[]} xs */
const medianP90 = (xs) => `${ms(median(xs))} / ${ms(percentile(xs, 90))}`;

/**
 * A timed run of `program` that checks what it printed.
 * @param {string} program
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, check?: (stdout: string) => void }} [options]
 * @returns {() => Promise<number>}
 */
function command(program, args, { env = {}, check = () => {} } = {}) {
  return async () => {
    const { wallMs, stdout } = await spawnTimed(args, env, program);
    check(stdout);
    return wallMs;
  };
}

/**
 * Each trial `warmups` times untimed, then `runs` times timed; the trials take turns, so that a
 * change in the machine's load falls on all of them alike.
 * @template {Record<string, () => Promise<number>>} T
 * @param {T} trials
 * @param {{ runs: number, warmups: number }} counts
 * @returns {Promise<{ [K in keyof T]: number[] }>}
 */
async function inTurns(trials, { runs, warmups }) {
  const entries = Object.entries(trials);
  /** @type {Record<string, number[]>} */
  const times = Object.fromEntries(entries.map(([name]) => [name, []]));
  for (let i = 0; i < warmups + runs; i++) {
    for (const [name, trial] of entries) {
      const wallMs = await trial();
      if (i >= warmups) times[name]?.push(wallMs);
    }
  }
  return /** @type {{ [K in keyof T]: number[] }} */ (times);
}

/**
 * The bytes of every file below `dir`, and how many files there are.
 * @param {string} dir
 */
async function folderSize(dir) {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  const sizes = await Promise.all(files.map(async (entry) => (await stat(join(entry.parentPath, entry.name))).size));
  return { bytes: sizes.reduce((a, b) => a + b, 0), files: files.length };
}

/**
 * Both platforms' archives of this checkout, built into `dir` by the release script.
 * @param {string} dir
 */
async function buildRelease(dir) {
  // The script joins --out to the checkout's folder, so an absolute path would land inside it.
  const out = relative(ROOT, dir);
  const args = [join(ROOT, 'scripts', 'release.mjs'), '--platform', 'linux-x64', '--platform', 'linux-arm64'];
  const { wallMs } = await spawnTimed([...args, '--out', out]);
  /** @param {string} platform */
  const archive = (platform) => join(dir, `airlock-${version}-${platform}.tar.gz`);
  return {
    buildMs: wallMs,
    x64: { path: archive('linux-x64'), bytes: (await stat(archive('linux-x64'))).size },
    arm64: { bytes: (await stat(archive('linux-arm64'))).size },
  };
}

/**
 * @param {string | number} actual
 * @param {string | number} expected
 * @param {string} what
 */
function assertEqual(actual, expected, what) {
  if (actual !== expected) throw new Error(`${what}: expected ${expected}, got ${actual}`);
}

/** @param {string} out */
function checkVersion(out) {
  const printed = out.trim();
  if (!printed.startsWith(version)) throw new Error(`--version: expected ${version}, got ${printed}`);
}

/** @param {string} out */
function checkList(out) {
  assertEqual(out.trimEnd().split('\n').length, ACCOUNTS + 1, 'table lines');
}

/**
 * The "Offline release" section, each measure taken `runs` times after `warmups` untimed runs.
 * @param {{ runs: number, warmups: number }} counts
 */
export async function releaseBenchmarks(counts) {
  const load = loadavg()[0] ?? NaN;
  const started = performance.now();
  const dir = await mkdtemp(join(tmpdir(), 'airlock-bench-release-'));
  try {
    const archives = await buildRelease(join(dir, 'archives'));
    const unpacked = join(dir, 'unpacked');
    await mkdir(unpacked);
    execFileSync('tar', ['-xzf', archives.x64.path, '-C', unpacked]);
    const folder = join(unpacked, `airlock-${version}-linux-x64`);
    const launcher = join(folder, 'airlock');
    const releaseNode = join(folder, 'node', 'bin', 'node');
    const sizes = {
      folder: await folderSize(folder),
      node: (await stat(releaseNode)).size,
      lib: await folderSize(join(folder, 'lib')),
    };
    const releaseNodeVersion = (await spawnTimed(['--version'], {}, releaseNode)).stdout.trim();

    const startup = await inTurns(
      {
        hostNode: command(process.execPath, ['-e', '0']),
        releaseNode: command(releaseNode, ['-e', '0']),
        checkout: command(process.execPath, [CLI, '--version'], { check: checkVersion }),
        release: command(launcher, ['--version'], { check: checkVersion }),
      },
      counts,
    );

    const frameVault = join(dir, 'empty-vault.json');
    (await VaultSession.create(frameVault, new TextEncoder().encode(PASSWORD))).close();
    const frame = await inTurns(
      {
        checkout: () => timeToText([process.execPath, CLI, '--vault', frameVault], 'Unlock the vault'),
        release: () => timeToText([launcher, '--vault', frameVault], 'Unlock the vault'),
      },
      counts,
    );

    const listVault = join(dir, 'vault.json');
    (await createSyntheticVault(listVault, PASSWORD, ACCOUNTS)).close();
    const env = { AIRLOCK_VAULT: listVault, AIRLOCK_PASSWORD: PASSWORD };
    const list = await inTurns(
      {
        checkout: command(process.execPath, [CLI, 'account', 'list'], { env, check: checkList }),
        release: command(launcher, ['account', 'list'], { env, check: checkList }),
      },
      counts,
    );

    return section({
      counts,
      load,
      loadAfter: loadavg()[0] ?? NaN,
      seconds: (performance.now() - started) / 1000,
      archives,
      sizes,
      releaseNodeVersion,
      startup,
      frame,
      list,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * @param {{
 *   counts: { runs: number, warmups: number }, load: number, loadAfter: number, seconds: number,
 *   archives: Awaited<ReturnType<typeof buildRelease>>,
 *   sizes: { folder: { bytes: number, files: number }, node: number, lib: { bytes: number, files: number } },
 *   releaseNodeVersion: string,
 *   startup: Record<'hostNode' | 'releaseNode' | 'checkout' | 'release', number[]>,
 *   frame: Record<'checkout' | 'release', number[]>,
 *   list: Record<'checkout' | 'release', number[]>,
 * }} figures
 */
function section({ counts, load, loadAfter, seconds, archives, sizes, releaseNodeVersion, startup, frame, list }) {
  const { runs, warmups } = counts;
  const checkoutRatio = median(startup.checkout) / median(startup.hostNode);
  const releaseRatio = median(startup.release) / median(startup.releaseNode);
  const frameRatio = median(frame.release) / median(frame.checkout);
  const listSaved = median(list.checkout) - median(list.release);
  const faster = frameRatio < 1 && listSaved > 0;
  const releaseListMet = median(list.release) < RELEASE_LIST_GOAL_MS;
  const checkoutListMet = median(list.checkout) <= CHECKOUT_LIST_GOAL_MS;
  const archivesMet = Math.max(archives.x64.bytes, archives.arm64.bytes) <= ARCHIVE_GOAL_MB * 1e6;
  /** @param {boolean} met */
  const verdict = (met) => (met ? 'met' : '**not met**');
  const archiveGoal = `≤ ${ARCHIVE_GOAL_MB} MB`;
  const ratioGoal = `≤ ${STARTUP_GOAL_RATIO}×`;
  return `## Offline release

The 1-minute load average was ${load.toFixed(2)} when this section started and ${loadAfter.toFixed(2)} when it ended, ${seconds.toFixed(0)} s later.

The archives \`npm run release\` builds from this checkout (\`node scripts/release.mjs --platform linux-x64 --platform linux-arm64\`,
${(archives.buildMs / 1000).toFixed(1)} s for both), in MB of 10^6 bytes; then the x64 archive unpacked and run as a user runs it:
its \`airlock\` launcher, a shell script that starts the release's own Node.js (${releaseNodeVersion}) on the bundle \`lib/airlock.mjs\`,
against the checkout's \`node dist/cli/main.js\` on this machine's Node.js (${process.version}). Each measure ${runs} runs
after ${warmups} warm-ups, as the start-up above, the commands of a measure taking turns:
\`airlock --version\` beside \`node -e 0\` of each Node.js; the first frame, as the "First frame" section times it
(the unlock screen of a vault with no accounts, in a pseudo-terminal); \`account list\` of a vault of ${ACCOUNTS.toLocaleString('en')} accounts
(one mnemonic identity and sr25519 accounts with random public keys, as in "Unlock and \`account list\`"), \`AIRLOCK_VAULT\`
and \`AIRLOCK_PASSWORD\` in the environment, stdout drained through a pipe.

${table([
  ['Archive, linux-x64', mb(archives.x64.bytes), archiveGoal, yesNo(archives.x64.bytes <= ARCHIVE_GOAL_MB * 1e6)],
  ['Archive, linux-arm64', mb(archives.arm64.bytes), archiveGoal, yesNo(archives.arm64.bytes <= ARCHIVE_GOAL_MB * 1e6)],
  [
    'Unpacked linux-x64 folder',
    `${mb(sizes.folder.bytes)} in ${sizes.folder.files} files: \`node/bin/node\` ${mb(sizes.node)}, \`lib/\` ${mb(sizes.lib.bytes)} in ${sizes.lib.files} files`,
    '—',
    '—',
  ],
  ['Host `node -e 0` median / p90', medianP90(startup.hostNode), '—', '—'],
  ['Release `node/bin/node -e 0` median / p90', medianP90(startup.releaseNode), '—', '—'],
  ['Checkout `airlock --version` median / p90', medianP90(startup.checkout), '—', '—'],
  ['Release `airlock --version` median / p90', medianP90(startup.release), '—', '—'],
  [
    'Checkout `--version` ÷ host `node -e 0`, medians',
    `${checkoutRatio.toFixed(2)}×`,
    ratioGoal,
    yesNo(checkoutRatio <= STARTUP_GOAL_RATIO),
  ],
  [
    'Release `--version` ÷ its `node -e 0`, medians',
    `${releaseRatio.toFixed(2)}×`,
    ratioGoal,
    yesNo(releaseRatio <= STARTUP_GOAL_RATIO),
  ],
  ['Checkout first frame median / p90', medianP90(frame.checkout), '—', '—'],
  ['Release first frame median / p90', medianP90(frame.release), '—', '—'],
  ['Release ÷ checkout first frame, medians', `${frameRatio.toFixed(2)}×`, '—', '—'],
  ['Checkout `account list` median / p90', medianP90(list.checkout), '≤ 1.5 s', yesNo(checkoutListMet)],
  ['Release `account list` median / p90', medianP90(list.release), '< 1.2 s', yesNo(releaseListMet)],
])}

Goals: each archive at most ${ARCHIVE_GOAL_MB} MB, ${verdict(archivesMet)}; \`account list\` of ${ACCOUNTS.toLocaleString('en')} accounts from the release
under 1.2 s, ${verdict(releaseListMet)} (median ${ms(median(list.release))}, p90 ${ms(percentile(list.release, 90))}), and from the checkout at most 1.5 s, ${verdict(checkoutListMet)}
(median ${ms(median(list.checkout))}, p90 ${ms(percentile(list.checkout, 90))}); the release's median is ${ms(Math.abs(listSaved))} ${listSaved >= 0 ? 'below' : 'above'} the checkout's.

${faster ? WHY_FASTER : 'The release did not start faster than the checkout in this run.'} Part of any difference is Node.js itself, ${releaseNodeVersion} in the release
against ${process.version} here, which the two \`node -e 0\` rows show alone.`;
}
