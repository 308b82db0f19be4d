/**
 * End to end: `airlock ledger scan | show | recover` as the real binary, against the emulated
 * Polkadot app behind the real Speculos transport (test/helpers/ledger-emulator.ts).
 */
import { execFile, execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ed25519PairFromSeed } from '@polkadot/util-crypto/ed25519/pair/fromSeed';
import { hdLedger } from '@polkadot/util-crypto/hd/ledger';
import { encodeAddress } from '@polkadot/util-crypto/address/encode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import vectors from '../fixtures/ledger-hd-vectors.json' with { type: 'json' };
import {
  AIRLOCK_BIN,
  OWNER,
  type RunResult,
  airlockJson,
  airlockOk,
  copyVault,
  createVault,
  expectCleanFailure,
  expectUsageError,
  minimalEnv,
  runAirlock,
  runAirlockInTerminal,
} from '../helpers/cli.js';
import { createScratch } from '../helpers/files.js';
import { startLedgerEmulator, SW, type LedgerEmulator } from '../helpers/ledger-emulator.js';

const WORDS = vectors.mnemonics.MNE_1; // 24 words, as a Ledger has
const PASSPHRASE_VECTOR = vectors.vectors.find((v) => v.passphrase === 'testing')!;
const PATHS = ["m/44'/354'/0'/0'/0'", "m/44'/354'/1'/0'/0'", "m/44'/354'/2'/0'/0'"];
const hex = (bytes: Uint8Array) => `0x${Buffer.from(bytes).toString('hex')}`;
const deviceKey = (path: string) => hex(hdLedger(WORDS, path).publicKey);

interface LedgerView {
  name: string | null;
  address: string;
  publicKey: string;
  type: string;
  path: string;
  network: string;
  ss58Prefix: number;
  identity: string | null;
  account: number;
  index: number;
}

let emulator: LedgerEmulator;
let scratch: Awaited<ReturnType<typeof createScratch>>;
let template = '';

beforeAll(async () => {
  emulator = await startLedgerEmulator({ mnemonic: WORDS });
  scratch = await createScratch('ledger');
  template = await createVault(join(await scratch.dir('template'), 'vault.json'));
});
afterAll(async () => {
  await emulator?.close();
  await scratch?.remove();
});

const fresh = async () => copyVault(template, await scratch.dir());
/** The emulator as the device is now; tests that change it run one at a time (the default in a file). */
const device = (change: Parameters<LedgerEmulator['behave']>[0] = {}) => {
  emulator.behave({ status: undefined, reject: false, silent: false, ...change });
  return ['--transport', emulator.transport];
};

describe('airlock ledger scan', () => {
  it('prints the table as the device answers: the addresses hdLedger gives', async () => {
    const { stdout, stderr } = await airlockOk([
      'ledger',
      'scan',
      ...device(),
      '--accounts',
      '3',
      '--network',
      'polkadot',
    ]);
    expect(stderr).toBe('');
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ACCOUNT\s+PATH\s+ADDRESS\s+PUBLIC KEY$/u);
    expect(lines.slice(1).map((l) => l.split(/\s+/u))).toEqual(
      PATHS.map((path, account) => [String(account), path, encodeAddress(deviceKey(path), 0), deviceKey(path)]),
    );
  });

  it('--json: one document of account objects, nothing on stderr without a terminal, other address indices on request', async () => {
    const { stdout, stderr } = await airlockOk([
      'ledger',
      'scan',
      ...device(),
      '--accounts',
      '2',
      '--index',
      '4',
      '--json',
    ]);
    const paths = ["m/44'/354'/0'/0'/4'", "m/44'/354'/1'/0'/4'"];
    expect(JSON.parse(stdout)).toEqual(
      paths.map((path, account) => ({
        name: null,
        address: encodeAddress(deviceKey(path), 42),
        publicKey: deviceKey(path),
        type: 'ed25519',
        path,
        network: 'substrate',
        ss58Prefix: 42,
        identity: null,
        account,
        index: 4,
      })),
    );
    // Progress is for a person at a terminal; a script reading stderr gets only a failure's JSON.
    expect(stderr).toBe('');
  });

  it('--save keeps public keys only, as a ledger identity that account list shows', async () => {
    const vault = await fresh();
    const saved = await airlockJson<LedgerView[]>(
      ['ledger', 'scan', ...device(), '--accounts', '2', '--network', 'kusama', '--save', 'nano'],
      { vault, env: OWNER },
    );
    expect(saved.map((a) => [a.name, a.identity])).toEqual([
      ['nano-0', 'nano'],
      ['nano-1', 'nano'],
    ]);
    const accounts = await airlockJson<LedgerView[]>(['account', 'list'], { vault, env: OWNER });
    expect(accounts).toEqual(
      PATHS.slice(0, 2).map((path, i) => ({
        name: `nano-${i}`,
        address: encodeAddress(deviceKey(path), 2),
        publicKey: deviceKey(path),
        type: 'ed25519',
        path,
        network: 'kusama',
        ss58Prefix: 2,
        identity: 'nano',
      })),
    );
    expect(await airlockJson(['identity', 'list'], { vault, env: OWNER })).toMatchObject([
      { name: 'nano', kind: 'ledger', accounts: 2 },
    ]);
    // A name already taken is refused before the device is asked anything.
    const asked = emulator.apdus.length;
    expectCleanFailure(
      await runAirlock(['ledger', 'scan', ...device(), '--save', 'nano'], { vault, env: OWNER }),
      /an identity named "nano" already exists/,
    );
    expect(emulator.apdus.length).toBe(asked);
  });
});

