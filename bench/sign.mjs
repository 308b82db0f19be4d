// The "Signing" section: from a request read to the answer's QR code on screen, the password
// given (unlock with the vault's scrypt, decode, sign, draw), in-process on dist/ and as the whole
// `airlock sign` process; and what decoding a Polkadot transaction costs, with stored metadata
// (its parse included, in a fresh process and in a warm one) and with a metadata proof.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, signatureVerify } from '@polkadot/util-crypto';
import { built } from './built.mjs';
import { spawnTimed } from './spawn-timed.mjs';
import { ms, table, yesNo } from './report.mjs';
import {
  ALICE,
  DEV_PHRASE,
  METADATA_BYTES,
  METADATA_HEX,
  POLKADOT_GENESIS,
  signedBytes,
  signingRequests,
} from './sign-requests.mjs';
import { median } from './stats.mjs';

/** @type {typeof import('../src/vault/store.js')} */
const { VaultSession } = await built('vault/store.js');
/** @type {typeof import('../src/vault/actions.js')} */
const { deriveAccount, saveMnemonicIdentity } = await built('vault/actions.js');
/** @type {typeof import('../src/vault/kdf.js')} */
const { deriveKey, DEFAULT_SCRYPT } = await built('vault/kdf.js');
/** @type {typeof import('../src/sign/signing.js')} */
const { prepareSignature, signPrepared } = await built('sign/signing.js');
/** @type {typeof import('../src/sign/metadata-store.js')} */
const { addMetadata, loadMetadata } = await built('sign/metadata-store.js');
/** @type {typeof import('../src/sign/chain-metadata.js')} */
const { readChainMetadata } = await built('sign/chain-metadata.js');
/** @type {typeof import('../src/sign/decode-transaction.js')} */
const { decodeTransaction } = await built('sign/decode-transaction.js');
/** @type {typeof import('../src/sign/metadata-proof.js')} */
const { decodeProofTransaction } = await built('sign/metadata-proof.js');
/** @type {typeof import('../src/sign/proof-verify.js')} */
const { proofDigest, readProof } = await built('sign/proof-verify.js');
/** @type {typeof import('../src/sign/request.js')} */
const { parseSignRequest } = await built('sign/request.js');
/** @type {typeof import('../src/sign/chains.js')} */
const { chainOfGenesis } = await built('sign/chains.js');
/** @type {typeof import('../src/sign/names.js')} */
const { nameLookup } = await built('sign/names.js');
/** @type {typeof import('../src/qr/show.js')} */
const { QrShow } = await built('qr/show.js');
/** @type {typeof import('../src/qr/screen-text.js')} */
const { screenText } = await built('qr/screen-text.js');

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = pathToFileURL(join(ROOT, 'dist')).href;
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const PASSWORD = 'bench-password-not-a-secret';
const SCREEN = { columns: 80, rows: 24 };
const RUNS = 7;
const PROCESS_RUNS = 5;
const GOAL_MS = 1000;

/** @typedef {ReturnType<typeof signingRequests>[number]} Scenario */
/** @typedef {import('../src/vault/store.js').VaultSession} Session */

const now = () => performance.now();

/**
 * Times an async function `runs` times after one untimed run; `before` runs untimed before each.
 * @template T
 * @param {number} runs
 * @param {() => Promise<T> | T} fn
 * @param {() => unknown} [before]
 */
async function timed(runs, fn, before = () => {}) {
  const times = [];
  for (let i = 0; i <= runs; i++) {
    await before();
    const start = now();
    await fn();
    if (i > 0) times.push(now() - start);
  }
  return times;
}

/** The vault as `airlock init` writes it (DEFAULT_SCRYPT), with //Alice and Polkadot's V15 metadata kept beside it. */
async function createVault(/** @type {string} */ dir) {
  const path = join(dir, 'vault.json');
  const session = await VaultSession.create(path, new TextEncoder().encode(PASSWORD));
  try {
    await saveMnemonicIdentity(session, 'dev', DEV_PHRASE);
    await deriveAccount(session, {
      identity: 'dev',
      name: 'alice',
      type: 'sr25519',
      path: '//Alice',
      network: 'polkadot',
    });
    const { record } = await addMetadata(session, new TextEncoder().encode(METADATA_HEX), 'polkadot-v15.hex');
    return { path, record };
  } finally {
    session.close();
  }
}

