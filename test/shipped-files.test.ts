import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PACKAGE_FILES, RELEASE, WORKERS, packageFilePath, workerFileName, workerUrl } from '../src/shipped-files.js';
import { REPO_ROOT } from './helpers/files.js';

describe('the files airlock reads at run time, in a checkout', () => {
  it('is not a release', () => {
    expect(RELEASE).toBeUndefined();
  });

  it.each(Object.keys(PACKAGE_FILES) as (keyof typeof PACKAGE_FILES)[])('finds %s in node_modules', (name) => {
    const path = packageFilePath(name);
    expect(path.startsWith(`${REPO_ROOT}node_modules/`)).toBe(true);
    expect(path.endsWith(PACKAGE_FILES[name])).toBe(true);
    expect(existsSync(path)).toBe(true);
  });

  it.each(Object.keys(WORKERS) as (keyof typeof WORKERS)[])("runs %s's built module from dist/", (name) => {
    expect(existsSync(`${REPO_ROOT}src/${WORKERS[name]}.ts`)).toBe(true);
    expect(fileURLToPath(workerUrl(name))).toBe(`${REPO_ROOT}dist/${WORKERS[name]}.js`);
  });

  it("names each worker's file in a release after its module, each name once", () => {
    expect(workerFileName('qr/decode-worker')).toBe('decode-worker.mjs');
    const names = Object.values(WORKERS).map(workerFileName);
    expect(new Set([...names, 'airlock.mjs']).size).toBe(names.length + 1);
  });
});
