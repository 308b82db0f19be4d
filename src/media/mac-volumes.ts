import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { childEnvironment } from '../child-environment.js';
import type { MountedDrive } from './drives.js';

interface MacMount {
  source: string;
  filesystem: string;
  readOnly: boolean;
}

/** Every volume in `/Volumes` but the boot volume; the volume's name is its label. */
export async function macVolumes(root: string): Promise<MountedDrive[]> {
  const volumes = join(root, 'Volumes');
  const [names, rootInfo, table] = await Promise.all([
    readdir(volumes).catch(() => [] as string[]),
    stat(root),
    readMountTable(root),
  ]);
  const found: MountedDrive[] = [];
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const path = join(volumes, name);
    const info = await stat(path).catch(() => undefined);
    // The boot volume is a link to `/`; a folder an unclean eject left behind also sits on `/`.
    if (!info?.isDirectory() || info.dev === rootInfo.dev) continue;
    const mountPoint = `/Volumes/${name}`;
    const mount = table.get(mountPoint);
    found.push({
      mountPoint,
      device: mount?.source ?? '',
      label: name,
      filesystem: mount?.filesystem ?? 'unknown',
      readOnly: mount ? mount.readOnly : !(await isWritable(path)),
    });
  }
  return found;
}

/**
 * macOS has no mountinfo and Node's statfs gives no filesystem name, so mount(8) says what
 * each volume is: `/dev/disk4s1 on /Volumes/MY STICK (msdos, local, nodev, nosuid, noowners)`.
 */
async function readMountTable(root: string): Promise<Map<string, MacMount>> {
  const output = await new Promise<string>((resolve) => {
    execFile(join(root, 'sbin', 'mount'), [], { timeout: 5_000, env: childEnvironment() }, (error, stdout) =>
      resolve(error ? '' : stdout),
    );
  });
  const table = new Map<string, MacMount>();
  for (const line of output.split('\n')) {
    const match = /^(.+?) on (.+) \(([^()]*)\)$/u.exec(line);
    if (!match) continue;
    const [filesystem = 'unknown', ...options] = match[3]!.split(', ');
    table.set(match[2]!, { source: match[1]!, filesystem, readOnly: options.includes('read-only') });
  }
  return table;
}

async function isWritable(path: string): Promise<boolean> {
  return access(path, constants.W_OK).then(
    () => true,
    () => false,
  );
}