/**
 * Makes the next read of the stored metadata a parse: the cache keeps the last metadata read,
 * so reading other bytes (the same metadata with one byte of a documentation string changed) evicts it.
 */
function evictor() {
  const other = METADATA_BYTES.slice();
  const at = Buffer.from(other).indexOf('The ');
  other[at] = 'U'.charCodeAt(0);
  return () => readChainMetadata(other);
}

/**
 * One signature from the request's bytes to the answer's screen: unlock, prepare, sign, draw.
 * @param {string} vault
 * @param {Scenario} scenario
 */
async function signOnce(vault, scenario) {
  const t0 = now();
  const session = await VaultSession.unlock(vault, new TextEncoder().encode(PASSWORD));
  const t1 = now();
  try {
    const prepared = await prepareSignature(scenario.request, session);
    const t2 = now();
    const { signature, qrText } = await signPrepared(prepared, session);
    const t3 = now();
    const show = new QrShow({ kind: 'text', text: qrText, label: `Signature by ${prepared.account.name}` });
    show.resize(SCREEN);
    const lines = show.lines({ paused: false, fps: 1 });
    const screen = screenText(lines);
    const t4 = now();
    check(scenario, prepared, signature, lines, screen);
    return { total: t4 - t0, unlock: t1 - t0, prepare: t2 - t1, sign: t3 - t2, qr: t4 - t3 };
  } finally {
    session.close();
  }
}

/**
 * @param {Scenario} scenario
 * @param {Awaited<ReturnType<typeof prepareSignature>>} prepared
 * @param {string} signature
 * @param {string[]} lines
 * @param {string} screen
 */
function check(scenario, prepared, signature, lines, screen) {
  const call = prepared.transaction?.call;
  if (`${call?.pallet}.${call?.name}` !== scenario.call || prepared.checkedBy !== scenario.checkedBy)
    throw new Error(`${scenario.name}: shown as ${call?.pallet}.${call?.name}, ${prepared.checkedBy}`);
  if (!signatureVerify(signedBytes(scenario.payload), hexToU8a(signature), ALICE).isValid)
    throw new Error(`${scenario.name}: the signature does not verify`);
  if (lines.length !== SCREEN.rows || !screen.includes('▀'))
    throw new Error(`${scenario.name}: no QR code drawn at ${SCREEN.columns}×${SCREEN.rows}`);
}

/**
 * The pipeline of each request, alternating, each run with the metadata cache emptied: a first request in a process.
 * @param {string} vault
 * @param {Scenario[]} scenarios
 */
async function pipelines(vault, scenarios) {
  const evict = evictor();
  /** @type {Map<string, Awaited<ReturnType<typeof signOnce>>[]>} */
  const results = new Map(scenarios.map((s) => [s.name, []]));
  for (let run = 0; run <= RUNS; run++)
    for (const scenario of scenarios) {
      evict();
      const result = await signOnce(vault, scenario);
      if (run > 0) results.get(scenario.name)?.push(result);
    }
  return results;
}

/**
 * The parts of a stored-metadata signature timed alone, and the metadata read and parsed while scrypt runs.
 * @param {string} vault
 * @param {import('../src/vault/model.js').MetadataRecord} record
 * @param {Scenario[]} scenarios
 */
