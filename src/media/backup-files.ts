import { readdir, stat } from 'node:fs/promises';

/**
 * The two looks at the file system choosing a backup file needs besides the vault's backup
 * functions: what is at a destination, and which files a directory offers. Reading and
 * writing backups stays in `vault/backup.ts`.
 */

export interface Candidate {
  name: string;
  directory: boolean;
}

/** `.json` files and directories in `dir`, names sorted; none when it cannot be read. Hidden ones (temp files) are left out. */
export const listBackupCandidates = (dir: string): Promise<Candidate[]> => listCandidates(dir, 'json');

/** Which files a listing offers besides directories: `.json` ones (backups, key files), or any. */
export type ListedFiles = 'json' | 'any';

/** Files of the kind asked for and directories in `dir`, as listBackupCandidates lists them. */
export async function listCandidates(dir: string, files: ListedFiles): Promise<Candidate[]> {
  const wanted = (name: string) => files === 'any' || name.toLowerCase().endsWith('.json');
  try {
    const entries = await readdir(dir === '' ? '.' : dir, { withFileTypes: true });
    return entries
      .filter((e) => !e.name.startsWith('.') && (e.isDirectory() || (e.isFile() && wanted(e.name))))
      .map((e) => ({ name: e.name, directory: e.isDirectory() }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

/** Whether a backup written to `path` would replace a file, go into a directory, or make a new file. */
export async function destinationKind(path: string): Promise<'new' | 'file' | 'directory'> {
  try {
    return (await stat(path)).isDirectory() ? 'directory' : 'file';
  } catch {
    return 'new';
  }
}
