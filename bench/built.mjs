// The benchmarks measure dist/, the code users run (`npm run build` first). Their types come from
// the source it is built from: each caller names `typeof import('../src/….js')`, so the type
// checker reads src/ and never dist/, whose plain JavaScript it would otherwise check as well.

const DIST = new URL('../dist/', import.meta.url);

/**
 * A module of the build, by its path under dist/, typed as the caller declares.
 * @template T
 * @param {string} path
 * @returns {Promise<T>}
 */
export function built(path) {
  return import(new URL(path, DIST).href);
}
