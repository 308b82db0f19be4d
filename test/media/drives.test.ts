/**
 * Removable-drive discovery on fixture systems: a tree under a temporary directory standing
 * for `/`, with procfs, sysfs and /dev laid out as Linux lays them out (sysfs and udev links
 * are relative, as the kernel and udev make them), or with `/Volumes` and mount(8) for macOS.
 */
import { chmod, copyFile, mkdir, mkdtemp, rm, stat, statfs, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { listRemovableDrives, type RemovableDrive } from '../../src/media/drives.js';
import { decodeMountInfoField, decodeUdevName, parseMountInfo } from '../../src/media/mountinfo.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/drives/', import.meta.url));
const scratch: string[] = [];
afterAll(() => Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true }))));

async function tempDir(where = tmpdir()): Promise<string> {
  const dir = await mkdtemp(join(where, 'airlock-drives-'));
  scratch.push(dir);
  return dir;
}

async function put(path: string, text = ''): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}

/** A relative symlink at `link` to `target`, both absolute paths inside the fixture. */
async function link(link: string, target: string): Promise<void> {
  await mkdir(dirname(link), { recursive: true });
  await symlink(relative(dirname(link), target), link);
}

const PCI = 'devices/pci0000:00';
const USB1 = `${PCI}/0000:00:14.0/usb1`;
const USB2 = `${PCI}/0000:00:14.0/usb2`;

/** Whole disks: sysfs directory (under /sys), `removable`, partitions. */
const DISKS = [
  { dir: `${PCI}/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0/block/sda`, removable: '0', parts: ['sda2', 'sda3'] },
  { dir: `${PCI}/0000:00:1d.0/0000:3d:00.0/nvme/nvme0/nvme0n1`, removable: '0', parts: ['nvme0n1p1'] },
  // A USB stick that says it is removable.
  { dir: `${USB1}/1-2/1-2:1.0/host6/target6:0:0/6:0:0:0/block/sdb`, removable: '1', parts: ['sdb1'] },
  // A USB SSD that says it is not removable: found by its USB path. Mounted read-only.
  { dir: `${USB2}/2-1/2-1:1.0/host7/target7:0:0/7:0:0:0/block/sdc`, removable: '0', parts: ['sdc1'] },
  // The stick under the LUKS mapping dm-0.
  { dir: `${USB1}/1-3/1-3:1.0/host8/target8:0:0/8:0:0:0/block/sdd`, removable: '1', parts: ['sdd1'] },
  // Bob's stick: mounted, but its mount point is out of this user's reach.
  { dir: `${USB1}/1-4/1-4:1.0/host9/target9:0:0/9:0:0:0/block/sde`, removable: '1', parts: ['sde1'] },
  // A stick hidden by a tmpfs mounted over it.
  { dir: `${USB2}/2-2/2-2:1.0/host10/target10:0:0/10:0:0:0/block/sdf`, removable: '1', parts: ['sdf1'] },
  // An SD card in a built-in reader (the kernel says not removable) and the board's eMMC.
  {
    dir: 'devices/platform/soc/fe340000.mmc/mmc_host/mmc0/mmc0:aaaa/block/mmcblk0',
    removable: '0',
    parts: ['mmcblk0p1'],
    mmcType: 'SD',
  },
  {
    dir: 'devices/platform/soc/fe320000.mmc/mmc_host/mmc1/mmc1:0001/block/mmcblk1',
    removable: '0',
    parts: ['mmcblk1p2'],
    mmcType: 'MMC',
  },
  { dir: 'devices/virtual/block/loop0', removable: '0', parts: [] },
  { dir: 'devices/virtual/block/dm-0', removable: '0', parts: [], slaves: ['sdd1'] },
];

const MOUNT_POINTS = [
  '/',
  '/home',
  '/boot/efi',
  '/tmp',
  '/run',
  '/snap/core22/1380',
  '/data',
  '/media/alice/MY STICK',
  '/media/alice/3A1F-0C2D',
  '/media/alice/ARCHIVE',
  '/media/alice/vault',
  '/srv/backups',
  '/mnt/under',
];

