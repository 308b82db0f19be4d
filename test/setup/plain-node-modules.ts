/**
 * Vitest runs TypeScript, but a worker thread or a child process is plain Node: the key and
 * decode pools start dist/'s workers, and a child in test/ui loads dist/ui/full-screen.js.
 * Before the tests, this writes just those modules and what they import to dist/, transpiled
 * file by file as tsc emits them (the type check is `npm run typecheck`'s), so the unit tests
 * need no build and never run a worker older than its source.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ENTRIES = ['src/vault/polkadot-js/key-worker.ts', 'src/qr/decode-worker.ts', 'src/ui/full-screen.ts'];

export default function emitPlainNodeModules(): void {
  const options = buildOptions();
  const pending = ENTRIES.map((entry) => join(ROOT, entry));
  const done = new Set<string>();
  for (let source = pending.pop(); source !== undefined; source = pending.pop()) {
    if (done.has(source)) continue;
    done.add(source);
    const text = readFileSync(source, 'utf8');
    const { outputText } = ts.transpileModule(text, { compilerOptions: options, fileName: source });
    writeAtomically(join(options.outDir!, relative(options.rootDir!, source)).replace(/\.tsx?$/u, '.js'), outputText);
    pending.push(...localImports(source, text));
  }
}

/**
 * tsconfig.build.json's compiler options, paths resolved. One file alone does not tell NodeNext
 * that package.json makes it an ES module, as a whole build does: say so.
 */
function buildOptions(): ts.CompilerOptions {
  const fail = (diagnostic: ts.Diagnostic) => {
    throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, 'tsconfig.build.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: fail },
  );
  return { ...parsed!.options, module: ts.ModuleKind.ES2022 };
}

/** The sources of a module's relative imports: `./x.js` is written for `./x.ts` or `./x.tsx`. */
function localImports(source: string, text: string): string[] {
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map(({ fileName }) => fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => resolve(dirname(source), name).replace(/\.js$/u, ''))
    .map((base) => [`${base}.ts`, `${base}.tsx`].find((file) => existsSync(file)) ?? `${base}.ts`);
}

/** Another run of the tests may be reading the file: it sees the old one or the new one, whole. */
function writeAtomically(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}
