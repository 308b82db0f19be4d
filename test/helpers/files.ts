/** Where the repository is, and temporary directories that tests make and remove. Needs no build. */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A temporary directory for one test file; `dir(name)` makes fresh subdirectories in it. */
export async function createScratch(prefix: string) {
  const root = await mkdtemp(join(tmpdir(), `airlock-${prefix}-`));
  let counter = 0;
  return {
    root,
    async dir(name = 'case'): Promise<string> {
      const path = join(root, `${name}-${++counter}`);
      await mkdir(path, { recursive: true });
      return path;
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

const made: string[] = [];
// Modules are evaluated once per test file, so this removes that file's directories after its tests.
afterAll(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A new empty directory, removed after the test file's tests. */
export async function temporaryDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `airlock-${prefix}-`));
  made.push(dir);
  return dir;
}