/** A Linux system with the disks above, mounted as test/fixtures/drives/mountinfo.txt says. */
async function linuxFixture(): Promise<string> {
  const root = await tempDir();
  const sys = join(root, 'sys');
  const dev = join(root, 'dev');
  await mkdir(join(root, 'proc', 'self'), { recursive: true });
  await copyFile(join(FIXTURES, 'mountinfo.txt'), join(root, 'proc', 'self', 'mountinfo'));
  const sysDirOf = new Map<string, string>();
  for (const disk of DISKS) {
    const diskDir = join(sys, disk.dir);
    const name = disk.dir.split('/').at(-1)!;
    sysDirOf.set(name, diskDir);
    await put(join(diskDir, 'removable'), `${disk.removable}\n`);
    for (const part of disk.parts) {
      await put(join(diskDir, part, 'partition'), '1\n');
      sysDirOf.set(part, join(diskDir, part));
    }
    if (disk.mmcType) {
      await put(join(diskDir, '..', '..', 'type'), `${disk.mmcType}\n`);
      await link(join(diskDir, 'device'), join(diskDir, '..', '..'));
    }
  }
  for (const [name, dir] of sysDirOf) {
    await link(join(sys, 'class', 'block', name), dir);
    await put(join(dev, name));
  }
  await link(join(sysDirOf.get('dm-0')!, 'slaves', 'sdd1'), sysDirOf.get('sdd1')!);
  await link(join(dev, 'mapper', 'luks-0f3c'), join(dev, 'dm-0'));
  await link(join(dev, 'disk', 'by-uuid', '5d1c77a0-3b4e-4f51-9a0e-2c6f1b8d4e11'), join(dev, 'sdc1'));
  for (const [label, name] of [
    ['MY\\x20STICK', 'sdb1'],
    ['ARCHIVE', 'sdc1'],
    ['vault', 'dm-0'],
    ['rootfs', 'sda2'],
  ]) {
    await link(join(dev, 'disk', 'by-label', label!), join(dev, name!));
  }
  for (const mountPoint of MOUNT_POINTS) await mkdir(join(root, mountPoint), { recursive: true });
  return root;
}

describe('listRemovableDrives on Linux', () => {
  it('lists USB sticks, USB disks, SD cards and LUKS on USB, and nothing internal, virtual or unreachable', async () => {
    const root = await linuxFixture();
    const drives = await listRemovableDrives({ platform: 'linux', root });

    const { bsize, blocks } = await statfs(root);
    const sized = (drive: Omit<RemovableDrive, 'sizeBytes' | 'freeBytes'>) => ({
      ...drive,
      sizeBytes: blocks * bsize,
      freeBytes: expect.any(Number) as unknown,
    });
    expect(drives).toEqual([
      sized({ mountPoint: '/media/alice/3A1F-0C2D', device: '/dev/mmcblk0p1', filesystem: 'exfat', readOnly: false }),
      sized({
        mountPoint: '/media/alice/ARCHIVE',
        device: '/dev/disk/by-uuid/5d1c77a0-3b4e-4f51-9a0e-2c6f1b8d4e11',
        label: 'ARCHIVE',
        filesystem: 'ext4',
        readOnly: true,
      }),
      sized({
        mountPoint: '/media/alice/MY STICK',
        device: '/dev/sdb1',
        label: 'MY STICK',
        filesystem: 'vfat',
        readOnly: false,
      }),
      sized({
        mountPoint: '/media/alice/vault',
        device: '/dev/mapper/luks-0f3c',
        label: 'vault',
        filesystem: 'ext4',
        readOnly: false,
      }),
    ]);
    expect(drives[0]).not.toHaveProperty('label');
    for (const drive of drives) expect(drive.freeBytes).toBeLessThanOrEqual(drive.sizeBytes);
  });

  it('leaves out a LUKS mapping when a disk under it is internal', async () => {
    const root = await linuxFixture();
    const dm = join(root, 'sys', 'devices', 'virtual', 'block', 'dm-0');
    await link(join(dm, 'slaves', 'sda3'), join(root, 'sys', DISKS[0]!.dir, 'sda3'));
    const drives = await listRemovableDrives({ platform: 'linux', root });
    expect(drives.map((d) => d.mountPoint)).not.toContain('/media/alice/vault');
  });

  it('says plainly when the mount table cannot be read', async () => {
    const root = await tempDir();
    const failure = listRemovableDrives({ platform: 'linux', root });
    await expect(failure).rejects.toBeInstanceOf(UserError);
    await expect(failure).rejects.toThrow(/cannot read the mount table/);
  });
});

/** A directory on another filesystem than the temporary one, to stand for a mounted volume. */
const OTHER_FS = '/dev/shm';
const deviceOf = (path: string) =>
  stat(path).then(
    (info) => info.dev,
    () => undefined,
  );
const otherFsDevice = await deviceOf(OTHER_FS);
const otherFsAvailable = otherFsDevice !== undefined && otherFsDevice !== (await deviceOf(tmpdir()));

