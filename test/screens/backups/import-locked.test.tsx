/**
 * Importing a polkadot.js "export all accounts" file whose bob carries a password of his own,
 * as the extension writes it: real file, real scrypt, merged into a real vault.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VaultSession } from '../../../src/vault/store.js';
import { ALICE, BOB, CHARLIE } from '../../helpers/dev-keys.js';
import { type Screen, expectFits } from '../../helpers/ink.js';
import { ARROW_DOWN, CTRL_U, ENTER, ESC } from '../../helpers/keys.js';
import { content, prose, waitForProse } from '../../helpers/shell.js';
import { TEST_PASSWORD, openTestVault } from '../../helpers/vault.js';
import { bytes, openBackups, withAlice } from './helpers.js';
import { writeExtensionBatch } from './polkadot-js-files.js';

const FILE_PASSWORD = 'file-password-42';
const BOBS_OWN = 'bobs-own-password-7';

let media = '';
let batch = '';
beforeAll(async () => {
  media = await mkdtemp(join(tmpdir(), 'airlock-media-'));
  batch = join(media, 'extension-batch.json');
  await writeExtensionBatch(
    batch,
    [
      { path: '//Alice', name: 'alice', password: FILE_PASSWORD },
      { path: '//Bob', name: 'bob', password: BOBS_OWN },
      { path: '//Charlie', name: 'charlie', password: FILE_PASSWORD },
    ],
    FILE_PASSWORD,
  );
});
afterAll(() => rm(media, { recursive: true, force: true }));

/** From the Backups home: the batch opened with its own password, up to the question about bob. */
async function openBatch(screen: Screen, entry: 'Import' | 'Verify'): Promise<string> {
  await screen.pressUntil(`› ${entry} a backup`, ...(entry === 'Import' ? [ARROW_DOWN] : [ARROW_DOWN, ARROW_DOWN]));
  await screen.pressUntil('File:', ENTER);
  screen.type(CTRL_U);
  screen.type(batch);
  await screen.waitFor('extension-batch.json');
  await screen.pressUntil('› Password:', ENTER);
  screen.type(FILE_PASSWORD);
  await screen.waitFor(`Password:  ${'•'.repeat(FILE_PASSWORD.length)}`);
  return screen.pressUntil('Its password:', ENTER);
}

async function typeOwnPassword(screen: Screen, password: string) {
  screen.type(password);
  await screen.waitFor(`Its password: ${'•'.repeat(password.length)}`);
}

const TITLE = 'Import a polkadot.js "export all accounts" file';
/** Names give way to the reason: the name column is 9 wide here. */
const BOB_LEFT_OUT = 'account  bob        skip: locked: it has a password of its own';

/** The public keys of the vault's accounts, by name. */
const keysOf = (session: VaultSession) => session.data.accounts.map((a) => [a.name, a.publicKey]);

describe('a polkadot.js batch with an account under its own password', () => {
  it('asks for it by name and address, says a wrong one is wrong, opens with the right one, and imports it', async () => {
    const session = await withAlice(await openTestVault({ dev: true }));
    const screen = await openBackups(session);
    const asked = await openBatch(screen, 'Import');
    expect(asked).toContain(TITLE);
    expect(prose(asked)).toContain("One account has a password of its own: the file's password did not open it.");
    expect(asked).toContain('"bob"');
    expect(asked).toContain(BOB.substrate);
    expect(asked).not.toContain(FILE_PASSWORD);
    expectFits(asked);

    await typeOwnPassword(screen, 'not-bobs-password');
    screen.type(ENTER);
    const wrong = await waitForProse(screen, 'That password does not open it: try again');
    expect(wrong).toContain('› Its password:');
    expect(wrong).toContain(BOB.substrate);
    expectFits(wrong);

    await typeOwnPassword(screen, BOBS_OWN);
    const preview = await screen.pressUntil('KIND', ENTER);
    expect(preview).toContain(TITLE);
    const rows = content(preview);
    // Names give way to what happens to them.
    expect(rows).toContain('identity extension-bat…  add');
    expect(rows).toContain('account  alice           skip: already in the vault as "alice"');
    expect(rows).toContain('account  charlie         add');
    expect(rows).toContain('account  bob             add');
    expect(prose(preview)).toContain('The backup decrypts and holds 4 entries: 3 to add, 1 already in this vault.');
    expectFits(preview);

    const done = await screen.pressUntil('Imported 1 identity and 2 accounts;', 'y');
    expect(prose(done)).toContain('Imported 1 identity and 2 accounts; skipped 1 account (already in the vault).');
    expect(keysOf(session)).toEqual([
      ['alice', ALICE.publicKey],
      ['charlie', CHARLIE.publicKey],
      ['bob', BOB.publicKey],
    ]);
    // The keys came in too, bob's included, and the vault on disk says so.
    const reopened = await VaultSession.unlock(session.path, bytes(TEST_PASSWORD));
    const imported = reopened.data.identities.find((i) => i.kind === 'imported');
    expect(imported?.kind === 'imported' && imported.keys.map((k) => k.publicKey)).toEqual([
      CHARLIE.publicKey,
      BOB.publicKey,
    ]);
    reopened.close();
    screen.unmount();
  });

  it('Enter on an empty field leaves it out: the plan says why, and the rest is imported', async () => {
    const session = await withAlice(await openTestVault({ dev: true }));
    const screen = await openBackups(session);
    await openBatch(screen, 'Import');
    const preview = await screen.pressUntil('KIND', ENTER);
    expect(content(preview)).toContain(BOB_LEFT_OUT);
    expect(content(preview)).toContain('identity extensio…  add');
    expect(prose(preview)).toContain(
      'The backup decrypts and holds 4 entries: 2 to add, 1 already in this vault, 1 left out.',
    );
    expectFits(preview);
    screen.type('y');
    const done = await waitForProse(
      screen,
      'Imported 1 identity and 1 account; skipped 1 account (already in the vault); left out 1 account (locked: it has a password of its own).',
    );
    expect(done).toContain(TITLE);
    expect(content(done)).toContain(BOB_LEFT_OUT);
    expect(keysOf(session)).toEqual([
      ['alice', ALICE.publicKey],
      ['charlie', CHARLIE.publicKey],
    ]);
    screen.unmount();
  });

  it('verifying asks the same, Esc leaves the account out, and the vault is not touched', async () => {
    const session = await withAlice(await openTestVault({ dev: true }));
    const before = await readFile(session.path);
    const screen = await openBackups(session);
    const asked = await openBatch(screen, 'Verify');
    expect(asked).toContain('Verify a polkadot.js "export all accounts" file');
    const preview = await screen.pressUntil('KIND', ESC);
    expect(content(preview)).toContain(BOB_LEFT_OUT);
    expect(prose(preview)).toContain('The backup decrypts and holds 4 entries; nothing was changed.');
    // y means nothing here: only Enter or Esc leave.
    screen.type('y');
    await screen.pressUntil('› Verify a backup', ENTER);
    expect((await readFile(session.path)).equals(before)).toBe(true);
    expect(keysOf(session)).toEqual([['alice', ALICE.publicKey]]);
    screen.unmount();
  });
});
