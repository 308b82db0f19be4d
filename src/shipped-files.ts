import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * The files airlock reads at run time besides its own code, found in a checkout or in a release.
 *
 * A checkout runs from dist/ (or, under the test runner, from src/) with node_modules beside it.
 * A release (scripts/release) is one folder: the bundle in `lib/`, each worker an entry of its own
 * in `lib/`, and the packages' files below `lib/files/` under the names they are asked for here.
 * The release build replaces `AIRLOCK_RELEASE` with what it knows of the build; in a checkout the
 * name is not defined at all.
 */
declare const AIRLOCK_RELEASE: { readonly commit: string } | undefined;

/** The release's build, or undefined when airlock runs from a checkout. */
export const RELEASE: { readonly commit: string } | undefined =
  typeof AIRLOCK_RELEASE === 'undefined' ? undefined : AIRLOCK_RELEASE;

/** Files packages ship beside their code: WebAssembly read from disk, and jsqr's source (see qr/jsqr.ts). */
export const PACKAGE_FILES = {
  pngCodec: '@jsquash/png/codec/pkg/squoosh_png_bg.wasm',
  jpegCodec: '@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm',
  raptorq: 'raptorq/raptorq_bg.wasm',
  jsqr: 'jsqr/dist/jsQR.js',
} as const;

/** airlock's worker threads: each a module of its own under src/ (dist/ once built). */
export const WORKERS = {
  qrDecode: 'qr/decode-worker',
  polkadotKey: 'vault/polkadot-js/key-worker',
} as const;

/** Where a package's file is: resolved in node_modules, or in the release's `lib/files/`. */
export function packageFilePath(name: keyof typeof PACKAGE_FILES): string {
  const specifier = PACKAGE_FILES[name];
  if (RELEASE) return fileURLToPath(new URL(`./files/${specifier}`, import.meta.url));
  return createRequire(import.meta.url).resolve(specifier);
}

/**
 * A worker's script. A checkout's is dist/'s, found from the package root whether this module runs
 * from dist/ or from src/, since plain Node cannot run a TypeScript worker; a release's sits beside
 * the bundle, named after the module's file.
 */
export function workerUrl(name: keyof typeof WORKERS): URL {
  const module = WORKERS[name];
  if (RELEASE) return new URL(`./${workerFileName(module)}`, import.meta.url);
  const url = new URL(`../dist/${module}.js`, import.meta.url);
  if (!existsSync(url)) {
    throw new Error(`the worker ${fileURLToPath(url)} is missing: build airlock first (npm run build)`);
  }
  return url;
}

/** A worker's file in a release: `qr/decode-worker` is `decode-worker.mjs`. */
export function workerFileName(module: string): string {
  return `${module.slice(module.lastIndexOf('/') + 1)}.mjs`;
}
