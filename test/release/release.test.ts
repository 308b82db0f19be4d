/**
 * The offline release (scripts/release.mjs) as a custodian gets it. Built twice, from the checkout
 * and from a copy of it elsewhere, it gives the same bytes; extracted into an empty folder, it runs
 * with no network (`unshare -n`) and an empty environment (`env -i`: no PATH, so no Node but its
 * own; an empty HOME; no node_modules above it), and every command says exactly what the checkout
 * says: the x64 release natively, the arm64 one through QEMU. The build fetches Node.js from the npm
 * registry once (kept in node_modules/.cache).
 */
import { execFile, execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { u8aToHex, u8aWrapBytes } from '@polkadot/util';
import { signatureVerify } from '@polkadot/util-crypto';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSION } from '../../src/version.js';
import { AIRLOCK_BIN, collect, PASSWORD, type RunResult } from '../helpers/cli.js';
import { ALICE, DEV_PHRASE } from '../helpers/dev-keys.js';
import { REPO_ROOT } from '../helpers/files.js';
import { POLKADOT_GENESIS } from '../helpers/metadata.js';
import { CMD_MESSAGE, polkadotJsRequest } from '../helpers/sign-requests.js';
import { openTerminal, type Terminal } from '../helpers/tmux.js';

const run = promisify(execFile);
const PLATFORMS = ['linux-x64', 'linux-arm64'] as const;
type Platform = (typeof PLATFORMS)[number];
const FOLDER = (platform: string) => `airlock-${VERSION}-${platform}`;
const BUILD_TIMEOUT = 10 * 60_000;

let scratch: string;
/** A network namespace of its own, with no interface up: as root, or else inside a user namespace. */
/** QEMU's user-mode emulator of arm64, which test/release needs (Debian: qemu-user-static). */
const QEMU_AARCH64 = '/usr/bin/qemu-aarch64-static';
const NO_NETWORK = spawnSync('unshare', ['-n', 'true']).status === 0 ? ['unshare', '-n'] : ['unshare', '-rn'];
/** The two builds' output folders: from the checkout, and from a copy of it at another path. */
let builds: { here: string; elsewhere: string };
/** Each platform's release, extracted into an empty folder of its own. */
let releases: Record<Platform, string>;
/** The x64 release's folder. */
let release: string;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'airlock-release-test-'));
  builds = { here: join(scratch, 'here'), elsewhere: join(scratch, 'elsewhere') };
  await run(process.execPath, ['scripts/release.mjs', '--out', builds.here], { cwd: REPO_ROOT });
  // The copy shares the files (hard links) but not the path: nothing of where it was built may show.
  const copy = join(scratch, 'checkout-copy');
  await run('cp', ['-al', REPO_ROOT, copy]);
  await run(process.execPath, ['scripts/release.mjs', '--out', builds.elsewhere], { cwd: copy });
  await rm(copy, { recursive: true, force: true });

  const extract = async (platform: Platform) => {
    const folder = join(scratch, `offline-${platform}`, FOLDER(platform));
    await mkdir(dirname(folder));
    await run('tar', ['-xzf', join(builds.here, `${FOLDER(platform)}.tar.gz`), '-C', dirname(folder)]);
    return folder;
  };
  releases = { 'linux-x64': await extract('linux-x64'), 'linux-arm64': await extract('linux-arm64') };
  release = releases['linux-x64'];
}, BUILD_TIMEOUT);

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('the release script, given what it cannot build', () => {
  const release = (...args: string[]) =>
    spawnSync(process.execPath, ['scripts/release.mjs', ...args], { cwd: REPO_ROOT, encoding: 'utf8' });

  it('names a platform it does not know, and builds nothing', () => {
    const result = release('--platform', 'linux-x86', '--out', join(scratch, 'refused'));
    expect([result.status, result.stderr]).toEqual([
      1,
      'release: unknown platform linux-x86: expected one of linux-x64, linux-arm64\n',
    ]);
    expect(existsSync(join(scratch, 'refused'))).toBe(false);
  });

  it('says which option it does not know, and how it is used', () => {
    const result = release('--platfrom', 'linux-x64');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^release: Unknown option '--platfrom'.*\nusage: node scripts\/release\.mjs /su);
  });
});

