import { formatBytes } from '../media/format-bytes.js';
import { listRemovableDrives, type RemovableDrive } from '../media/drives.js';
import { printJson, printTable, sayProse } from './context.js';

/** `airlock drives`: where a backup can go. Needs no vault and loads no crypto. */
export async function listDrives(options: { json?: boolean }): Promise<void> {
  const drives = await listRemovableDrives();
  if (options.json) return printJson(drives);
  if (drives.length === 0) {
    return sayProse('No removable drive is mounted; export can write to any directory you give it with --out.');
  }
  printTable(['MOUNT POINT', 'LABEL', 'FS', 'FREE', 'SIZE'], drives.map(row));
}

function row(drive: RemovableDrive): string[] {
  const free = formatBytes(drive.freeBytes);
  return [
    drive.mountPoint,
    drive.label ?? '',
    drive.filesystem,
    drive.readOnly ? `${free} (read-only)` : free,
    formatBytes(drive.sizeBytes),
  ];
}
