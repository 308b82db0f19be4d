import { statfs } from 'node:fs/promises';
import { join } from 'node:path';
import { linuxRemovableMounts } from './linux-drives.js';
import { macVolumes } from './mac-volumes.js';

/** A mounted filesystem on removable media (a USB stick, an SD card): a place for backups. */
export interface RemovableDrive {
  mountPoint: string;
  /** The mount's source, e.g. `/dev/sdb1`, `/dev/mapper/luks-…`, `/dev/disk4s1`. */
  device: string;
  label?: string;
  filesystem: string;
  sizeBytes: number;
  /** Space an ordinary user may write (statfs `bavail`, without the root reserve). */
  freeBytes: number;
  readOnly: boolean;
}

/** What the platform's mount table says, before measuring. */
export type MountedDrive = Omit<RemovableDrive, 'sizeBytes' | 'freeBytes'>;

export interface DriveDiscoveryOptions {
  /** Whose conventions to follow: `linux` or `darwin`; any other platform has none to list. */
  platform?: NodeJS.Platform;
  /**
   * Where the system's `/` is (default `/`). Tests point it at a fixture tree holding
   * `proc/self/mountinfo`, `sys/`, `dev/` and the mount points (or `Volumes/` and `sbin/mount`).
   * Mount points are reported as the system names them, without this prefix.
   */
  root?: string;
}

/**
 * The removable drives that are mounted now, sorted by mount point. A drive whose mount point
 * this user cannot reach (another user's `/media/NAME/…`) is left out: no backup can go there.
 */
export async function listRemovableDrives(options: DriveDiscoveryOptions = {}): Promise<RemovableDrive[]> {
  const platform = options.platform ?? process.platform;
  const root = options.root ?? '/';
  const mounted =
    platform === 'linux' ? await linuxRemovableMounts(root) : platform === 'darwin' ? await macVolumes(root) : [];
  const drives = await Promise.all(mounted.map((drive) => measure(root, drive)));
  return drives
    .filter((drive): drive is RemovableDrive => drive !== undefined)
    .sort((a, b) => (a.mountPoint < b.mountPoint ? -1 : a.mountPoint > b.mountPoint ? 1 : 0));
}

async function measure(root: string, drive: MountedDrive): Promise<RemovableDrive | undefined> {
  try {
    const { bsize, blocks, bavail } = await statfs(join(root, drive.mountPoint));
    const { mountPoint, device, label, filesystem, readOnly } = drive;
    return {
      mountPoint,
      device,
      ...(label === undefined ? {} : { label }),
      filesystem,
      sizeBytes: blocks * bsize,
      freeBytes: bavail * bsize,
      readOnly,
    };
  } catch {
    return undefined;
  }
}
