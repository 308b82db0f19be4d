/**
 * End to end: what came from outside (a QR code's text, names in a backup, an address in a key
 * file) reaches the terminal escaped, never as control characters that act on it.
 */
import { join } from 'node:path';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { airlockOk, expectCleanFailure, runAirlock } from '../helpers/cli.js';
import { ALICE, CHARLIE } from '../helpers/dev-keys.js';
import { createScratch } from '../helpers/files.js';
import {
  HOSTILE,
  HOSTILE_CLEANED,
  HOSTILE_SHOWN,
  RAW,
  hostileContent,
  hostileKeyFile,
  sealBackup,
} from '../helpers/outside-text.js';

const POLKADOT_GENESIS = '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3';
const BACKUP_PASSWORD = 'backup-password-42';
const BACKUP = { AIRLOCK_BACKUP_PASSWORD: BACKUP_PASSWORD };

let scratch: Awaited<ReturnType<typeof createScratch>>;
beforeAll(async () => {
  scratch = await createScratch('outside-text');
});
afterAll(() => scratch?.remove());

/** A QR code of `text` in byte mode, as a phone would photograph it. */
async function pictureOf(text: string): Promise<string> {
  const path = join(await scratch.dir(), 'code.png');
  await QRCode.toFile(path, [{ data: Buffer.from(text, 'utf8'), mode: 'byte' }], {
    errorCorrectionLevel: 'L',
    scale: 4,
  });
  return path;
}

describe.concurrent('what airlock prints of a QR code', () => {
  it("shows a code's text with its control characters escaped", async () => {
    const { stdout } = await airlockOk(['qr', 'read', await pictureOf(`hello${HOSTILE}\r\nsecond line`)]);
    expect(stdout).not.toMatch(RAW);
    expect(stdout).toBe(`hello${HOSTILE_SHOWN}\\r\nsecond line\n`);
  });

  it("shows an address code's name escaped, and offers the name the address book would keep", async () => {
    const { stdout } = await airlockOk([
      'qr',
      'read',
      await pictureOf(`substrate:${ALICE.polkadot}:${POLKADOT_GENESIS}:alice${HOSTILE}`),
    ]);
    expect(stdout).not.toMatch(RAW);
    expect(stdout).toContain(`name:     alice${HOSTILE_SHOWN}`);
    expect(stdout).toContain(
      `airlock address add --name 'alice${HOSTILE_CLEANED}' --network polkadot ${ALICE.polkadot}`,
    );
  });
});

describe.concurrent('what airlock prints of a backup', () => {
  it('import --dry-run refuses a backup whose names hold control characters, quoting the name escaped', async () => {
    const backup = await sealBackup(
      join(await scratch.dir(), 'backup.json'),
      await hostileContent(CHARLIE.substrate),
      BACKUP_PASSWORD,
    );
    const result = await runAirlock(['import', backup, '--dry-run'], {
      env: BACKUP,
      vault: join(await scratch.dir(), 'none.json'),
    });
    // airlock never writes such a name, so the file was made elsewhere: refused whole, as every bad entry is.
    const line = expectCleanFailure(result, /is damaged: identity "dev/u);
    expect(line).not.toMatch(RAW);
    expect(line).toContain(`dev${HOSTILE_SHOWN.slice(0, 30)}`);
    expect(result.stdout).toBe('');
  });
});

describe.concurrent('what airlock says of a damaged key file', () => {
  it("quotes a polkadot.js file's address escaped in its message", async () => {
    const file = await hostileKeyFile(join(await scratch.dir(), 'alice.json'), BACKUP_PASSWORD);
    const result = await runAirlock(['import', file, '--dry-run'], {
      env: BACKUP,
      vault: join(await scratch.dir(), 'none.json'),
    });
    expect(result.stderr).not.toMatch(RAW);
    const line = expectCleanFailure(result, /its address .* does not belong to the key inside it/u);
    expect(line).toContain(`${ALICE.substrate}${HOSTILE_SHOWN}`);
  });
});