describe('the release archives', () => {
  it('are the same bytes from two builds of one commit, wherever the checkout is', async () => {
    for (const platform of PLATFORMS) {
      const name = `${FOLDER(platform)}.tar.gz`;
      const [here, elsewhere] = await Promise.all([
        readFile(join(builds.here, name)),
        readFile(join(builds.elsewhere, name)),
      ]);
      expect(here.equals(elsewhere), `${name} differs between the two builds`).toBe(true);
      // Each beside its .sha256, which sha256sum checks.
      await run('sha256sum', ['-c', `${name}.sha256`], { cwd: builds.here });
    }
  });

  it('are each at most 60 MB', () => {
    for (const platform of PLATFORMS) {
      const size = execFileSync('stat', ['-c', '%s', join(builds.here, `${FOLDER(platform)}.tar.gz`)], {
        encoding: 'utf8',
      });
      expect(Number(size)).toBeLessThanOrEqual(60e6);
    }
  });

  it('hold one folder of sorted entries, owned by 0, with the commit time and modes 755 or 644', async () => {
    const { stdout } = await run('tar', [
      '--numeric-owner',
      '-tvzf',
      join(builds.here, `${FOLDER('linux-x64')}.tar.gz`),
    ]);
    const entries = stdout.trim().split('\n').map(parseListing);
    const names = entries.map((entry) => entry.name);
    expect(names.every((name) => name.startsWith(`${FOLDER('linux-x64')}/`))).toBe(true);
    expect(names).toEqual([...names].sort(byBytes));
    expect(new Set(entries.map((entry) => entry.owner))).toEqual(new Set(['0/0']));
    const commitTime = execFileSync('git', ['log', '-1', '--format=%ct'], { cwd: REPO_ROOT, encoding: 'utf8' });
    const commitDate = new Date(Number(commitTime) * 1000).toISOString().slice(0, 16).replace('T', ' ');
    expect(new Set(entries.map((entry) => entry.time))).toEqual(new Set([commitDate]));
    const executables = entries.filter((entry) => entry.mode === '-rwxr-xr-x').map((entry) => entry.name);
    expect(executables.sort()).toEqual([`${FOLDER('linux-x64')}/airlock`, `${FOLDER('linux-x64')}/node/bin/node`]);
    for (const { mode } of entries) expect(['-rwxr-xr-x', '-rw-r--r--', 'drwxr-xr-x']).toContain(mode);
  });

  it('check against their SHA256SUMS once extracted, which name every file', async () => {
    await run('sha256sum', ['--quiet', '-c', 'SHA256SUMS'], { cwd: release });
    const listed = (await readFile(join(release, 'SHA256SUMS'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => line.slice(66));
    expect([...listed, 'SHA256SUMS'].sort(byBytes)).toEqual(filesBelow(release).sort(byBytes));
  });

  it('name in THIRD-PARTY-NOTICES the runtime and the packages they hold, with their licence texts', async () => {
    const notices = await readFile(join(release, 'THIRD-PARTY-NOTICES'), 'utf8');
    expect(notices).toMatch(/^Node\.js 24\.\d+\.\d+ \(node\/bin\/node\)$/mu);
    for (const name of [
      'ink',
      'react',
      '@polkadot/util-crypto',
      'node-hid',
      'usb',
      'jsqr',
      '@jsquash/png',
      'raptorq',
    ]) {
      expect(notices, name).toMatch(new RegExp(`^${name.replace(/[./]/gu, '\\$&')} \\d+\\.\\d+\\.\\d+\\S*$`, 'mu'));
    }
    expect(notices).toContain('Permission is hereby granted, free of charge');
  });

  it('built for arm64 hold the same files, with the runtime and USB modules built for arm64', async () => {
    const list = async (platform: string) =>
      (await run('tar', ['-tzf', join(builds.here, `${FOLDER(platform)}.tar.gz`)])).stdout
        .trim()
        .split('\n')
        .map((name) => name.slice(name.indexOf('/')));
    expect(await list('linux-arm64')).toEqual(await list('linux-x64'));
    const folder = releases['linux-arm64'];
    for (const binary of [
      'node/bin/node',
      'lib/native/HID.node',
      'lib/native/HID_hidraw.node',
      'lib/native/usb.node',
    ]) {
      expect(await elfMachine(join(folder, binary)), binary).toBe('aarch64');
      expect(await elfMachine(join(release, binary)), binary).toBe('x86-64');
    }
  });
});

/**
 * How each release is started. This machine runs x86-64; the arm64 release runs here through QEMU's
 * user-mode emulator. The kernel cannot start an arm64 program itself without binfmt_misc, which
 * is the host's to set up, so its Node is started by QEMU, on the launcher's own command line.
 */
const STARTERS: Record<Platform, { airlock: (folder: string) => string[]; slowdown: number }> = {
  'linux-x64': { airlock: (folder) => [join(folder, 'airlock')], slowdown: 1 },
  'linux-arm64': {
    airlock: (folder) => [QEMU_AARCH64, join(folder, 'node/bin/node'), join(folder, 'lib/airlock.mjs')],
    slowdown: 6,
  },
};

describe.each(PLATFORMS)(
  'the %s release, offline with nothing installed',
  (platform) => {
    const { airlock, slowdown } = STARTERS[platform];
    /** A HOME for each side, empty at the start: each keeps its vault at the default place in it. */
    let homes: { release: string; checkout: string };
    let pictures: string;
    let folder: string;

    beforeAll(async () => {
      folder = releases[platform];
      homes = { release: join(scratch, `home-${platform}`), checkout: join(scratch, `home-checkout-${platform}`) };
      await Promise.all([mkdir(homes.release), mkdir(homes.checkout)]);
      pictures = join(scratch, `pictures-${platform}`);
      await mkdir(pictures);
      const address = `substrate:${ALICE.substrate}`;
      await QRCode.toFile(join(pictures, 'address.png'), address, { scale: 4 });
      const png = PNG.sync.read(await readFile(join(pictures, 'address.png')));
      await writeFile(join(pictures, 'address.jpg'), jpeg.encode(png, 90).data);
    });

    it('runs where there is no network: a namespace whose one interface is its own loopback', () => {
      const [program, ...args] = NO_NETWORK as [string, ...string[]];
      const devices = execFileSync(program, [...args, 'cat', '/proc/self/net/dev'], { encoding: 'utf8' });
      expect(
        devices
          .split('\n')
          .slice(2)
          .flatMap((line) => /^\s*([^:\s]+):/u.exec(line)?.[1] ?? []),
      ).toEqual(['lo']);
    });

    it('is in a folder with no node_modules above it', () => {
      for (let dir = folder; dir !== dirname(dir); dir = dirname(dir)) {
        expect(existsSync(join(dir, 'node_modules')), dir).toBe(false);
      }
    });

    it('names its version and the commit it was built from', async () => {
      const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
      const { code, stdout } = await offline(['--version']);
      expect(code).toBe(0);
      expect(stdout).toMatch(
        new RegExp(`^${VERSION.replace(/\./gu, '\\.')} \\(commit ${head}(-modified)?\\)\\n$`, 'u'),
      );
      expect((await checkout(['--version'])).stdout).toBe(`${VERSION}\n`);
    });

    it('creates a vault, restores an identity, derives an account and lists it as the checkout does', async () => {
      const owner = { AIRLOCK_PASSWORD: PASSWORD };
      await same(['init'], { env: owner });
      await same(['identity', 'restore', '--name', 'dev'], { env: owner, input: DEV_PHRASE });
      await same(['account', 'derive', '--identity', 'dev', '--name', 'alice', '--path', '//Alice'], { env: owner });
      const listed = await same(['account', 'list', '--json'], { env: owner });
      expect(JSON.parse(listed.stdout)).toMatchObject([{ name: 'alice', address: ALICE.substrate }]);
    });

    it('exports a verified backup and reads it back in a dry run as the checkout does', async () => {
      const env = { AIRLOCK_PASSWORD: PASSWORD, AIRLOCK_BACKUP_PASSWORD: 'backup-password-for-the-drill' };
      // A backup's salt and nonce are new each time, so its SHA-256 differs, as does the time it was
      // written; all else is the same.
      const exported = await same(['export', '--out', '~/backup.json'], {
        env,
        differing: /\b[0-9a-f]{64}\b|\d{4}-\d\d-\d\dT[\d:.]+Z/gu,
      });
      expect(exported.stdout).toContain('backup.json');
      await same(['import', '~/backup.json', '--dry-run'], { env });
    });

    it('reads QR codes from PNG and JPEG pictures, with its WebAssembly decoders and worker threads', async () => {
      for (const picture of ['address.png', 'address.jpg']) {
        const read = await same(['qr', 'read', join(pictures, picture)]);
        expect(read.stdout).toContain(ALICE.substrate);
      }
    });

    it('loads its USB modules for the Ledger and says none is connected', async () => {
      const scan = await same(['ledger', 'scan']);
      expect(scan.code).toBe(1);
      expect(scan.stderr).toMatch(/^airlock: no Ledger found on USB/u);
    });

    it('signs a message from a request file, with a signature that verifies', async () => {
      const text = 'airlock release check';
      const request = join(scratch, 'message-request.hex');
      const wrapped = new TextEncoder().encode(`<Bytes>${text}</Bytes>`);
      await writeFile(
        request,
        `${u8aToHex(polkadotJsRequest(ALICE.publicKey, CMD_MESSAGE, wrapped, POLKADOT_GENESIS))}\n`,
      );
      // sr25519 signatures are randomised: the two sides' differ, and each verifies.
      const signed = await same(['sign', '--yes', '--json', '--request', request], {
        env: { AIRLOCK_PASSWORD: PASSWORD },
        differing: /0x[0-9a-f]{128}/gu,
      });
      const { signature } = JSON.parse(signed.stdout) as { signature: `0x${string}` };
      expect(signatureVerify(u8aWrapBytes(text), signature, ALICE.publicKey).isValid).toBe(true);
    });

    describe('the full-screen app', () => {
      let terminal: Terminal | undefined;
      afterAll(async () => terminal?.close());

      it('opens, unlocks the vault and quits, leaving nothing on the terminal', async () => {
        terminal = await openTerminal({
          airlock: airlock(folder),
          wrapper: NO_NETWORK,
          emptyEnvironment: true,
          env: { HOME: homes.release },
        });
        await terminal.waitFor('Unlock the vault', 15_000 * slowdown);
        await terminal.type(PASSWORD);
        await terminal.keys('Enter');
        await terminal.waitFor('Identities ·', 15_000 * slowdown);
        await terminal.waitFor(/dev/u);
        await terminal.keys('C-c');
        expect(await terminal.exited()).toBe(0);
        const history = await terminal.history();
        expect(history).not.toContain('Identities ·');
        expect(history).not.toContain(PASSWORD);
      });
    });

    interface SideOptions {
      env?: Record<string, string>;
      input?: string;
    }

    /** The release's launcher in a network namespace of its own, from an empty environment. */
    function offline(args: readonly string[], options: SideOptions = {}): Promise<RunResult> {
      return runIn(
        homes.release,
        [...NO_NETWORK, 'env', '-i', ...assignments(homes.release, options), ...airlock(folder)],
        args,
        options,
      );
    }

    /** The checkout's airlock, from the same empty environment. */
    function checkout(args: readonly string[], options: SideOptions = {}): Promise<RunResult> {
      return runIn(
        homes.checkout,
        ['env', '-i', ...assignments(homes.checkout, options), process.execPath, AIRLOCK_BIN],
        args,
        options,
      );
    }

    /**
     * Runs a command on both sides, each in its own HOME (`~` in an argument), and expects the same
     * exit status and output, once each HOME is written `~` and what `differing` matches is masked.
     */
    async function same(
      args: readonly string[],
      options: SideOptions & { differing?: RegExp } = {},
    ): Promise<RunResult> {
      const inHome = (home: string) => args.map((arg) => arg.replace(/^~/u, home));
      const [ours, theirs] = await Promise.all([
        offline(inHome(homes.release), options),
        checkout(inHome(homes.checkout), options),
      ]);
      const seen = (result: RunResult, home: string) => {
        const mask = (text: string) => {
          const homeless = text.replaceAll(home, '~');
          return options.differing ? homeless.replace(options.differing, '…') : homeless;
        };
        return { code: result.code, stdout: mask(result.stdout), stderr: mask(result.stderr) };
      };
      expect(seen(ours, homes.release), `airlock ${args.join(' ')}`).toEqual(seen(theirs, homes.checkout));
      return ours;
    }
  },
  240_000,
);

function assignments(home: string, { env = {} }: { env?: Record<string, string> }): string[] {
  return Object.entries({ HOME: home, ...env }).map(([name, value]) => `${name}=${value}`);
}

async function runIn(home: string, command: readonly string[], args: readonly string[], { input }: { input?: string }) {
  const [program, ...rest] = command as [string, ...string[]];
  const child = spawn(program, [...rest, ...args], { cwd: home, stdio: 'pipe', env: {} });
  const result = collect(child);
  child.stdin.on('error', () => undefined);
  child.stdin.end(input);
  return result;
}

/** One line of `tar -tv`: mode, owner, size, date, time, name. */
function parseListing(line: string) {
  const [mode, owner, , date, time, ...name] = line.split(/\s+/u);
  return { mode, owner, time: `${date} ${time}`, name: name.join(' ') };
}

/** The machine an ELF file is built for, from its header's e_machine. */
async function elfMachine(path: string): Promise<string> {
  const file = await open(path);
  try {
    const { buffer } = await file.read({ buffer: Buffer.alloc(20), position: 0 });
    expect(buffer.subarray(0, 4).toString('latin1')).toBe('\x7fELF');
    const machine = buffer.readUInt16LE(18);
    return machine === 0xb7 ? 'aarch64' : machine === 0x3e ? 'x86-64' : `machine ${machine}`;
  } finally {
    await file.close();
  }
}

function filesBelow(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? filesBelow(dir, path) : [path];
  });
}

function byBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
