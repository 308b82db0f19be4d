import { readdir, readFile, realpath } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { UserError } from '../errors.js';
import type { MountedDrive } from './drives.js';
import { decodeUdevName, parseMountInfo, type MountInfoEntry } from './mountinfo.js';

/** Mounted filesystems whose block device is removable or on USB, read from procfs, sysfs and /dev under `root`. */
export async function linuxRemovableMounts(root: string): Promise<MountedDrive[]> {
  const sys = await realpath(join(root, 'sys')).catch(() => join(root, 'sys'));
  const [mounts, labels] = await Promise.all([readMounts(root), readLabels(root)]);
  const found: MountedDrive[] = [];
  for (const mount of mounts) {
    if (!mount.source.startsWith('/dev/')) continue; // tmpfs, proc, network filesystems…
    const name = await kernelName(root, mount.source);
    if (!(await isRemovable(sys, name))) continue;
    const label = labels.get(name);
    found.push({
      mountPoint: mount.mountPoint,
      device: mount.source,
      ...(label === undefined ? {} : { label }),
      filesystem: mount.filesystem,
      readOnly: mount.mountOptions.includes('ro') || mount.superOptions.includes('ro'),
    });
  }
  return found;
}

/** The mounts that show a whole filesystem, one per mount point. */
async function readMounts(root: string): Promise<MountInfoEntry[]> {
  const path = join(root, 'proc', 'self', 'mountinfo');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UserError(
      `cannot read the mount table ${path}: ${(error as Error).message}`,
      'give export a directory with --out instead',
    );
  }
  const byMountPoint = new Map<string, MountInfoEntry>();
  // A later mount on the same directory hides the earlier one.
  for (const entry of parseMountInfo(text)) byMountPoint.set(entry.mountPoint, entry);
  // A bind mount of a folder on a stick (root other than `/`) is the same drive seen again.
  return [...byMountPoint.values()].filter((entry) => entry.root === '/');
}

/** `/dev/disk/by-uuid/…` and `/dev/mapper/…` are links: the kernel's name is where they lead. */
async function kernelName(root: string, source: string): Promise<string> {
  const resolved = await realpath(join(root, source)).catch(() => source);
  return basename(resolved);
}

/** Kernel device name → filesystem label, from udev's `/dev/disk/by-label` links. */
async function readLabels(root: string): Promise<Map<string, string>> {
  const dir = join(root, 'dev', 'disk', 'by-label');
  const links = await readdir(dir).catch(() => [] as string[]);
  const labels = new Map<string, string>();
  await Promise.all(
    links.map(async (link) => {
      const target = await realpath(join(dir, link)).catch(() => undefined);
      if (target) labels.set(basename(target), decodeUdevName(link));
    }),
  );
  return labels;
}

/**
 * True when the whole disk under a block device says it is removable, hangs off a USB bus
 * (USB hard disks and SSDs report removable=0), or is an SD card (an SD card in a built-in
 * reader often reports removable=0 too; eMMC soldered to the board has type MMC, not SD).
 * Device-mapper devices (LUKS, LVM) are removable when everything under them is.
 */
async function isRemovable(sys: string, name: string, depth = 0): Promise<boolean> {
  const entry = await realpath(join(sys, 'class', 'block', name)).catch(() => undefined);
  if (!entry || depth > 4) return false;
  const disk = (await readText(join(entry, 'partition'))) === undefined ? entry : dirname(entry);
  if ((await readText(join(disk, 'removable'))) === '1') return true;
  if (
    relative(sys, disk)
      .split(sep)
      .some((part) => /^usb\d+$/u.test(part))
  )
    return true;
  if (basename(disk).startsWith('mmcblk') && (await readText(join(disk, 'device', 'type'))) === 'SD') return true;
  const slaves = await readdir(join(disk, 'slaves')).catch(() => [] as string[]);
  if (slaves.length === 0) return false;
  const verdicts = await Promise.all(slaves.map((slave) => isRemovable(sys, slave, depth + 1)));
  return verdicts.every(Boolean);
}

async function readText(path: string): Promise<string | undefined> {
  return readFile(path, 'utf8').then(
    (text) => text.trim(),
    () => undefined,
  );
}
