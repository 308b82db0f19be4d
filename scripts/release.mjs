/**
 * `npm run release`: the offline release, one archive a platform, built so that anyone building the
 * same commit gets the same bytes.
 *
 *   release/airlock-VERSION-linux-x64.tar.gz (and -linux-arm64), each beside its .sha256, holding
 *   airlock-VERSION-PLATFORM/
 *     airlock               the launcher (scripts/release/airlock.sh)
 *     node/bin/node         Node.js, from the registry's node-linux-* package, pinned by version and
 *     node/LICENSE          SHA-256 in scripts/release/node-runtime.json and checked before use
 *     lib/airlock.mjs       airlock bundled by esbuild, its workers and shared chunks beside it
 *     lib/files/…           the packages' files read at run time (src/shipped-files.ts)
 *     lib/native/…          the Ledger's USB modules (node-hid, usb) for the platform
 *     THIRD-PARTY-NOTICES   the licence of everything above
 *     SHA256SUMS            every other file's SHA-256, for `sha256sum -c`
 *
 * Reproducible: every time is the commit's (SOURCE_DATE_EPOCH when set), entries are sorted,
 * owners are 0, modes are 755 or 644, gzip stores no name or time, and the bundle names no path
 * outside the checkout. The commit goes into `airlock --version`, marked `-modified` when the
 * checkout has changes git knows of.
 *
 * Usage: node scripts/release.mjs [--platform linux-x64|linux-arm64]... [--out DIR]
 * (after `npm run build`, whose dist/shipped-files.js names the files to ship).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { built } from '../bench/built.mjs';
import packageJson from '../package.json' with { type: 'json' };
import NODE_RUNTIME from './release/node-runtime.json' with { type: 'json' };
import { bundle, nativeModules } from './release/bundle.mjs';
import { packageDirOf, thirdPartyNotices } from './release/notices.mjs';

/** @type {typeof import('../src/shipped-files.js')} */
const { PACKAGE_FILES } = await built('shipped-files.js');
const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** @type {readonly ('linux-x64' | 'linux-arm64')[]} */
const PLATFORMS = ['linux-x64', 'linux-arm64'];
const CACHE = join(ROOT, 'node_modules/.cache/airlock-release');
const resolveFromRoot = createRequire(join(ROOT, 'package.json')).resolve;

const { values } = parseOptions();
const platforms = (values.platform ?? PLATFORMS).map((asked) => {
  const platform = PLATFORMS.find((known) => known === asked);
  return platform ?? fail(`unknown platform ${asked}: expected one of ${PLATFORMS.join(', ')}`);
});
const out = resolve(ROOT, values.out);

const { version } = packageJson;
const commit =
  git('rev-parse', 'HEAD') + (git('status', '--porcelain', '--untracked-files=no') === '' ? '' : '-modified');
const epoch = Number(process.env.SOURCE_DATE_EPOCH ?? git('log', '-1', '--format=%ct', 'HEAD'));
if (!Number.isInteger(epoch) || epoch < 0)
  fail(`SOURCE_DATE_EPOCH must be whole seconds, not ${process.env.SOURCE_DATE_EPOCH}`);

const work = mkdtempSync(join(tmpdir(), 'airlock-release-'));
// On every way out, `fail`'s process.exit included: a build leaves nothing in the temporary folder.
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const bundled = join(work, 'lib');
const metafile = await bundle({ root: ROOT, outdir: bundled, commit });
const packageFiles = Object.values(PACKAGE_FILES).map((specifier) => ({
  specifier,
  path: relative(ROOT, resolveFromRoot(specifier)),
}));
mkdirSync(out, { recursive: true });
for (const platform of platforms) {
  const name = `airlock-${version}-${platform}`;
  const folder = join(work, platform, name);
  copyTree(bundled, join(folder, 'lib'));
  for (const { specifier, path } of packageFiles) copyInto(join(ROOT, path), join(folder, 'lib/files', specifier));
  const natives = nativeModules(platform).map(({ name, from }) => ({
    name,
    path: relative(ROOT, resolveFromRoot(from)),
  }));
  for (const { name, path } of natives) copyInto(join(ROOT, path), join(folder, 'lib/native', name));
  const node = nodeRuntime(platform, join(folder, 'node'));
  copyInto(join(ROOT, 'scripts/release/airlock.sh'), join(folder, 'airlock'));
  const shipped = [...Object.keys(metafile.inputs), ...[...packageFiles, ...natives].map(({ path }) => path)];
  const packageDirs = shipped.flatMap((path) => packageDirOf(path) ?? []);
  writeFileSync(join(folder, 'THIRD-PARTY-NOTICES'), thirdPartyNotices({ root: ROOT, packageDirs, node }));
  writeSums(folder);
  normalise(folder, ['airlock', 'node/bin/node']);
  const archive = join(out, `${name}.tar.gz`);
  writeArchive(join(work, platform), name, archive);
  const sum = sha256(readFileSync(archive));
  writeFileSync(`${archive}.sha256`, `${sum}  ${name}.tar.gz\n`);
  const size = (statSync(archive).size / 1e6).toFixed(1);
  const shown = relative(process.cwd(), archive);
  process.stdout.write(`${shown.startsWith('..') ? archive : shown}  ${size} MB  sha256 ${sum}\n`);
}

