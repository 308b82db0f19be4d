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
export async function listBackupCandidates(dir: string): Promise<Candidate[]> {
  try {
    const entries = await readdir(dir === '' ? '.' : dir, { withFileTypes: true });
    return entries
      .filter(
        (e) => !e.name.startsWith('.') && (e.isDirectory() || (e.isFile() && e.name.toLowerCase().endsWith('.json'))),
      )
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
