import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { explainReadError, readRegularFile } from '../../src/media/read-regular-file.js';
import { createScratch } from '../helpers/files.js';

let scratch: Awaited<ReturnType<typeof createScratch>>;
beforeAll(async () => (scratch = await createScratch('read-regular')));
afterAll(() => scratch?.remove());

const tooLarge = (size: number) => new UserError(`too large: ${size}`);
const read = (path: string, limit = 1000) => readRegularFile(path, limit, tooLarge);

describe('readRegularFile', () => {
  it('reads a regular file, and one through a symlink', async () => {
    const dir = await scratch.dir();
    await writeFile(join(dir, 'a.json'), 'hello');
    await symlink('a.json', join(dir, 'link.json'));
    expect((await read(join(dir, 'a.json'))).toString()).toBe('hello');
    expect((await read(join(dir, 'link.json'))).toString()).toBe('hello');
    expect((await read(join(dir, 'a.json'), 5)).toString()).toBe('hello');
  });

  it('refuses a FIFO at once, a device, a symlink loop and a file over the limit, each plainly', async () => {
    const dir = await scratch.dir();
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    await symlink('/dev/zero', join(dir, 'zero'));
    await symlink('loop', join(dir, 'loop'));
    await writeFile(join(dir, 'big'), Buffer.alloc(1001));
    await expect(read(join(dir, 'fifo'))).rejects.toThrow(`${join(dir, 'fifo')} is not a regular file (a FIFO)`);
    await expect(read(join(dir, 'zero'))).rejects.toThrow(`${join(dir, 'zero')} is not a regular file (a device)`);
    await expect(read(join(dir, 'loop'))).rejects.toThrow(`${join(dir, 'loop')}: too many levels of symbolic links`);
    await expect(read(join(dir, 'big'))).rejects.toThrow('too large: 1001');
  });

  it('never trusts the size: a file longer than it says is cut at the limit and refused', async () => {
    // /proc files say they are empty and are not: as a file growing while it is read.
    await expect(read('/proc/self/maps', 100)).rejects.toThrow('too large: 101');
    expect((await read('/proc/self/stat', 100_000)).length).toBeGreaterThan(0);
  });

  it('leaves a missing file and a folder to the caller, as readFile does, with plain words for them', async () => {
    const dir = await scratch.dir();
    await mkdir(join(dir, 'folder'));
    const missing = await read(join(dir, 'none')).catch((error: unknown) => error);
    const folder = await read(join(dir, 'folder')).catch((error: unknown) => error);
    expect(missing).toMatchObject({ code: 'ENOENT' });
    expect(folder).toMatchObject({ code: 'EISDIR' });
    expect(explainReadError('f', missing).message).toBe('no file at f');
    expect(explainReadError('f', folder).message).toBe('f is a folder');
  });
});
