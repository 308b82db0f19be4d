/**
 * airlock as one ESM program for a release: esbuild bundles src/cli/main.ts and each worker of
 * src/shipped-files.ts into `lib/`, with the code they share in chunks beside them, so a command
 * loads what it uses and no more, as from a checkout. CommonJS is not an option: Ink and
 * yoga-layout use top-level await.
 */
import { build } from 'esbuild';
import { relative } from 'node:path';
import { built } from '../../bench/built.mjs';

/** @type {typeof import('../../src/shipped-files.js')} */
const { WORKERS, workerFileName } = await built('shipped-files.js');

/**
 * Bundled CommonJS modules call `require`, read `__dirname` and `__filename`; an ES module has
 * none of them, so each output file defines them for itself, about itself.
 */
const BANNER = [
  "import { createRequire as airlockCreateRequire } from 'node:module';",
  "import { fileURLToPath as airlockFileURLToPath } from 'node:url';",
  'const require = airlockCreateRequire(import.meta.url);',
  'const __filename = airlockFileURLToPath(import.meta.url);',
  "const __dirname = airlockFileURLToPath(new URL('.', import.meta.url));",
].join('\n');

/**
 * The native modules the Ledger's USB transport loads, which a release keeps in `lib/native/`.
 * Their packages find them from their own folder at run time (pkg-prebuilds for node-hid,
 * node-gyp-build for usb); in the bundle those loaders are replaced by a require of the file.
 * @param {string} platform
 */
export function nativeModules(platform) {
  const arch = platform.slice('linux-'.length);
  return [
    { name: 'HID.node', from: `node-hid/prebuilds/HID-linux-${arch}/node-napi-v4.node` },
    { name: 'HID_hidraw.node', from: `node-hid/prebuilds/HID_hidraw-linux-${arch}/node-napi-v4.node` },
    {
      name: 'usb.node',
      from: `usb/prebuilds/linux-${arch}/${arch === 'x64' ? 'node.napi.glibc.node' : 'node.napi.armv8.node'}`,
    },
  ];
}

/**
 * Loaders replaced in the bundle, each only for the one package known to use it. The file names
 * are variables so that esbuild leaves the require to run time, in `lib/`.
 * @type {Record<string, { user: string, contents: string }>}
 */
const NATIVE_LOADERS = {
  'pkg-prebuilds/bindings': {
    user: 'node_modules/node-hid/',
    // node-hid asks for `HID` (libusb) or `HID_hidraw` (the kernel's hidraw) by name.
    contents:
      "const folder = './native/';\nmodule.exports = (_base, options) => require(folder + options.name + '.node');",
  },
  'node-gyp-build': {
    user: 'node_modules/usb/',
    contents: "const file = './native/usb.node';\nmodule.exports = () => require(file);",
  },
};

/**
 * The bundle's plugin: native loaders as above, and Ink's developer-tools hook as nothing.
 * @param {string} root
 * @returns {import('esbuild').Plugin}
 */
function releasePlugin(root) {
  return {
    name: 'airlock-release',
    setup(build) {
      const loaders = new RegExp(`^(${Object.keys(NATIVE_LOADERS).join('|')})$`);
      build.onResolve({ filter: loaders }, (args) => {
        const loader = /** @type {{ user: string, contents: string }} */ (NATIVE_LOADERS[args.path]);
        const importer = relative(root, args.importer);
        if (!importer.startsWith(loader.user)) {
          return {
            errors: [{ text: `${importer} loads native code through ${args.path}, which the release does not ship` }],
          };
        }
        return { path: args.path, namespace: 'native-loader' };
      });
      build.onLoad({ filter: /.*/, namespace: 'native-loader' }, (args) => ({
        contents: NATIVE_LOADERS[args.path]?.contents,
        loader: 'js',
      }));
      // Ink connects to React's developer tools only when DEV=true; a release has none to connect to.
      build.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'stub' }));
      build.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
        contents: 'export default { initialize() {}, connectToDevTools() {} };',
        loader: 'js',
      }));
    },
  };
}

/**
 * Bundles airlock into `outdir`. Returns esbuild's record of the inputs, from which the notices
 * name every package the bundle holds. Paths in the output are relative to the checkout, so the
 * bytes do not depend on where it is.
 * @param {{ root: string, outdir: string, commit: string }} options
 */
export async function bundle({ root, outdir, commit }) {
  const workers = Object.fromEntries(
    Object.values(WORKERS).map((module) => [workerFileName(module).replace(/\.mjs$/, ''), `src/${module}.ts`]),
  );
  const result = await build({
    absWorkingDir: root,
    entryPoints: { airlock: 'src/cli/main.ts', ...workers },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    outExtension: { '.js': '.mjs' },
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    banner: { js: BANNER },
    define: {
      AIRLOCK_RELEASE: JSON.stringify({ commit }),
      'process.env.NODE_ENV': '"production"',
    },
    plugins: [releasePlugin(root)],
    minifySyntax: true,
    minifyWhitespace: true,
    legalComments: 'none',
    charset: 'utf8',
    metafile: true,
    logLevel: 'error',
  });
  return result.metafile;
}