describe('airlock ledger show', () => {
  it('has the device display the address, and says when it was approved', async () => {
    emulator.shown.length = 0;
    const { stdout } = await airlockOk(['ledger', 'show', ...device(), '--account', '1', '--network', 'polkadot']);
    const address = encodeAddress(deviceKey(PATHS[1]!), 0);
    expect(stdout).toContain(`then approve there: ${address}\n`);
    expect(stdout).toContain(`Approved on the Ledger: ${address} (${PATHS[1]}).`);
    expect(emulator.shown).toEqual([PATHS[1]]);
  });
});

describe('airlock ledger errors: one line each, exit 1', () => {
  it.each([
    ['locked', { status: SW.LOCKED }, /^airlock: the Ledger is locked; unlock it/],
    [
      'another app open (0x6e01)',
      { status: SW.APP_NOT_OPEN },
      /^airlock: the Polkadot app is not open on the Ledger; open the Polkadot app/,
    ],
    [
      'another app open (0x6d00)',
      { status: SW.INS_NOT_SUPPORTED },
      /^airlock: the Polkadot app is not open on the Ledger/,
    ],
    ['a device that never answers', { silent: true }, /^airlock: the Ledger did not answer within 0.5 s; /],
  ])('%s', async (_label, behaviour, message) => {
    expectCleanFailure(await runAirlock(['ledger', 'scan', ...device(behaviour), '--timeout', '0.5']), message);
  });

  it('rejected on the device', async () => {
    expectCleanFailure(
      await runAirlock(['ledger', 'show', ...device({ reject: true })]).then(dropProgress),
      /^airlock: rejected on the Ledger; /,
    );
    // Under --json without a terminal, stderr is the error object alone.
    const json = await runAirlock(['ledger', 'show', ...device({ reject: true }), '--json']);
    expect(json.code).toBe(1);
    expect(json.stdout).toBe('');
    expect(JSON.parse(json.stderr)).toMatchObject({ error: { code: 'ledger', message: 'rejected on the Ledger' } });
  });

  it('emulator not reachable', async () => {
    const port = await closedPort();
    expectCleanFailure(
      await runAirlock(['ledger', 'scan', '--transport', `speculos://127.0.0.1:${port}`]),
      `airlock: the Speculos emulator at 127.0.0.1:${port} is not reachable (ECONNREFUSED); start it`,
    );
  });

  it('no Ledger on USB (this machine has none)', async () => {
    expectCleanFailure(
      await runAirlock(['ledger', 'scan']),
      /^airlock: no Ledger found on USB; connect it, unlock it and open the Polkadot app/,
    );
  });

  it('libusb missing: says what to install (libusb hidden from the binary in a private mount namespace)', async () => {
    const libusb = /libusb-1\.0\.so\.0 \(.*\) => (\S+)/u.exec(
      execFileSync('ldconfig', ['-p'], { encoding: 'utf8' }),
    )?.[1];
    expect(libusb, 'libusb-1.0-0 is installed here (.ci/run installs it)').toBeDefined();
    const script = 'mount --bind /dev/null "$1" && exec "$2" "$3" ledger scan';
    const result = await new Promise<RunResult>((resolve) => {
      execFile(
        'unshare',
        ['-rm', 'sh', '-c', script, 'sh', libusb!, process.execPath, AIRLOCK_BIN],
        { env: minimalEnv() },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, signal: null, stdout, stderr }),
      );
    });
    expectCleanFailure(
      result,
      /^airlock: the USB library libusb cannot be loaded \(.*libusb-1\.0\.so\.0.*\); install it \(Debian\/Ubuntu: apt-get install libusb-1\.0-0/u,
    );
  });

  it('a transport that is neither is a usage error', async () => {
    expectUsageError(await runAirlock(['ledger', 'scan', '--transport', 'bluetooth']), /unknown transport "bluetooth"/);
  });
});