async function parts(vault, record, scenarios) {
  const evict = evictor();
  const session = await VaultSession.unlock(vault, new TextEncoder().encode(PASSWORD));
  try {
    const { data } = session;
    const password = new TextEncoder().encode(PASSWORD);
    const load = () => loadMetadata(data, vault, record.genesisHash, record.specVersion);
    const bytes = await load();
    const chain = chainOfGenesis(POLKADOT_GENESIS, data.metadata);
    if (!chain) throw new Error('Polkadot is not known');
    const nameOf = nameLookup(data);
    /** @param {Scenario} s */
    const decode = (s) =>
      decodeTransaction({
        metadata: bytes,
        payload: parseSignRequest(s.request).payload,
        genesisHash: POLKADOT_GENESIS,
        chain,
        nameOf,
      });
    const [transfer, batch, proven] = scenarios;
    if (!transfer || !batch || !proven) throw new Error('three requests expected');
    const proofPayload = parseSignRequest(proven.request).payload;
    const scrypt = () => deriveKey(password, new Uint8Array(randomBytes(32)), DEFAULT_SCRYPT);
    const readAndParse = async () => readChainMetadata(await load());
    return {
      scrypt: await timed(RUNS, scrypt),
      read: await timed(RUNS, load),
      parse: await timed(RUNS, () => readChainMetadata(bytes), evict),
      coldTransfer: await timed(RUNS, () => decode(transfer), evict),
      warmTransfer: await timed(RUNS, () => decode(transfer)),
      warmBatch: await timed(RUNS, () => decode(batch)),
      proofVerify: await timed(RUNS, () => proofDigest(readProof(proofPayload).proof)),
      proofDecode: await timed(RUNS, () =>
        decodeProofTransaction({ payload: proofPayload, genesisHash: POLKADOT_GENESIS, nameOf }),
      ),
      overlapped: await timed(RUNS, () => Promise.all([scrypt(), readAndParse()]), evict),
    };
  } finally {
    session.close();
  }
}

/**
 * A first decode in a fresh process (the modules imported first, timed apart), then a second one.
 * @param {'stored' | 'proof'} kind
 * @param {string} metadataFile
 * @param {string} requestFile
 */
function coldProcessScript(kind, metadataFile, requestFile) {
  return `
const t0 = performance.now();
const { readFile } = await import('node:fs/promises');
const { parseSignRequest } = await import('${DIST}/sign/request.js');
const { decodeTransaction } = await import('${DIST}/sign/decode-transaction.js');
const { decodeProofTransaction } = await import('${DIST}/sign/metadata-proof.js');
const { knownChainOfGenesis } = await import('${DIST}/sign/chains.js');
const t1 = performance.now();
// A Uint8Array of its own, as airlock reads a request: a Buffer's slice() would share the bytes beneath.
const request = parseSignRequest(new Uint8Array(Buffer.from((await readFile(${JSON.stringify(requestFile)}, 'utf8')).trim().slice(2), 'hex')));
const nameOf = () => undefined;
const decode = async () => ${
    kind === 'stored'
      ? `decodeTransaction({ metadata: new Uint8Array(await readFile(${JSON.stringify(metadataFile)})), payload: request.payload, genesisHash: request.genesisHash, chain: knownChainOfGenesis(request.genesisHash), nameOf })`
      : `decodeProofTransaction({ payload: request.payload, genesisHash: request.genesisHash, nameOf })`
  };
const t2 = performance.now();
const first = await decode();
const t3 = performance.now();
await decode();
const t4 = performance.now();
if (first.transaction ? first.transaction.call.name !== 'transfer_keep_alive' : first.call.name !== 'transfer_keep_alive') throw new Error('another call');
process.stdout.write(JSON.stringify({ imports: t1 - t0, first: t3 - t2, second: t4 - t3 }));
`;
}

/**
 * One signature as the first of a fresh process, after its modules are imported (timed apart).
 * @param {string} vault
 * @param {string} requestFile
 */
function firstSignatureScript(vault, requestFile) {
  return `
const t0 = performance.now();
const { readFile } = await import('node:fs/promises');
const { VaultSession } = await import('${DIST}/vault/store.js');
const { prepareSignature, signPrepared, warmUp } = await import('${DIST}/sign/signing.js');
const { QrShow } = await import('${DIST}/qr/show.js');
const { screenText } = await import('${DIST}/qr/screen-text.js');
const request = new Uint8Array(Buffer.from((await readFile(${JSON.stringify(requestFile)}, 'utf8')).trim().slice(2), 'hex'));
const t1 = performance.now();
// As airlock sign does: the metadata parsed and the keyring loaded while scrypt runs.
const warming = warmUp(${JSON.stringify(vault)}, request);
const session = await VaultSession.unlock(${JSON.stringify(vault)}, new TextEncoder().encode(${JSON.stringify(PASSWORD)}));
await warming;
const t2 = performance.now();
const prepared = await prepareSignature(request, session);
const t3 = performance.now();
const { signature, qrText } = await signPrepared(prepared, session);
const t4 = performance.now();
const show = new QrShow({ kind: 'text', text: qrText, label: 'Signature by ' + prepared.account.name });
show.resize(${JSON.stringify(SCREEN)});
const screen = screenText(show.lines({ paused: false, fps: 1 }));
const t5 = performance.now();
session.close();
if (!screen.includes('▀')) throw new Error('no QR code drawn');
process.stdout.write(JSON.stringify({ imports: t1 - t0, unlock: t2 - t1, prepare: t3 - t2, sign: t4 - t3, qr: t5 - t4, total: t5 - t1, signature }));
`;
}

