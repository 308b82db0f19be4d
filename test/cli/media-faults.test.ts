/**
 * End to end: `airlock export --force` onto a medium that fails, over an older backup of the
 * same name (issue 5). Each fault runs on a real filesystem where this machine allows it (a
 * tmpfs too full, a read-only tmpfs, a directory of another user, a tmpfs unmounted while the
 * backup is written), else as the same error injected at the same call; the test's name says
 * which ran. Every fault: exit 1, one clear line, no temp or partial file on the medium, the
 * older backup byte-identical, the vault byte-identical.
 */
import { chmod, chown, copyFile, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWNER, type RunResult, airlockOk, copyVault, expectCleanFailure, runAirlock } from '../helpers/cli.js';
import { saveMnemonicIdentity } from '../../src/vault/actions.js';
import { VaultSession } from '../../src/vault/store.js';
import { DEV_PHRASE } from '../helpers/dev-keys.js';
import { createScratch } from '../helpers/files.js';
import { FAST_SCRYPT } from '../helpers/vault.js';
import { HOOKS, NOBODY, canMountTmpfs, canRunAsNobody, runAirlockAsNobody, runOnTmpfs } from '../helpers/mounts.js';

const BOTH = { ...OWNER, AIRLOCK_BACKUP_PASSWORD: 'backup-password-42' };
/** Room left on the "full" medium: one tmpfs page, less than any backup (padded to 4 KiB and more). */
const FREE = 4096;
const MEDIUM_KIB = 64;

let scratch: Awaited<ReturnType<typeof createScratch>>;
let template = '';
let older = '';
let olderBytes: Buffer;
beforeAll(async () => {
  scratch = await createScratch('media-faults');
  await chmod(scratch.root, 0o711); // so that NOBODY can reach the vault it is given
  // Made in-process with the cheapest allow-listed scrypt: each case then spends its time on the fault.
  template = join(await scratch.dir('template'), 'vault.json');
  const session = await VaultSession.create(template, new TextEncoder().encode(OWNER.AIRLOCK_PASSWORD), FAST_SCRYPT);
  await saveMnemonicIdentity(session, 'dev', DEV_PHRASE);
  session.close();
  older = join(await scratch.dir('older'), 'backup.json');
  await airlockOk(['export', '--out', older], { vault: template, env: BOTH });
  olderBytes = await readFile(older);
  expect(olderBytes.length, 'the backup must not fit in the room left on the full medium').toBeGreaterThan(FREE);
});
afterAll(() => scratch?.remove());

/** Every file in a directory, by name. */
async function filesIn(dir: string): Promise<Record<string, Buffer>> {
  const names = (await readdir(dir)).sort();
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await readFile(join(dir, n))] as const)));
}

/** A vault of its own for one case, and what its directory held before. */
async function freshVault(owner?: number) {
  const dir = await scratch.dir('vault');
  const vault = await copyVault(template, dir);
  if (owner !== undefined) await Promise.all([chown(dir, owner, owner), chown(vault, owner, owner)]);
  const before = await filesIn(dir);
  return { vault, unchanged: async () => expect(await filesIn(dir), 'the vault changed').toEqual(before) };
}

const exportTo = (medium: string) => ['export', '--out', join(medium, 'backup.json'), '--force'];

/** The same fault, injected into the real binary at the call where the real one would strike. */
async function injected(
  call: 'open' | 'writeFile' | 'sync',
  error: string,
  vault: string,
): Promise<[RunResult, string]> {
  const medium = await scratch.dir('medium');
  await copyFile(older, join(medium, 'backup.json'));
  const AIRLOCK_TEST_FAULT = JSON.stringify({ call, under: medium, error });
  return [
    await runAirlock(exportTo(medium), { vault, env: { ...BOTH, NODE_OPTIONS: HOOKS, AIRLOCK_TEST_FAULT } }),
    medium,
  ];
}

/** A real tmpfs with the older backup on it; returns airlock's result and a copy of the medium afterwards. */
async function onTmpfs(vault: string, options: { prepare?: string; readOnly?: boolean }): Promise<[RunResult, string]> {
  const [mountpoint, after] = [await scratch.dir('mnt'), await scratch.dir('after')];
  const prepare = ['cp "$OLDER" "$MEDIUM/backup.json"', options.prepare ?? ''].join('\n');
  const result = await runOnTmpfs({
    ...options,
    mountpoint,
    after,
    sizeKiB: MEDIUM_KIB,
    prepare,
    env: { ...BOTH, OLDER: older },
    args: ['--vault', vault, ...exportTo(mountpoint)],
  });
  return [result, after];
}

/** On the medium, only the older backup, byte for byte, and the files the test put there. */
async function expectOlderIntact(medium: string, others: string[] = []): Promise<void> {
  const files = await filesIn(medium);
  expect(Object.keys(files)).toEqual(['backup.json', ...others].sort());
  expect(files['backup.json']!.equals(olderBytes), 'the older backup changed').toBe(true);
}

