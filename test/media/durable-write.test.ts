import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainWriteError, removeStaleTemps, writeFileDurably } from '../../src/media/durable-write.js';
import { UserError } from '../../src/errors.js';

const tempDir = () => mkdtemp(join(tmpdir(), 'airlock-write-'));

describe('writeFileDurably', () => {
  it('replaces a file, keeps the previous generation, and leaves no temp file', async () => {
    const dir = await tempDir();
    const path = join(dir, 'vault.json');
    await writeFileDurably(path, 'first');
    await writeFileDurably(path, 'second', { previous: `${path}.bak` });
    expect(await readFile(path, 'utf8')).toBe('second');
    expect(await readFile(`${path}.bak`, 'utf8')).toBe('first');
    expect((await readdir(dir)).sort()).toEqual(['vault.json', 'vault.json.bak']);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('leaves what was there and no temp file when the final step fails', async () => {
    const dir = await tempDir();
    // A non-empty directory where the file should go makes the rename fail after the data is written.
    const path = join(dir, 'vault.json');
    await mkdir(path);
    await writeFile(join(path, 'keep'), 'old');
    await expect(writeFileDurably(path, 'new')).rejects.toThrow();
    expect(await readFile(join(path, 'keep'), 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['vault.json']);
  });

  it('says plainly when the directory is missing', async () => {
    const dir = await tempDir();
    await expect(writeFileDurably(join(dir, 'missing', 'x.json'), 'new')).rejects.toThrow(/directory does not exist/);
  });

  it('clears temp files killed writers left, and nothing else', async () => {
    const dir = await tempDir();
    const path = join(dir, 'vault.json');
    const keep = ['vault.json', 'vault.json.bak', 'vault.json.lock', 'notes.tmp', '.other.json.0123456789ab.tmp'];
    const stale = ['.vault.json.0123456789ab.tmp', '.vault.json.bak.ba9876543210.tmp'];
    await Promise.all([...keep, ...stale].map((name) => writeFile(join(dir, name), 'x')));
    await removeStaleTemps(path, `${path}.bak`);
    expect((await readdir(dir)).sort()).toEqual([...keep].sort());
  });

  it.each([
    ['ENOSPC', /medium is full/],
    ['EROFS', /read-only/],
    ['EACCES', /permission denied/],
    ['EIO', /medium removed/],
  ])('explains %s in words', (code, message) => {
    const error = Object.assign(new Error('raw'), { code });
    const explained = explainWriteError(error, '/media/usb/backup.json');
    expect(explained).toBeInstanceOf(UserError);
    expect((explained as Error).message).toMatch(message);
    expect((explained as Error).message).toContain('/media/usb/backup.json');
  });
});