/**
 * The first signature of fresh processes, PROCESS_RUNS of each request, alternating.
 * @param {string} vault
 * @param {Scenario[]} scenarios
 * @param {Record<string, string>} requestFiles
 */
async function firstSignatures(vault, scenarios, requestFiles) {
  /** @typedef {{ imports: number, unlock: number, prepare: number, sign: number, qr: number, total: number, signature: string }} First */
  /** @type {Map<string, First[]>} */
  const results = new Map(scenarios.map((s) => [s.name, []]));
  for (let i = 0; i < PROCESS_RUNS; i++)
    for (const scenario of scenarios) {
      const { stdout } = await spawnTimed([
        '--input-type=module',
        '-e',
        firstSignatureScript(vault, requestFiles[scenario.name] ?? ''),
      ]);
      /** @type {unknown} */
      const parsed = JSON.parse(stdout);
      const first = /** @type {First} */ (parsed);
      if (!signatureVerify(signedBytes(scenario.payload), hexToU8a(first.signature), ALICE).isValid)
        throw new Error(`${scenario.name}: the first signature of a process does not verify`);
      results.get(scenario.name)?.push(first);
    }
  return results;
}

/**
 * The first decode of fresh processes, PROCESS_RUNS of each kind, alternating.
 * @param {string} metadataFile
 * @param {{ stored: string, proof: string }} requestFiles
 */
async function coldProcesses(metadataFile, requestFiles) {
  /** @type {Record<'stored' | 'proof', { imports: number, first: number, second: number }[]>} */
  const results = { stored: [], proof: [] };
  for (let i = 0; i < PROCESS_RUNS; i++)
    for (const kind of /** @type {const} */ (['stored', 'proof'])) {
      const script = coldProcessScript(kind, metadataFile, requestFiles[kind]);
      const { stdout } = await spawnTimed(['--input-type=module', '-e', script]);
      /** @type {unknown} */
      const times = JSON.parse(stdout);
      results[kind].push(/** @type {{ imports: number, first: number, second: number }} */ (times));
    }
  return results;
}

/**
 * `airlock sign --request FILE --yes --out FILE` of each request, alternating, after one warm-up each.
 * @param {string} vault
 * @param {Scenario[]} scenarios
 * @param {Record<string, string>} requestFiles
 * @param {string} dir
 */
async function commands(vault, scenarios, requestFiles, dir) {
  /** @type {Map<string, number[]>} */
  const times = new Map([...scenarios.map((s) => s.name), 'list'].map((name) => [name, []]));
  for (let i = 0; i <= PROCESS_RUNS; i++) {
    // The same start-up and unlock with nothing decoded nor signed, for comparison.
    const list = await spawnTimed([CLI, 'account', 'list', '--vault', vault], { AIRLOCK_PASSWORD: PASSWORD });
    if (!list.stdout.includes('alice')) throw new Error('airlock account list: alice is not listed');
    if (i > 0) times.get('list')?.push(list.wallMs);
    for (const scenario of scenarios) {
      const out = join(dir, `signature-${scenario.name}-${i}.txt`);
      const args = [
        CLI,
        'sign',
        '--vault',
        vault,
        '--request',
        requestFiles[scenario.name] ?? '',
        '--yes',
        '--out',
        out,
      ];
      const { wallMs } = await spawnTimed(args, { AIRLOCK_PASSWORD: PASSWORD });
      const signature = (await readFile(out, 'utf8')).trim();
      if (!signatureVerify(signedBytes(scenario.payload), hexToU8a(signature), ALICE).isValid)
        throw new Error(`airlock sign: the signature of ${scenario.name} does not verify`);
      if (i > 0) times.get(scenario.name)?.push(wallMs);
    }
  }
  return times;
}