/**
 * Node.js for `platform` into `into` (bin/node and LICENSE): the registry package's tarball, kept
 * in node_modules/.cache once fetched, used only when its SHA-256 is the one pinned.
 * @param {'linux-x64' | 'linux-arm64'} platform
 * @param {string} into
 */
function nodeRuntime(platform, into) {
  const pin = NODE_RUNTIME[platform];
  const tarball = join(CACHE, `${pin.package}-${NODE_RUNTIME.version}.tgz`);
  if (!existsSync(tarball)) {
    mkdirSync(CACHE, { recursive: true });
    execFileSync('npm', ['pack', `${pin.package}@${NODE_RUNTIME.version}`, '--pack-destination', CACHE, '--silent'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const sum = sha256(readFileSync(tarball));
  if (sum !== pin.sha256) {
    rmSync(tarball);
    fail(
      `${pin.package} ${NODE_RUNTIME.version} has SHA-256 ${sum}, not the ${pin.sha256} pinned in scripts/release/node-runtime.json`,
    );
  }
  const unpacked = mkdtempSync(join(work, 'node-'));
  execFileSync('tar', ['-xzf', tarball, '-C', unpacked, 'package/bin/node', 'package/LICENSE']);
  copyInto(join(unpacked, 'package/bin/node'), join(into, 'bin/node'));
  copyInto(join(unpacked, 'package/LICENSE'), join(into, 'LICENSE'));
  return { version: NODE_RUNTIME.version, licence: readFileSync(join(into, 'LICENSE'), 'utf8') };
}

/**
 * SHA256SUMS: every file of the folder but itself, by path, as `sha256sum -c` reads them.
 * @param {string} folder
 */
function writeSums(folder) {
  const lines = filesOf(folder).map((path) => `${sha256(readFileSync(join(folder, path)))}  ${path}\n`);
  writeFileSync(join(folder, 'SHA256SUMS'), lines.join(''));
}

/**
 * Modes 755 for folders and `executables`, 644 for the rest; every time the commit's.
 * @param {string} folder
 * @param {string[]} executables
 */
function normalise(folder, executables) {
  const paths = [...foldersOf(folder), ...filesOf(folder)];
  for (const path of paths) {
    const full = join(folder, path);
    const executable = statSync(full).isDirectory() || executables.includes(path);
    chmodSync(full, executable ? 0o755 : 0o644);
  }
  // Deepest first, so setting a folder's time is the last change inside it.
  for (const path of [...paths, '.'].sort((a, b) => b.length - a.length)) utimesSync(join(folder, path), epoch, epoch);
}

/**
 * The folder `name` in `parent` as a gzipped tar: entries by name, owner and group 0 without
 * names, the commit's time on each, and a gzip header with no file name or time.
 * @param {string} parent
 * @param {string} name
 * @param {string} archive
 */
function writeArchive(parent, name, archive) {
  const tar = join(parent, `${name}.tar`);
  execFileSync('tar', [
    '--sort=name',
    '--format=gnu',
    '--owner=0',
    '--group=0',
    '--numeric-owner',
    `--mtime=@${epoch}`,
    '-C',
    parent,
    '-cf',
    tar,
    name,
  ]);
  execFileSync('gzip', ['-9', '-n', '-f', tar]);
  renameSync(`${tar}.gz`, archive);
}

/**
 * @param {string} from
 * @param {string} to
 */
function copyTree(from, to) {
  for (const path of filesOf(from)) copyInto(join(from, path), join(to, path));
}

/**
 * @param {string} from
 * @param {string} to
 */
function copyInto(from, to) {
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
}

/**
 * Every file below `dir`, as sorted relative paths with `/`.
 * @param {string} dir
 * @returns {string[]}
 */
function filesOf(dir, prefix = '') {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      return entry.isDirectory() ? filesOf(dir, path) : [path];
    })
    .sort(byBytes);
}

/**
 * @param {string} dir
 * @returns {string[]}
 */
function foldersOf(dir, prefix = '') {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      return [path, ...foldersOf(dir, path)];
    });
}

/**
 * @param {string} a
 * @param {string} b
 */
function byBytes(a, b) {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

function parseOptions() {
  try {
    return parseArgs({
      options: { platform: { type: 'string', multiple: true }, out: { type: 'string', default: 'release' } },
    });
  } catch (error) {
    return fail(
      `${/** @type {Error} */ (error).message}\nusage: node scripts/release.mjs [--platform linux-x64|linux-arm64]... [--out DIR]`,
    );
  }
}

/** @param {Uint8Array} bytes */
function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

/** @param {string[]} args */
function git(...args) {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch {
    return fail(
      `a release is built from a git checkout, whose commit it names; \`git ${args.join(' ')}\` failed in ${ROOT}`,
    );
  }
}

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  process.stderr.write(`release: ${message}\n`);
  process.exit(1);
}