describe.concurrent('export onto a failing medium', () => {
  it(`full medium (${canMountTmpfs ? 'real: a full tmpfs' : 'injected: ENOSPC from the write'})`, async () => {
    const { vault, unchanged } = await freshVault();
    // Fill the medium to the last page, then give one page back.
    const fill = `cat /dev/zero > "$MEDIUM/filler" 2>/dev/null || true\ntruncate -s -${FREE} "$MEDIUM/filler"`;
    const [result, medium] = canMountTmpfs
      ? await onTmpfs(vault, { prepare: fill })
      : await injected('writeFile', 'ENOSPC', vault);
    expectCleanFailure(
      result,
      /^airlock: cannot write .*backup\.json: the medium is full; free some space or use another medium$/,
    );
    await expectOlderIntact(medium, canMountTmpfs ? ['filler'] : []);
    await unchanged();
  });

  it(`read-only medium (${canMountTmpfs ? 'real: a tmpfs remounted read-only' : 'injected: EROFS from open'})`, async () => {
    const { vault, unchanged } = await freshVault();
    const [result, medium] = canMountTmpfs
      ? await onTmpfs(vault, { readOnly: true })
      : await injected('open', 'EROFS', vault);
    expectCleanFailure(
      result,
      /^airlock: cannot write .*backup\.json: the medium is read-only; check its write-protect switch/,
    );
    await expectOlderIntact(medium);
    await unchanged();
  });

  it(`permission denied (${canRunAsNobody ? `real: airlock run as uid ${NOBODY}` : 'injected: EACCES from open'})`, async () => {
    const { vault, unchanged } = await freshVault(canRunAsNobody ? NOBODY : undefined);
    let result: RunResult;
    let medium: string;
    if (canRunAsNobody) {
      // The medium's directory and the older backup are root's; the vault and HOME are NOBODY's.
      medium = await scratch.dir('medium');
      await copyFile(older, join(medium, 'backup.json'));
      const home = await scratch.dir('home');
      await chown(home, NOBODY, NOBODY);
      result = await runAirlockAsNobody(['--vault', vault, ...exportTo(medium)], { env: BOTH, home });
    } else {
      [result, medium] = await injected('open', 'EACCES', vault);
    }
    expectCleanFailure(
      result,
      /^airlock: cannot write .*backup\.json: permission denied; choose a directory you may write to$/,
    );
    await expectOlderIntact(medium);
    await unchanged();
  });

  it(`medium removed mid-write (${canMountTmpfs ? 'real: the tmpfs unmounted between write and rename' : 'injected: EIO from fsync'})`, async () => {
    const { vault, unchanged } = await freshVault();
    if (!canMountTmpfs) {
      const [result, medium] = await injected('sync', 'EIO', vault);
      expectCleanFailure(result, /\(was the medium removed\?\); reinsert the medium and try again$/);
      await expectOlderIntact(medium);
      return unchanged();
    }
    const [mountpoint, after, kept, reinserted, signals] = await Promise.all([
      scratch.dir('mnt'),
      scratch.dir('after'),
      scratch.dir('kept'),
      scratch.dir('reinserted'),
      scratch.dir('signals'),
    ]);
    const pause = join(signals, 'airlock');
    // airlock waits once the backup's data is written, before fsync and rename; the medium then
    // leaves the tree (a lazy unmount: airlock still holds its file open), and airlock goes on.
    // A bind mount elsewhere keeps the medium's filesystem, to look at it afterwards as if the
    // stick were plugged in again.
    const act = [
      'mount --bind "$MEDIUM" "$KEPT"',
      'airlock "$@" & pid=$!',
      'while [ ! -e "$PAUSE.paused" ] && kill -0 $pid 2>/dev/null; do sleep 0.01; done',
      'umount -l "$MEDIUM"',
      'touch "$PAUSE.resume"',
      'wait $pid; rc=$?',
      'cp -a "$KEPT/." "$REINSERTED/"',
    ].join('\n');
    const fault = JSON.stringify({ call: 'sync', under: mountpoint, pause });
    const env = {
      ...BOTH,
      OLDER: older,
      KEPT: kept,
      REINSERTED: reinserted,
      PAUSE: pause,
      NODE_OPTIONS: HOOKS,
      AIRLOCK_TEST_FAULT: fault,
    };
    const prepare = 'cp "$OLDER" "$MEDIUM/backup.json"';
    const result = await runOnTmpfs({
      mountpoint,
      after,
      sizeKiB: MEDIUM_KIB,
      prepare,
      act,
      env,
      args: ['--vault', vault, ...exportTo(mountpoint)],
    });
    expectCleanFailure(result, /^airlock: cannot write .*backup\.json: .*whether the medium is still mounted$/);
    // Nothing went to the disk under the empty mountpoint instead.
    expect(await readdir(after)).toEqual([]);
    // The older backup keeps its name on the medium. The temp file stays there: nothing can
    // delete from a medium that is gone. It is hidden, named for the backup, and encrypted.
    const files = await filesIn(reinserted);
    expect(files['backup.json']!.equals(olderBytes), 'the older backup changed').toBe(true);
    expect(Object.keys(files).filter((n) => n !== 'backup.json')).toEqual([
      expect.stringMatching(/^\.backup\.json\.[0-9a-f]{12}\.tmp$/u),
    ]);
    await unchanged();
  });

  it.each(['EIO', 'ENODEV', 'ENXIO'])(
    'a medium that fails with %s on fsync, as a pulled USB stick does (injected)',
    async (code) => {
      const { vault, unchanged } = await freshVault();
      const [result, medium] = await injected('sync', code, vault);
      expectCleanFailure(
        result,
        /^airlock: cannot write .*backup\.json: .*\(was the medium removed\?\); reinsert the medium and try again$/,
      );
      await expectOlderIntact(medium);
      await unchanged();
    },
  );
});