describe('airlock ledger recover', () => {
  it('derives the addresses the device gives, from the words on stdin, and says it is now a software wallet', async () => {
    const vault = await fresh();
    const { stderr, stdout } = await airlockOk(['ledger', 'recover', '--name', 'lost', '--accounts', '3'], {
      vault,
      env: OWNER,
      input: `${WORDS}\n`,
    });
    expect(stderr).toMatch(
      /^airlock: warning: typing a Ledger's recovery phrase into a computer turns it into a software wallet/u,
    );
    expect(stdout).toContain('Saved mnemonic identity "lost" with 3 accounts: lost-0, lost-1, lost-2.');
    const recovered = await airlockJson<LedgerView[]>(['account', 'list'], { vault, env: OWNER });
    const scanned = await airlockJson<LedgerView[]>(['ledger', 'scan', ...device(), '--accounts', '3']);
    expect(recovered.map((a) => [a.address, a.publicKey, a.path, a.type])).toEqual(
      scanned.map((a) => [a.address, a.publicKey, a.path, 'ed25519']),
    );
    // Further accounts derive the same way, without the device.
    const { stdout: derived } = await airlockOk(
      [
        'account',
        'derive',
        '--identity',
        'lost',
        '--name',
        'lost-7',
        '--type',
        'ed25519',
        '--path',
        "m/44'/354'/7'/0'/0'",
      ],
      { vault, env: OWNER },
    );
    expect(derived).toContain(encodeAddress(deviceKey("m/44'/354'/7'/0'/0'"), 42));
  });

  it('with a passphrase from the environment: the published 25th-word vector', async () => {
    const vault = await fresh();
    await airlockOk(['ledger', 'recover', '--name', 'hidden', '--accounts', '1', '--network', 'polkadot'], {
      vault,
      env: { ...OWNER, AIRLOCK_LEDGER_PASSPHRASE: 'testing' },
      input: `${WORDS}\n`,
    });
    const [account] = await airlockJson<LedgerView[]>(['account', 'list'], { vault, env: OWNER });
    const expected = ed25519PairFromSeed(Buffer.from(PASSPHRASE_VECTOR.seed.slice(2), 'hex')).publicKey;
    expect(account).toMatchObject({ publicKey: hex(expected), address: encodeAddress(expected, 0), path: PATHS[0] });
  });

  it('with --passphrase typed hidden at the terminal', async () => {
    const vault = await fresh();
    const result = await runAirlockInTerminal(
      ['ledger', 'recover', '--name', 'typed', '--accounts', '1', '--passphrase'],
      {
        vault,
        env: OWNER,
        replies: [
          { when: 'Ledger recovery phrase (hidden): ', send: `${WORDS}\r` },
          { when: 'Ledger passphrase (hidden): ', send: 'testing\r' },
        ],
      },
    );
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).not.toContain('testing');
    expect(result.stdout).not.toContain(WORDS.split(' ')[0]);
    const [account] = await airlockJson<LedgerView[]>(['account', 'list'], { vault, env: OWNER });
    expect(account!.publicKey).toBe(
      hex(ed25519PairFromSeed(Buffer.from(PASSPHRASE_VECTOR.seed.slice(2), 'hex')).publicKey),
    );
  });

  it('refuses a phrase that fails its checksum and saves nothing', async () => {
    const vault = await fresh();
    const bad = WORDS.replace(/volcano$/u, 'abandon');
    expectCleanFailure(
      await runAirlock(['ledger', 'recover', '--name', 'x'], { vault, env: OWNER, input: bad }),
      /fails its checksum/,
    );
    expect(await airlockJson(['identity', 'list'], { vault, env: OWNER })).toEqual([]);
  });
});

describe('Ledger code is loaded only by Ledger commands', () => {
  // Loaded into the binary: prints, at exit, how many CommonJS modules of the Ledger and Zondax packages it loaded.
  const PROBE = [
    "import { createRequire } from 'node:module';",
    'const loaded = createRequire(import.meta.url).cache;',
    "process.on('exit', () => process.stderr.write(`ledger-modules=${Object.keys(loaded).filter((k) => /@ledgerhq|@zondax|node-hid/.test(k)).length}\\n`));",
  ].join('\n');
  const loaded = async (args: string[]) => {
    const probe = join(await scratch.dir('probe'), 'probe.mjs');
    await writeFile(probe, PROBE);
    const { stderr } = await runAirlock(args, { env: { NODE_OPTIONS: `--import=${probe}` } });
    return Number(/ledger-modules=(\d+)/u.exec(stderr)?.[1]);
  };

  it('--version and --help load none of it, and --version starts fast', async () => {
    expect(await loaded(['--version'])).toBe(0);
    expect(await loaded(['ledger', '--help'])).toBe(0);
    expect(
      await loaded(['ledger', 'scan', '--transport', `speculos://127.0.0.1:${await closedPort()}`]),
    ).toBeGreaterThan(0);
    const started = performance.now();
    await airlockOk(['--version']);
    expect(performance.now() - started).toBeLessThan(1500);
  });
});

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** `show` tells the person what to compare before the device answers. */
function dropProgress<T extends { stderr: string }>(result: T): T {
  return { ...result, stderr: result.stderr.replace(/^airlock: Compare with the Ledger's screen[^\n]*\n/u, '') };
}