describe('listRemovableDrives on macOS', () => {
  it.skipIf(!otherFsAvailable)('lists the volumes in /Volumes but the boot volume and stale folders', async () => {
    const root = await tempDir();
    const elsewhere = await tempDir(OTHER_FS);
    await mkdir(join(root, 'Volumes', 'Left Behind'), { recursive: true }); // a folder on `/`, nothing mounted
    await symlink(root, join(root, 'Volumes', 'Macintosh HD'));
    for (const name of ['MY STICK', 'OLD NTFS', 'UNLISTED']) {
      await mkdir(join(elsewhere, name));
      await symlink(join(elsewhere, name), join(root, 'Volumes', name));
    }
    await mkdir(join(root, 'Volumes', '.Trashes'));
    await put(join(root, 'sbin', 'mount'), '#!/bin/sh\nexec cat "$(dirname "$0")/mount.txt"\n');
    await chmod(join(root, 'sbin', 'mount'), 0o755);
    await copyFile(join(FIXTURES, 'macos-mount.txt'), join(root, 'sbin', 'mount.txt'));

    const drives = await listRemovableDrives({ platform: 'darwin', root });

    const { bsize, blocks } = await statfs(elsewhere);
    const sized = { sizeBytes: blocks * bsize, freeBytes: expect.any(Number) as unknown };
    expect(drives).toEqual([
      {
        mountPoint: '/Volumes/MY STICK',
        device: '/dev/disk4s1',
        label: 'MY STICK',
        filesystem: 'msdos',
        ...sized,
        readOnly: false,
      },
      {
        mountPoint: '/Volumes/OLD NTFS',
        device: '/dev/disk5s1',
        label: 'OLD NTFS',
        filesystem: 'ntfs',
        ...sized,
        readOnly: true,
      },
      // Missing from mount(8)'s answer: what can be known without it.
      {
        mountPoint: '/Volumes/UNLISTED',
        device: '',
        label: 'UNLISTED',
        filesystem: 'unknown',
        ...sized,
        readOnly: false,
      },
    ]);
  });

  it('lists nothing when there is no /Volumes', async () => {
    expect(await listRemovableDrives({ platform: 'darwin', root: await tempDir() })).toEqual([]);
  });
});

describe('listRemovableDrives elsewhere', () => {
  it('has nothing to list on platforms without a known layout', async () => {
    expect(await listRemovableDrives({ platform: 'win32', root: await tempDir() })).toEqual([]);
  });

  it('runs on this machine and returns an array, whatever is mounted', async () => {
    const drives = await listRemovableDrives();
    expect(Array.isArray(drives)).toBe(true);
    for (const drive of drives) {
      expect(drive.mountPoint).toMatch(/^\//);
      expect(drive.freeBytes).toBeLessThanOrEqual(drive.sizeBytes);
    }
  });
});

describe('mountinfo', () => {
  it('decodes the octal escapes of space, tab, newline and backslash', () => {
    expect(decodeMountInfoField('/media/alice/MY\\040STICK')).toBe('/media/alice/MY STICK');
    expect(decodeMountInfoField('/mnt/a\\011b\\012c\\134d')).toBe('/mnt/a\tb\nc\\d');
    expect(decodeMountInfoField('/media/alice/Müll')).toBe('/media/alice/Müll');
  });

  it('finds the fields after any number of optional fields, and skips lines of another shape', () => {
    const text = [
      '36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue',
      '40 22 8:17 / /media/x\\040y rw - vfat /dev/sdb1 rw',
      '41 22 8:18 / /media/z ro,nosuid shared:3 master:2 propagate_from:1 unbindable - vfat /dev/sdb2 ro,uid=1000',
      'not a mountinfo line',
      '',
    ].join('\n');
    expect(parseMountInfo(text)).toEqual([
      {
        root: '/mnt1',
        mountPoint: '/mnt2',
        mountOptions: ['rw', 'noatime'],
        filesystem: 'ext3',
        source: '/dev/root',
        superOptions: ['rw', 'errors=continue'],
      },
      {
        root: '/',
        mountPoint: '/media/x y',
        mountOptions: ['rw'],
        filesystem: 'vfat',
        source: '/dev/sdb1',
        superOptions: ['rw'],
      },
      {
        root: '/',
        mountPoint: '/media/z',
        mountOptions: ['ro', 'nosuid'],
        filesystem: 'vfat',
        source: '/dev/sdb2',
        superOptions: ['ro', 'uid=1000'],
      },
    ]);
  });

  it('decodes udev label names, whose escaped bytes are UTF-8', () => {
    expect(decodeUdevName('MY\\x20STICK')).toBe('MY STICK');
    expect(decodeUdevName('M\\xc3\\xbcll\\x2fBackups')).toBe('Müll/Backups');
    expect(decodeUdevName('Müll')).toBe('Müll');
  });
});
