/** Text from outside that would act on a terminal shown raw, and backups that carry it. */
import { writeFile } from 'node:fs/promises';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import * as actions from '../../src/vault/actions.js';
import { BACKUP_VERSION, backupContent, type BackupContent } from '../../src/vault/backup.js';
import { createKey, seal, wipeKey } from '../../src/vault/envelope.js';
import { ALICE, DEV_PHRASE } from './dev-keys.js';
import { FAST_SCRYPT, openTestVault } from './vault.js';

/** Clears the screen, retitles the window, rings the bell, and writes over the line with a verdict of its own. */
export const HOSTILE = '\x1b[2J\x1b[H\x1b]0;pwned\x07\rbackup verified OK';
/** HOSTILE as airlock shows it. */
export const HOSTILE_SHOWN = '\\x1b[2J\\x1b[H\\x1b]0;pwned\\x07\\rbackup verified OK';
/** HOSTILE as a name is kept: without what a terminal acts on. */
export const HOSTILE_CLEANED = '[2J[H]0;pwnedbackup verified OK';
/** Every control and bidi character but the line end: none may reach the terminal from a file. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
export const RAW = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** The dev words, alice (//Alice) and an address `cold`, named as a hostile file names them. */
export async function hostileContent(address: string): Promise<BackupContent> {
  const session = await openTestVault({ dev: true });
  try {
    await actions.deriveAccount(session, { identity: 'dev', name: 'alice', type: 'sr25519', path: '//Alice' });
    await actions.addAddress(session, { name: 'cold', address });
    const content = backupContent(session.data);
    content.identities[0]!.name = `dev${HOSTILE}`;
    content.accounts[0]!.name = 'alice\u202eexe.txt';
    content.addresses[0]!.name = 'cold\r\nimported 0 entries\x1b[1A';
    return content;
  } finally {
    session.close();
  }
}

/** Seals `content` as airlock seals a backup, with the cheapest allowed scrypt. */
export async function sealBackup(path: string, content: BackupContent, password: string): Promise<string> {
  const key = await createKey(new TextEncoder().encode(password), FAST_SCRYPT);
  try {
    await writeFile(path, seal('airlock-backup', BACKUP_VERSION, content, key));
  } finally {
    wipeKey(key);
  }
  return path;
}

/** A polkadot.js file of //Alice, as polkadot.js writes it, whose address field was edited to hold HOSTILE. */
export async function hostileKeyFile(path: string, password: string): Promise<string> {
  await cryptoWaitReady();
  const json = new Keyring({ type: 'sr25519' }).addFromUri(`${DEV_PHRASE}//Alice`, { name: 'alice' }).toJson(password);
  await writeFile(path, JSON.stringify({ ...json, address: `${ALICE.substrate}${HOSTILE}` }));
  return path;
}
