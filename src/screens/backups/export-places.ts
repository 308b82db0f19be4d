import { basename, dirname, join } from 'node:path';
import type { RemovableDrive } from '../../media/drives.js';
import { printable } from '../../printable.js';
import { formatBytes } from '../../media/format-bytes.js';
import { backupFileName, defaultDestination } from './backup-text.js';

/** A folder a backup may be written to, with what it is (the field shows the folder itself). */
export interface ExportPlace {
  folder: string;
  about: string;
}

/**
 * Where a backup may go, in the order ←/→ offers them: the writable removable drives first, then
 * the folder last written to in this session, then beside the vault. Pure.
 */
export function exportPlaces(
  drives: readonly RemovableDrive[],
  lastFolder: string | undefined,
  vaultPath: string,
): ExportPlace[] {
  const places: ExportPlace[] = drives
    .filter((drive) => !drive.readOnly)
    .map((drive) => ({ folder: drive.mountPoint, about: aboutDrive(drive) }));
  const add = (folder: string, about: string) => {
    if (!places.some((place) => samePath(place.folder, folder))) places.push({ folder, about });
  };
  if (lastFolder !== undefined) add(lastFolder, 'written to last');
  add(dirname(vaultPath), 'beside the vault');
  return places;
}

/** `removable drive STICK, 3.1 GiB free`: the field shows the mount point itself. */
function aboutDrive(drive: RemovableDrive): string {
  // A drive's label is the stick's own words: shown escaped.
  return `removable drive ${printable(drive.label ?? drive.device)}, ${formatBytes(drive.freeBytes)} free`;
}

/** The destination an export starts with: the folder last written to, else the first writable drive, else beside the vault. */
export function startingDestination(
  drives: readonly RemovableDrive[],
  lastFolder: string | undefined,
  vaultPath: string,
  at: Date,
): string {
  return lastFolder === undefined ? defaultDestination(drives, vaultPath, at) : join(lastFolder, backupFileName(at));
}

/** Which of `places` the destination is in, or -1. */
export function placeOf(destination: string, places: readonly ExportPlace[]): number {
  const { folder } = splitDestination(destination);
  return places.findIndex((place) => samePath(place.folder, folder));
}

/** The destination moved to the next (or previous) place, keeping its file name (or `fileName` when it names none). */
export function stepPlace(destination: string, places: readonly ExportPlace[], step: 1 | -1, fileName: string): string {
  if (places.length === 0) return destination;
  const at = placeOf(destination, places);
  const next = at < 0 ? (step > 0 ? 0 : places.length - 1) : (at + step + places.length) % places.length;
  return join(places[next]!.folder, splitDestination(destination).name || fileName);
}

/** `/media/usb/b.json` is in `/media/usb` and named `b.json`; `/media/usb/` names only a folder. */
function splitDestination(destination: string): { folder: string; name: string } {
  const path = destination.trim();
  return path.endsWith('/') ? { folder: path, name: '' } : { folder: dirname(path), name: basename(path) };
}

const samePath = (a: string, b: string) => a.replace(/\/+$/u, '') === b.replace(/\/+$/u, '');
