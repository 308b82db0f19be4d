import { listRemovableDrives, type RemovableDrive } from '../media/drives.js';
import { printJson, printTable, say } from './context.js';

/** `airlock drives`: where a backup can go. Needs no vault and loads no crypto. */
export async function listDrives(options: { json?: boolean }): Promise<void> {
  const drives = await listRemovableDrives();
  if (options.json) return printJson(drives);
  if (drives.length === 0) {
    return say('No removable drive is mounted; export can write to any directory you give it with --out.');
  }
  printTable(['MOUNT POINT', 'LABEL', 'FS', 'FREE', 'SIZE'], drives.map(row));
}

function row(drive: RemovableDrive): string[] {
  const free = formatBytes(drive.freeBytes);
  return [drive.mountPoint, drive.label ?? '', drive.filesystem, drive.readOnly ? `${free} (read-only)` : free, formatBytes(drive.sizeBytes)];
}

const UNITS = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/** Binary units with one decimal: `512 B`, `14.3 GiB` (1023.95 KiB and up round to the next unit). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  let value = bytes;
  let unit = -1;
  do {
    value /= 1024;
    unit += 1;
  } while (value >= 1023.95 && unit < UNITS.length - 1);
  return `${value.toFixed(1)} ${UNITS[unit]}`;
}
