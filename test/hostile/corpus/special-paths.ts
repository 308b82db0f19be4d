/**
 * Paths that are not regular files, given where a backup or a picture is expected: a FIFO
 * (no writer ever comes), a symlink to /dev/zero (endless), a symlink loop, a folder named
 * like a file, and folders of pictures holding such things.
 */
import { execFile } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { QR_READ, type Command, type HostileInput } from './inputs.js';

const run = promisify(execFile);
/** A path that is no file is refused before any vault is opened, the same way with --dry-run. */
const IMPORT: readonly Command[] = ['import'];

type Maker = (path: string) => Promise<unknown>;

const fifo: Maker = (path) => run('mkfifo', [path]);
const linkTo =
  (target: string): Maker =>
  (path) =>
    symlink(target, path);
const loop: Maker = async (path) => {
  await symlink(`${path}.other`, path);
  await symlink(path, `${path}.other`);
};
const folder: Maker = (path) => mkdir(path);
/** A folder of pictures, one of which is `inside`. */
const folderHolding =
  (name: string, inside: Maker): Maker =>
  async (path) => {
    await mkdir(path);
    await inside(join(path, name));
  };

export async function specialPathInputs(dir: string, goodPicture: Uint8Array): Promise<HostileInput[]> {
  const withGood =
    (maker: Maker): Maker =>
    async (path) => {
      await maker(path);
      await writeFile(join(path, '0-good.png'), goodPicture);
    };
  const cases: [string, Maker, readonly Command[]][] = [
    ['fifo.json', fifo, IMPORT],
    ['zero.json', linkTo('/dev/zero'), IMPORT],
    ['null.json', linkTo('/dev/null'), IMPORT],
    ['loop.json', loop, IMPORT],
    ['dangling.json', linkTo('/nonexistent/airlock-hostile'), IMPORT],
    ['folder.json', folder, IMPORT],
    ['fifo.png', fifo, QR_READ],
    ['zero.png', linkTo('/dev/zero'), QR_READ],
    ['null.png', linkTo('/dev/null'), QR_READ],
    ['loop.png', loop, QR_READ],
    ['folder.png', folder, QR_READ],
    ['folder-with-fifo', withGood(folderHolding('1-fifo.png', fifo)), QR_READ],
    ['folder-with-zero', withGood(folderHolding('1-zero.png', linkTo('/dev/zero'))), QR_READ],
    ['folder-with-loop', withGood(folderHolding('1-loop.png', loop)), QR_READ],
    ['folder-with-folder', withGood(folderHolding('1-folder.png', folder)), QR_READ],
  ];
  return Promise.all(
    cases.map(async ([name, make, commands]) => {
      const path = join(dir, name);
      await make(path);
      // A folder's good picture may be read with the bad one left out, or the bad one refused.
      const expect = name.startsWith('folder-with-') ? ('either' as const) : ('refused' as const);
      return { kind: 'special path' as const, name, path, expect, commands };
    }),
  );
}
