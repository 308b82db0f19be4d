// The "Backups" section: exporting and verifying a 1,000-account vault in airlock's format,
// against polkadot.js's one scrypt run per account; then polkadot.js batch files of many accounts.
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { built } from './built.mjs';
import { batchRead, batchWrite, DEV_PHRASE, medianOf } from './polkadot-js-batch.mjs';
import { ms, table, yesNo } from './report.mjs';
import { median } from './stats.mjs';
import { createSyntheticVault } from './synthetic-vault.mjs';

/** @type {typeof import('../src/vault/backup.js')} */
const { backupContent, writeBackup } = await built('vault/backup.js');

const PASSWORD = 'bench-password-not-a-secret';
/** @param {number} x */
const s = (x) => `${(x / 1000).toFixed(2)} s`;

/** `writeBackup` of a whole synthetic vault: seal, durable write, read back, decrypt, compare. */
async function airlockExport({ count = 1000, runs = 5 } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'airlock-bench-backup-'));
  try {
    const session = await createSyntheticVault(join(dir, 'vault.json'), PASSWORD, count);
    const content = backupContent(session.data);
    session.close();
    const password = new TextEncoder().encode(PASSWORD);
    const times = [];
    let bytes = 0;
    for (let i = 0; i <= runs; i++) {
      const start = performance.now();
      const receipt = await writeBackup(join(dir, `backup-${i}.json`), content, password);
      const wallMs = performance.now() - start;
      if (receipt.accounts.length !== count)
        throw new Error(`backup: expected ${count} accounts, got ${receipt.accounts.length}`);
      bytes = receipt.bytes;
      if (i > 0) times.push(wallMs); // the first run is a warm-up
    }
    return { count, runs, times, bytes };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `pair.toJson(password)` of @polkadot/keyring, one scrypt run per account, on a sample of accounts. */
async function polkadotJsToJson({ sample = 100 } = {}) {
  const { Keyring } = await import('@polkadot/keyring');
  const { cryptoWaitReady } = await import('@polkadot/util-crypto');
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519' });
  const pairs = Array.from({ length: sample }, (_, i) =>
    keyring.addFromUri(`${DEV_PHRASE}//${i}`, { name: `account-${i}` }),
  );
  const times = [];
  /** @type {number | undefined} scrypt's N, as the files say */
  let N;
  for (const pair of pairs) {
    const start = performance.now();
    const json = pair.toJson(PASSWORD);
    times.push(performance.now() - start);
    N ??= Buffer.from(json.encoded, 'base64').readUInt32LE(32);
  }
  return { sample, times, total: times.reduce((a, b) => a + b, 0), N: N ?? NaN };
}

export async function backups() {
  const load = loadavg()[0] ?? NaN;
  const airlock = await airlockExport();
  const theirs = await polkadotJsToJson();
  const write = await batchWrite();
  const read = await batchRead();
  const perAccount = median(theirs.times);
  const computed = perAccount * airlock.count;
  const [pool, one] = [medianOf(write.times.pool), medianOf(write.times.one)];
  const [lanes, serial] = [medianOf(read.times.lanes), medianOf(read.times.one)];
  const stall = Math.max(...write.times.pool.map((r) => r.stallMs));
  return `## Backups

The 1-minute load average when this section started was ${load.toFixed(2)}.

**airlock format.** \`writeBackup\` (\`dist/vault/backup.js\`) of a synthetic vault holding one mnemonic
identity and ${airlock.count.toLocaleString('en')} sr25519 accounts (a ${(airlock.bytes / 1024).toFixed(0)} KiB file): seal with one scrypt run, durable
write, read back, one more scrypt run, decrypt and compare. ${airlock.runs} runs after 1 warm-up.
Against it, polkadot.js's own account files cost one scrypt run each: \`pair.toJson(password)\` of
@polkadot/keyring (its default scrypt, N=2^${Math.log2(theirs.N)}), timed on a sample of ${theirs.sample} accounts
(the figure computed from it below shows why not all ${airlock.count.toLocaleString('en')}).

**polkadot.js batch.** \`encodeBatchJson\` writing the extension's "export all accounts" file of
${write.count.toLocaleString('en')} sr25519 accounts derived from one phrase at //0 … //${write.count - 1}: two scrypt runs in all, and
every key derived by polkadot.js's keyring in the key pool's worker threads, at its default size
(${write.pool} workers, one per core) and with one worker. ${write.runs} runs of each, alternating, after 1 warm-up.
Reading: \`decodeKeyFile\` of a batch of ${read.count} accounts, each sealed under its own salt as the
extension writes them (scrypt N=2^${Math.log2(read.N)}, built with airlock's cipher), so each costs one scrypt run:
${read.lanes} accounts at once (the default) against one at a time, ${read.runs} runs of each, alternating.

${table([
  [
    'airlock format, export + verify of ' + airlock.count.toLocaleString('en') + ' accounts, median / min',
    `${s(median(airlock.times))} / ${s(Math.min(...airlock.times))}`,
    '≤ 2 s',
    yesNo(median(airlock.times) <= 2000),
  ],
  [`polkadot.js \`toJson\`, measured sample of ${theirs.sample} accounts, total`, s(theirs.total), '—', '—'],
  ['polkadot.js `toJson`, per account, median', ms(perAccount), '—', '—'],
  [
    `polkadot.js \`toJson\` × ${airlock.count.toLocaleString('en')}, *computed* from the per-account median`,
    s(computed),
    '—',
    '—',
  ],
  [`polkadot-js-batch, ${write.count.toLocaleString('en')} accounts, ${write.pool} workers, median`, s(pool), '—', '—'],
  [`polkadot-js-batch, ${write.count.toLocaleString('en')} accounts, 1 worker, median`, s(one), '—', '—'],
  [`Speed-up of ${write.pool} workers over 1`, `${(one / pool).toFixed(2)}×`, '—', '—'],
  [`Longest event-loop delay while writing the batch with ${write.pool} workers`, ms(stall), '—', '—'],
  [`Reading a ${read.count}-account batch, own salts, ${read.lanes} at once, median`, s(lanes), '—', '—'],
  [`Reading a ${read.count}-account batch, own salts, one at a time, median`, s(serial), '—', '—'],
  [`Speed-up of ${read.lanes} at once over one at a time`, `${(serial / lanes).toFixed(2)}×`, '—', '—'],
])}`;
}
