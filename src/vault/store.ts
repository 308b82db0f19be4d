import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AlreadyExistsError, DamagedFileError, NoVaultError, UserError } from '../errors.js';
import { fileExists } from '../media/file-exists.js';
import { explainReadError, readRegularFile } from '../media/read-regular-file.js';
import { explainWriteError, removeStaleTemps, writeFileDurably } from '../media/durable-write.js';
import { structureProblem } from './check-content.js';
import {
  createKey,
  open,
  parseEnvelope,
  seal,
  unlockKey,
  wipeKey,
  type Envelope,
  type EnvelopeKey,
} from './envelope.js';
import { DEFAULT_SCRYPT, checksMatch, deriveKey, type ScryptParams } from './kdf.js';
import { previousGenerationPath } from './location.js';
import { withLock } from './lock.js';
import {
  VAULT_FORMAT,
  VAULT_VERSION,
  VaultDataSchema,
  emptyVaultData,
  migrateVaultData,
  type VaultData,
} from './model.js';

export { previousGenerationPath, resolveVaultPath } from './location.js';

/** A vault file far beyond any real one is refused before it is read into memory. */
const MAX_VAULT_BYTES = 512 * 1024 * 1024;

async function readVaultText(path: string): Promise<string> {
  try {
    const tooLarge = (size: number) => new DamagedFileError(`${path} is ${size} bytes, too large to be a vault`);
    return (await readRegularFile(path, MAX_VAULT_BYTES, tooLarge)).toString('utf8');
  } catch (error) {
    throw vaultReadError(path, error);
  }
}

function vaultReadError(path: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new NoVaultError(path);
  if (code === 'EISDIR' || code === 'ENOTDIR')
    return new UserError(`${path} is not a vault file`, 'point --vault at the vault file itself');
  if (code === 'EACCES' || code === 'EPERM')
    return new UserError(`cannot read ${path}: permission denied`, "run airlock as the vault's owner");
  return explainReadError(path, error);
}

/**
 * Refuses at once a vault that is not there (or is a folder), so that nobody is asked for a
 * password, or to pipe in words, only to hear afterwards that there was nothing to open.
 */
export async function checkVaultFile(path: string): Promise<void> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') throw vaultReadError(path, error);
    return undefined; // anything else (a permission, a failing medium) the unlock finds and says
  });
  if (info?.isDirectory()) throw vaultReadError(path, { code: 'EISDIR' });
}

/** Refuses at once to create a vault where one is, before the new password is asked for twice. */
export async function checkNoVaultFile(path: string): Promise<void> {
  if (await fileExists(path)) throw vaultExists(path);
}

const vaultExists = (path: string) =>
  new AlreadyExistsError(`a vault already exists at ${path}`, 'use it, or choose another --vault path');

function decode(path: string, envelope: Envelope, key: EnvelopeKey): VaultData {
  const content = migrateVaultData(envelope.version, open(envelope, key, `vault ${path}`));
  const parsed = VaultDataSchema.safeParse(content);
  if (!parsed.success) throw new DamagedFileError(`vault ${path} holds data airlock cannot read`);
  // The rules every write keeps, without deriving keys (the writes derived them): a few ms for 10,000 accounts.
  const problem = structureProblem(parsed.data, parsed.data.settings);
  if (problem) {
    throw new DamagedFileError(
      `vault ${path} is damaged: ${problem}`,
      `open its previous generation (--vault ${previousGenerationPath(path)}) or restore a backup`,
    );
  }
  return parsed.data;
}

/**
 * An unlocked vault. The scrypt key is derived once, at unlock; every change re-reads the
 * file under the lock, applies itself to what is there now, and writes it back, so two
 * processes never lose each other's changes.
 */
export class VaultSession {
  private constructor(
    readonly path: string,
    private key: EnvelopeKey,
    private current: VaultData,
  ) {}

  get data(): VaultData {
    return this.current;
  }

