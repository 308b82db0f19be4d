/**
 * Secrets never reach a child process: a fake ffmpeg first on PATH records the environment it
 * is given, while every secret variable (and its _FILE form) is set for airlock, from the
 * command line and from the full-screen app.
 */
import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OWNER, createVault, expectCleanFailure, runAirlock } from '../helpers/cli.js';
import { openTerminal, type Terminal } from '../helpers/tmux.js';

const SECRET_VARIABLES = [
  'AIRLOCK_PASSWORD',
  'AIRLOCK_NEW_PASSWORD',
  'AIRLOCK_BACKUP_PASSWORD',
  'AIRLOCK_LEDGER_PASSPHRASE',
];

let terminal: Terminal | undefined;
afterAll(() => terminal?.close());

/** A directory holding an `ffmpeg` that writes its environment to `record` and fails; and a "video" for it. */
async function fakeFfmpeg() {
  const dir = await mkdtemp(join(tmpdir(), 'airlock-child-env-'));
  const record = join(dir, 'environment.txt');
  await writeFile(join(dir, 'ffmpeg'), `#!/bin/sh\nenv > '${record}'\necho 'no frames here' >&2\nexit 1\n`);
  await chmod(join(dir, 'ffmpeg'), 0o755);
  const video = join(dir, 'clip.mp4');
  await writeFile(video, 'not really a video');
  return { dir, record, video, path: `${dir}:${process.env.PATH ?? '/usr/bin:/bin'}` };
}

/** Every secret variable with a value of its own, and its _FILE form naming a file with another. */
async function secretEnvironment(dir: string): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  for (const [i, variable] of SECRET_VARIABLES.entries()) {
    env[variable] = `${variable.toLowerCase()}-value-${i}`;
    const file = join(dir, `${variable.toLowerCase()}.secret`);
    await writeFile(file, `${variable.toLowerCase()}-in-a-file-${i}\n`, { mode: 0o600 });
    env[`${variable}_FILE`] = file;
  }
  return env;
}

function expectNoSecretIn(recorded: string, secrets: Record<string, string>): void {
  expect(recorded).toMatch(/^PATH=/mu); // the fake ffmpeg did run, and found what it needs
  expect(recorded).not.toContain('AIRLOCK_');
  for (const value of Object.values(secrets)) expect(recorded).not.toContain(value);
}

describe('the environment of ffmpeg', () => {
  it('qr read --camera: no secret variable, no value, no password file', async () => {
    const fake = await fakeFfmpeg();
    const secrets = await secretEnvironment(fake.dir);
    const result = await runAirlock(['qr', 'read', '--camera', fake.video], { env: { ...secrets, PATH: fake.path } });
    expectCleanFailure(result, /ffmpeg cannot read .*clip\.mp4: no frames here/u);
    expectNoSecretIn(await readFile(fake.record, 'utf8'), secrets);
  });

  it('the full-screen app, started with AIRLOCK_PASSWORD, reading a video', async () => {
    const fake = await fakeFfmpeg();
    const vault = await createVault(join(fake.dir, 'vault.json'));
    const secrets = { AIRLOCK_PASSWORD: OWNER.AIRLOCK_PASSWORD, AIRLOCK_BACKUP_PASSWORD: 'backup-secret-for-the-app' };
    terminal = await openTerminal({ args: ['--vault', vault], env: { ...secrets, PATH: fake.path } });
    const t = terminal;
    await t.waitFor('Unlock the vault');
    await t.type(OWNER.AIRLOCK_PASSWORD);
    await t.keys('Enter');
    await t.waitFor('Identities ·');
    // One Tab at a time: keys typed ahead of a screen change are dropped, as a person's would be.
    for (const section of ['Accounts', 'Address book', 'Backups', 'QR']) {
      await t.keys('Tab');
      await t.waitFor(`airlock  ${section} ·`);
    }
    await t.waitFor('Read QR pictures');
    await t.keys('Down', 'Down');
    await t.keys('Enter');
    await t.waitFor('Pictures:');
    await t.type('clip.mp4'); // after the vault's folder, where the field starts
    await t.keys('Enter');
    await t.waitFor('no frames here');
    expectNoSecretIn(await readFile(fake.record, 'utf8'), secrets);
  });
});
