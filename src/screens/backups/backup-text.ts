import { dirname, join } from 'node:path';
import { formatBytes } from '../../media/format-bytes.js';
import type { RemovableDrive } from '../../media/drives.js';
import { printable } from '../../printable.js';
import type { PlannedEntry } from '../../vault/import-plan.js';

/** What the backups screens say in words; pure, so the tests pin it without rendering. */

const two = (n: number) => String(n).padStart(2, '0');

/** `airlock-backup-20250102-030405.json`, in local time: the name a person sees in their file manager. */
export function backupFileName(at: Date): string {
  const day = `${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}`;
  const time = `${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}`;
  return `airlock-backup-${day}-${time}.json`;
}

/** Where a backup goes unless the user says otherwise: the first writable removable drive, else beside the vault. */
export function defaultDestination(drives: readonly RemovableDrive[], vaultPath: string, at: Date): string {
  const drive = drives.find((d) => !d.readOnly);
  return join(drive?.mountPoint ?? dirname(vaultPath), backupFileName(at));
}

/** Where to look for a backup first: the first removable drive, else the vault's directory. */
export function defaultSource(drives: readonly RemovableDrive[], vaultPath: string): string {
  const dir = drives[0]?.mountPoint ?? dirname(vaultPath);
  return dir.endsWith('/') ? dir : `${dir}/`;
}

/** `/media/usb (STICK, 3.1 GiB free)`. */
export function describeDrive(drive: RemovableDrive): string {
  const notes = [drive.label, `${formatBytes(drive.freeBytes)} free`, drive.readOnly ? 'read-only' : undefined].filter(
    Boolean,
  );
  // A drive's label and mount point are the stick's own words: shown escaped.
  return printable(`${drive.mountPoint} (${notes.join(', ')})`);
}

/** The drives line(s) of the home screen; undefined while they are still being looked for. */
export function drivesSummary(drives: readonly RemovableDrive[] | undefined): string[] {
  if (drives === undefined) return ['Looking for removable drives…'];
  if (drives.length === 0) return ['No removable drive is mounted now.'];
  return drives.map((d) => `Drive: ${describeDrive(d)}`);
}

/** What importing one entry does, in the CLI's words; a skip says why. */
export function describePlanned(entry: PlannedEntry): string {
  if (entry.action === 'skip')
    return printable(`skip: ${entry.reason ?? `already in the vault as "${entry.existing}"`}`);
  return entry.as ? printable(`add as "${entry.as}"`) : 'add';
}

/** An entry's name as the file has it, escaped, so the user sees what the backup holds; `describePlanned` says what it is kept as. */
export const plannedName = (entry: PlannedEntry): string => printable(entry.name);

/** One row of the preview: kind, name (cut to `nameWidth`), what happens to it. */
export function plannedRow(entry: PlannedEntry, nameWidth: number): string {
  const shown = plannedName(entry);
  const chars = [...shown];
  const name = chars.length > nameWidth ? `${chars.slice(0, Math.max(0, nameWidth - 1)).join('')}…` : shown;
  return `${entry.kind.padEnd(9)}${name.padEnd(nameWidth + 2)}${describePlanned(entry)}`;
}

/** Wide enough for the longest name, within `[6, max]`. */
export function nameColumn(entries: readonly PlannedEntry[], max: number): number {
  const longest = Math.max(0, ...entries.map((e) => [...plannedName(e)].length));
  return Math.max(6, Math.min(longest, max));
}

/** The end of a long path, where the user types, fitted into `width` columns: `…/STICK/backup.json`. */
export function elideStart(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `…${chars.slice(chars.length - Math.max(0, width - 1)).join('')}`;
}