  /** `scrypt` is for tests and benchmarks that create many vaults; it must be allow-listed. */
  static async create(
    path: string,
    password: Uint8Array,
    scrypt: ScryptParams = DEFAULT_SCRYPT,
  ): Promise<VaultSession> {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 }).catch((error: NodeJS.ErrnoException) => {
      // mkdir says EEXIST when a part of the path is a file.
      throw error.code === 'EEXIST' || error.code === 'ENOTDIR'
        ? new UserError(`cannot create ${path}: a part of the path is a file, not a directory`, 'check the path')
        : explainWriteError(error, path);
    });
    const key = await createKey(password, scrypt);
    const data = emptyVaultData();
    await withLock(path, async () => {
      if (await fileExists(path)) throw vaultExists(path);
      await writeFileDurably(path, seal(VAULT_FORMAT, VAULT_VERSION, data, key));
      // What an `init` killed mid-write left: a temp file that never took the vault's name.
      await removeStaleTemps(path, previousGenerationPath(path));
    });
    return new VaultSession(path, key, data);
  }

  static async unlock(path: string, password: Uint8Array): Promise<VaultSession> {
    const text = await readVaultText(path);
    const envelope = parseEnvelope(text, VAULT_FORMAT, `vault ${path}`);
    const key = await unlockKey(envelope, password, `vault ${path}`);
    try {
      return new VaultSession(path, key, decode(path, envelope, key));
    } catch (error) {
      wipeKey(key);
      throw error;
    }
  }

  /**
   * Applies `change` to the vault as it is on disk now and saves the result atomically. A
   * change that gives back the data it was given changed nothing: nothing is written, so the
   * previous generation is still the one before the last real change.
   */
  async update<T>(
    change: (data: VaultData) => Promise<{ data: VaultData; result: T }> | { data: VaultData; result: T },
  ): Promise<T> {
    return withLock(this.path, async () => {
      const now = await this.readLocked();
      const { data, result } = await change(now);
      this.current = now;
      if (data === now) return result;
      await writeFileDurably(this.path, seal(VAULT_FORMAT, VAULT_VERSION, data, this.key), {
        previous: previousGenerationPath(this.path),
      });
      await removeStaleTemps(this.path, previousGenerationPath(this.path));
      this.current = data;
      return result;
    });
  }

  /**
   * `changePassword` for a session left open: `current` must open the file afresh first, so an
   * unlocked screen left unattended is not enough to change the password. A wrong one throws
   * WrongPasswordError and changes nothing.
   */
  async changePasswordFrom(current: Uint8Array, next: Uint8Array): Promise<void> {
    (await VaultSession.unlock(this.path, current)).close();
    await this.changePassword(next);
  }

  /**
   * Re-encrypts under a new password with a new salt. The previous generation is replaced by
   * the new file too, so no copy under the old password stays behind.
   */
  async changePassword(password: Uint8Array): Promise<void> {
    const key = await createKey(password, this.key.params);
    await withLock(this.path, async () => {
      const data = await this.readLocked();
      const sealed = seal(VAULT_FORMAT, VAULT_VERSION, data, key);
      await writeFileDurably(this.path, sealed);
      await writeFileDurably(previousGenerationPath(this.path), sealed);
      // Temp files a killed writer left may hold generations under the old password.
      await removeStaleTemps(this.path, previousGenerationPath(this.path));
      this.current = data;
    });
    wipeKey(this.key);
    this.key = key;
  }

  /**
   * Whether `password` is the vault's, without keeping the password itself: it is derived
   * with the vault's salt and parameters (one scrypt, off the event loop) and compared.
   */
  async isVaultPassword(password: Uint8Array): Promise<boolean> {
    const derived = await deriveKey(password, this.key.salt, this.key.params);
    try {
      return checksMatch(derived.check, this.key.check);
    } finally {
      wipeKey(derived);
    }
  }

  /** The vault as it is on disk now; call with the lock held. */
  private async readLocked(): Promise<VaultData> {
    const text = await readVaultText(this.path);
    const envelope = parseEnvelope(text, VAULT_FORMAT, `vault ${this.path}`);
    if (!Buffer.from(envelope.kdf.salt).equals(Buffer.from(this.key.salt))) {
      throw new UserError('the vault password was changed by another airlock', 'unlock the vault again');
    }
    return decode(this.path, envelope, this.key);
  }

  close(): void {
    wipeKey(this.key);
  }
}
