/**
 * The hostile-input suite (`npm run test:hostile`): a corpus of a few hundred malformed
 * backups, key files, special paths and pictures, generated fresh from fixed seeds, each given
 * to the real binary (`import`, `import --dry-run`, `qr read`) against a copy of a real vault.
 * Every run must be a clean refusal or a clean success, within 15 s and 1 GiB, print nothing
 * unprintable, and leave the vault and its `.bak` as they were unless it imported something.
 * The figures go to test/hostile/.last-run.md (see summary.ts).
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { EnvelopeKey } from '../../src/vault/envelope.js';
import { OWNER, airlockOk, createVault } from '../helpers/cli.js';
import { createScratch } from '../helpers/files.js';
import { airlockBackupInputs } from './corpus/airlock-backups.js';
import { backupContentInputs } from './corpus/backup-content.js';
import type { HostileInput, Kind } from './corpus/inputs.js';
import { addressPicture, pictureInputs } from './corpus/pictures.js';
import { polkadotJsInputs } from './corpus/polkadot-js.js';
import { qrCodeInputs } from './corpus/qr-codes.js';
import { corpusKey, devKeys, type DevKeys } from './corpus/seal.js';
import { specialPathInputs } from './corpus/special-paths.js';
import { runInputs } from './run-inputs.js';
import { failureLines, summary } from './summary.js';
import type { Run } from './verdict.js';

const SUMMARY = fileURLToPath(new URL('./.last-run.md', import.meta.url));

let scratch: Awaited<ReturnType<typeof createScratch>>;
let templateDir = '';
let key: EnvelopeKey;
let keys: DevKeys;
let started = 0;
const runs: Run[] = [];

const KINDS: [Kind, (dir: string) => Promise<HostileInput[]>][] = [
  ['airlock backup', (dir) => airlockBackupInputs(dir, key, keys)],
  ['backup content', (dir) => backupContentInputs(dir, key, keys)],
  ['polkadot.js', polkadotJsInputs],
  ['special path', async (dir) => specialPathInputs(dir, await addressPicture())],
  ['picture', pictureInputs],
  ['qr code', qrCodeInputs],
];

beforeAll(async () => {
  scratch = await createScratch('hostile');
  // The vault every run gets a copy of: the dev identity, //Alice, and a .bak from its last write.
  templateDir = await scratch.dir('template');
  const vault = await createVault(join(templateDir, 'vault.json'), { devIdentity: true });
  await airlockOk(
    ['account', 'derive', '--identity', 'dev', '--name', 'alice', '--path', '//Alice', '--network', 'polkadot'],
    { vault, env: OWNER },
  );
  [key, keys] = await Promise.all([corpusKey(), devKeys()]);
  started = performance.now();
});

afterAll(async () => {
  if (runs.length > 0) {
    const text = summary(runs, performance.now() - started);
    await writeFile(SUMMARY, text);
    console.log(text);
  }
  // AIRLOCK_HOSTILE_KEEP=1 keeps the corpus, to run a failing input by hand.
  if (process.env.AIRLOCK_HOSTILE_KEEP) console.log(`corpus kept in ${scratch.root}`);
  // A run killed at its bound may still be closing its files.
  else if (scratch) await rm(scratch.root, { recursive: true, force: true, maxRetries: 5 });
});

describe.concurrent('hostile inputs to the real binary', () => {
  for (const [kind, make] of KINDS) {
    it(
      `${kind}: refused or taken cleanly, each within 15 s and 1 GiB, the vault unchanged`,
      { timeout: 30 * 60_000 },
      async () => {
        const inputs = await make(await scratch.dir(kind.replace(/\W+/gu, '-')));
        const done = await runInputs(inputs, { templateDir, scratch: (name) => scratch.dir(name) });
        runs.push(...done);
        const failures = failureLines(done);
        if (failures.length > 0) {
          throw new Error(
            `${failures.length} of ${inputs.length} ${kind} inputs failed (one line each: kind · input · command: what went wrong):\n${failures.join('\n')}`,
          );
        }
      },
    );
  }
});