/** @param {number[]} xs */
const medMin = (xs) => `${ms(median(xs))} (${ms(Math.min(...xs))})`;

/**
 * @template T
 * @param {Map<string, T>} map
 * @param {string} key
 * @returns {T}
 */
function get(map, key) {
  const value = map.get(key);
  if (value === undefined) throw new Error(`nothing measured for ${key}`);
  return value;
}

export async function signingBenchmarks() {
  await cryptoWaitReady();
  const load = loadavg()[0] ?? NaN;
  const started = now();
  const dir = await mkdtemp(join(tmpdir(), 'airlock-bench-sign-'));
  try {
    const { path: vault, record } = await createVault(dir);
    const scenarios = signingRequests();
    /** @type {Record<string, string>} */
    const requestFiles = {};
    for (const s of scenarios) {
      requestFiles[s.name] = join(dir, `${s.name}.hex`);
      await writeFile(requestFiles[s.name] ?? '', `${u8aToHex(s.request)}\n`);
    }
    const metadataFile = join(`${vault}.metadata`, record.file);
    const piped = await pipelines(vault, scenarios);
    const part = await parts(vault, record, scenarios);
    const firsts = await firstSignatures(vault, scenarios, requestFiles);
    const fresh = await coldProcesses(metadataFile, {
      stored: requestFiles.transfer ?? '',
      proof: requestFiles.proof ?? '',
    });
    const cli = await commands(vault, scenarios, requestFiles, dir);
    const seconds = (now() - started) / 1000;
    return section({
      load,
      loadAfter: loadavg()[0] ?? NaN,
      seconds,
      record,
      scenarios,
      piped,
      firsts,
      part,
      fresh,
      cli,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * @param {{
 *   load: number, loadAfter: number, seconds: number,
 *   record: import('../src/vault/model.js').MetadataRecord,
 *   scenarios: Scenario[],
 *   piped: Awaited<ReturnType<typeof pipelines>>,
 *   firsts: Awaited<ReturnType<typeof firstSignatures>>,
 *   part: Awaited<ReturnType<typeof parts>>,
 *   fresh: Awaited<ReturnType<typeof coldProcesses>>,
 *   cli: Awaited<ReturnType<typeof commands>>,
 * }} m
 */
function section({ load, loadAfter, seconds, record, scenarios, piped, firsts, part, fresh, cli }) {
  const { N, r, p } = DEFAULT_SCRYPT;
  const mib = (record.size / 1024 / 1024).toFixed(2);
  /** @param {string} name @param {'total' | 'unlock' | 'prepare' | 'sign' | 'qr'} key */
  const of = (name, key) => get(piped, name).map((x) => x[key]);
  /** @param {string} name @param {'total' | 'unlock' | 'prepare' | 'sign' | 'qr' | 'imports'} key */
  const firstOf = (name, key) => get(firsts, name).map((x) => x[key]);
  const pipelineRows = scenarios.flatMap((s) => [
    [
      `${s.label}: request to answer on screen, median (min)`,
      medMin(of(s.name, 'total')),
      '≤ 1 s',
      yesNo(median(of(s.name, 'total')) <= GOAL_MS),
    ],
    [
      `… of which unlock / prepare (parse, find the account, decode) / sign (derive the key, sign) / QR code, medians`,
      ['unlock', 'prepare', 'sign', 'qr'].map((k) => ms(median(of(s.name, /** @type {'unlock'} */ (k))))).join(' / '),
      '—',
      '—',
    ],
    [
      `${s.label}: the first signature of a fresh process, median (min)`,
      medMin(firstOf(s.name, 'total')),
      '≤ 1 s',
      yesNo(median(firstOf(s.name, 'total')) <= GOAL_MS),
    ],
    [
      `… of which unlock / prepare / sign / QR code, medians; the modules' import before it`,
      `${['unlock', 'prepare', 'sign', 'qr'].map((k) => ms(median(firstOf(s.name, /** @type {'unlock'} */ (k))))).join(' / ')}; ${ms(median(firstOf(s.name, 'imports')))}`,
      '—',
      '—',
    ],
  ]);
  /** @param {'stored' | 'proof'} kind @param {'imports' | 'first' | 'second'} key */
  const freshOf = (kind, key) => fresh[kind].map((x) => x[key]);
  const partRows = [
    [`scrypt alone (N=2^${Math.log2(N)}, r=${r}, p=${p}), median (min)`, medMin(part.scrypt)],
    [`Metadata file read and checked against the vault's SHA-256 (${mib} MiB)`, medMin(part.read)],
    [
      'Metadata parsed (`@polkadot/types` `Metadata`, then the shapes the decoder walks), fresh cache',
      medMin(part.parse),
    ],
    ['Decoding the transfer with stored metadata, parse included, fresh cache', medMin(part.coldTransfer)],
    [
      'Decoding the transfer with stored metadata, warm (the same metadata read just before)',
      medMin(part.warmTransfer),
    ],
    ['Decoding the `batchAll` with stored metadata, warm', medMin(part.warmBatch)],
    [
      'Decoding the transfer in a fresh process: the first decode, file read and parse included',
      medMin(freshOf('stored', 'first')),
    ],
    ['… the second decode in that process', medMin(freshOf('stored', 'second'))],
    ['… importing the decoder before it (`@polkadot/types` included)', medMin(freshOf('stored', 'imports'))],
    ['Proof read and verified (its Merkle root and the metadata hash it stands for)', medMin(part.proofVerify)],
    ['Proof verified and the transfer decoded from its types', medMin(part.proofDecode)],
    [
      '… the same in a fresh process, first / second time',
      `${ms(median(freshOf('proof', 'first')))} / ${ms(median(freshOf('proof', 'second')))}`,
    ],
    [
      'scrypt and the metadata read and parsed at once (scrypt on the thread pool, the parse on the main thread), fresh cache',
      medMin(part.overlapped),
    ],
    [
      '`airlock account list` of the same vault: start-up and unlock, nothing decoded nor signed, whole process',
      medMin(get(cli, 'list')),
    ],
    ...scenarios.map((s) => [
      `\`airlock sign --request FILE --yes --out FILE\`, ${s.label}: whole process, median (min)`,
      medMin(get(cli, s.name)),
    ]),
  ].map((row) => [...row, '—', '—']);
  return `## Signing

The 1-minute load average was ${load.toFixed(2)} when this section started and ${loadAfter.toFixed(2)} when it ended, ${seconds.toFixed(0)} s later.

A vault as \`airlock init\` writes it (\`VaultSession.create\`, scrypt N=2^${Math.log2(N)}, r=${r}, p=${p}) holding the development
phrase, its sr25519 //Alice for Polkadot, and Polkadot's V15 metadata (spec ${record.specVersion}, ${mib} MiB) kept beside it by
\`addMetadata\`, what \`airlock metadata add\` runs. Three requests, made as the senders make them: the calls and payloads by
\`@polkadot/types\` from the metadata \`@polkadot/types-support\` ships, the requests by polkadot.js's \`createSignPayload\`, the
proof by \`@polkadot-api/merkleize-metadata\`: ${scenarios.map((s) => s.label).join('; ')}.

**Request to answer on screen**, in-process on \`dist/\`, the password given: \`VaultSession.unlock\` (read the file, scrypt, decrypt),
\`prepareSignature\` (parse the request, find the account, read the stored metadata and check it against the vault's hash,
parse it, decode; or verify the proof and decode from it), \`signPrepared\`, and the answer's QR code as \`airlock sign\` draws it
(\`QrShow\` of the answer's text fitted to ${SCREEN.columns}×${SCREEN.rows}, its lines, \`screenText\`). ${RUNS} runs of each after one
warm-up, the three alternating; before each, the decoder's cache of the last metadata read is emptied, so every run parses the
metadata as the first request of a process does, though with its code compiled by then. The first signature of a fresh
process (\`node -e\` importing \`dist/\`, the import timed apart, then the same steps once), ${PROCESS_RUNS} processes of each request,
is what \`airlock sign\` does, and the app for its first request. Every run checks the call shown, that the signature verifies
(\`signatureVerify\` of \`@polkadot/util-crypto\`) and that a code was drawn.

${table(pipelineRows)}

**Its parts, and decoding**, each timed alone, ${RUNS} runs after one warm-up; in a fresh process (\`node -e\` importing
\`dist/\`), ${PROCESS_RUNS} processes of each kind. \`airlock sign\` is the built command (\`node dist/cli/main.js\`) with the
password in \`AIRLOCK_PASSWORD\`, ${PROCESS_RUNS} runs of each request after one warm-up, alternating with \`airlock account list\`, its signature read from \`--out\` and verified.

${table(partRows)}${whereTimeGoes(
    part,
    (key) => median(of('transfer', key)),
    (key) => median(firstOf('transfer', key)),
    median(of('proof', 'total')),
  )}${processGap(cli, fresh, part)}`;
}

/**
 * Where the time of a stored-metadata signature goes, and what reading the metadata during scrypt saved when measured.
 * @param {Awaited<ReturnType<typeof parts>>} part
 * @param {(key: 'total' | 'unlock' | 'prepare' | 'sign' | 'qr') => number} transfer medians of the transfer's pipeline
 * @param {(key: 'total' | 'unlock' | 'prepare' | 'sign' | 'qr' | 'imports') => number} first medians of its first signature in a process
 * @param {number} proofTotal
 */
function whereTimeGoes(part, transfer, first, proofTotal) {
  const scrypt = median(part.scrypt);
  const readParse = median(part.read) + median(part.parse);
  const overlapped = median(part.overlapped);
  const saved = scrypt + readParse - overlapped;
  return `

Where the time goes, for the transfer with stored metadata: the unlock, ${ms(transfer('unlock'))}, is scrypt (${ms(scrypt)} alone);
preparing, ${ms(transfer('prepare'))}, is almost all the metadata's parse (read and checked ${ms(median(part.read))}, parsed ${ms(median(part.parse))},
the decode itself under ${ms(Math.ceil(median(part.warmTransfer)))} once parsed); signing, ${ms(transfer('sign'))}, derives the key from the phrase and signs; the QR
code takes ${ms(transfer('qr'))}. With a proof there is no metadata to parse, and the whole, ${ms(proofTotal)}, is the unlock's scrypt and little else.
In a fresh process, the first signature's preparing took ${ms(first('prepare'))} and its signing ${ms(first('sign'))} after the unlock.
Measured as \`airlock sign\` runs them: the newest metadata kept for the request's chain (its folder beside the vault is not
encrypted) is read and parsed, and the keyring loaded, while scrypt runs on libuv's thread pool (\`warmUp\`), and the file is
checked against the vault's SHA-256 once the vault is open; the unlock above includes that. Measured apart (the row above),
scrypt and the metadata's read and parse took ${ms(overlapped)} at once against ${ms(scrypt + readParse)} in turn,
${saved > 0 ? `${ms(saved)} less` : 'no less'}: such a saving needs a core free for the parse while scrypt holds the other.`;
}

/**
 * Why the whole process takes longer than the request-to-answer pipeline.
 * @param {Awaited<ReturnType<typeof commands>>} cli
 * @param {Awaited<ReturnType<typeof coldProcesses>>} fresh
 * @param {Awaited<ReturnType<typeof parts>>} part
 */
function processGap(cli, fresh, part) {
  const sign = median(get(cli, 'transfer'));
  const list = median(get(cli, 'list'));
  const imports = median(fresh.stored.map((x) => x.imports));
  const first = median(fresh.stored.map((x) => x.first));
  return `

The whole \`airlock sign\` of the transfer took ${ms(sign - list)} more than \`airlock account list\` of the same vault, which starts
and unlocks the same way. In a fresh process, importing the decoder (\`@polkadot/types\` with it) took ${ms(imports)}, and the
first decode ${ms(first)} (the parse included, its code not yet compiled) against ${ms(median(part.coldTransfer))} in a process that has decoded
before. \`airlock sign\` imports the decoder when the command starts, before it reads the request, so the import is not between
the last frame read and the answer; the first decode's parse runs while scrypt does.`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await signingBenchmarks());
