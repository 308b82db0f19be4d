/**
 * Runs each input's commands against its own copy of one test vault, a few binaries at once,
 * and judges each run (verdict.ts).
 */
import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PASSWORD } from '../helpers/cli.js';
import { FILE_PASSWORD, type Command, type HostileInput } from './corpus/inputs.js';
import { measure } from './measure.js';
import { cleanRun, importedCount, judge, type Run, type VaultFiles } from './verdict.js';

/** Binaries running at once: the suite's wall time against the two cores CI has. */
export const CONCURRENCY = 3;

const ARGS: Record<Command, (path: string) => string[]> = {
  import: (path) => ['import', path],
  'import --dry-run': (path) => ['import', path, '--dry-run'],
  'qr read': (path) => ['qr', 'read', path],
};

/** What an import that added entries must leave working: the lists of what it added. */
const AFTER_IMPORT = [
  ['account', 'list'],
  ['address', 'list'],
];

/** A counting semaphore shared by every kind's test, so the whole suite keeps to CONCURRENCY. */
function limiter(size: number) {
  let free = size;
  const waiting: (() => void)[] = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (free > 0) free -= 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free += 1;
    }
  };
}

const slot = limiter(CONCURRENCY);

export interface Runner {
  /** A vault made once: vault.json and vault.json.bak in this folder. */
  templateDir: string;
  /** Where each run gets a folder of its own. */
  scratch: (name: string) => Promise<string>;
}

export function runInputs(inputs: readonly HostileInput[], runner: Runner): Promise<Run[]> {
  const jobs = inputs.flatMap((input) => input.commands.map((command) => ({ input, command })));
  return Promise.all(jobs.map(({ input, command }) => slot(() => runOne(input, command, runner))));
}

async function runOne(input: HostileInput, command: Command, { templateDir, scratch }: Runner): Promise<Run> {
  const dir = await scratch('run');
  const vaultDir = join(dir, 'vault');
  await mkdir(vaultDir);
  for (const name of await readdir(templateDir)) await copyFile(join(templateDir, name), join(vaultDir, name));
  const vault = join(vaultDir, 'vault.json');
  const env = { AIRLOCK_PASSWORD: PASSWORD, AIRLOCK_BACKUP_PASSWORD: input.password ?? FILE_PASSWORD };
  const before = await vaultFiles(vaultDir);
  const measured = await measure(ARGS[command](input.path), { vault, env, dir });
  const problems = judge(input, command, measured, before, await vaultFiles(vaultDir));
  if (command === 'import' && measured.code === 0 && (importedCount(measured) ?? 0) > 0) {
    problems.push(...(await afterImport(vault, dir)));
  }
  return { input, command, measured, problems };
}

/** After an import that added something, the vault must still list what it holds, cleanly. */
async function afterImport(vault: string, dir: string): Promise<string[]> {
  const problems: string[] = [];
  for (const args of AFTER_IMPORT) {
    const measured = await measure(args, { vault, env: { AIRLOCK_PASSWORD: PASSWORD }, dir });
    const found = cleanRun(measured);
    if (measured.code === 1 && found.length === 0) found.push(`refused: ${measured.stderr.trim().slice(0, 140)}`);
    problems.push(...found.map((problem) => `then \`${args.join(' ')}\`: ${problem}`));
  }
  return problems;
}

async function vaultFiles(dir: string): Promise<VaultFiles> {
  const files: VaultFiles = new Map();
  for (const name of (await readdir(dir)).sort()) files.set(name, await readFile(join(dir, name)));
  return files;
}
