/**
 * `npm start`: runs airlock from the checkout, building it first only when a source changed since
 * the last build (and saying so: a fresh clone's first build takes a while), so a built checkout
 * starts at once. The build is `npm run build`, `tsc --build`, which keeps its own record in
 * dist/ and rebuilds only what changed; the check here is whether to call it at all, by
 * modification times: any file or folder under src/ (a folder's time changes when a file in it
 * is added or removed) or a build setting newer than that record. `tsc --build` trusts its
 * record over dist/, so a missing entry point drops the record for a whole build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUILD_RECORD = join(ROOT, 'dist', 'tsconfig.build.tsbuildinfo');
const BUILD_SETTINGS = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'].map((name) => join(ROOT, name));
const MAIN = join(ROOT, 'dist', 'cli', 'main.js');

if (builtAt() < newestSource()) {
  if (!existsSync(MAIN)) rmSync(BUILD_RECORD, { force: true });
  process.stderr.write('airlock: building from the sources in src/…\n');
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
// airlock runs in this process, as if started as dist/cli/main.js: signals and exit status are its own.
process.argv.splice(1, 1, MAIN);
await import(pathToFileURL(MAIN).href);

/** When the last build ended; never, if its record or airlock's entry point is missing. */
function builtAt() {
  if (!existsSync(MAIN) || !existsSync(BUILD_RECORD)) return -Infinity;
  return statSync(BUILD_RECORD).mtimeMs;
}

function newestSource() {
  let newest = Math.max(...BUILD_SETTINGS.map((file) => statSync(file).mtimeMs));
  const pending = [join(ROOT, 'src')];
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    newest = Math.max(newest, statSync(dir).mtimeMs);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}
