/**
 * `airlock drives` as the real binary runs it on this machine (which usually has no removable
 * media: what is listed on fixture systems is tested in test/media/drives.test.ts).
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../src/media/format-bytes.js';
import type { RemovableDrive } from '../../src/media/drives.js';
import { runAirlock } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/files.js';

const NONE_FOUND = 'No removable drive is mounted; export can write to any directory you give it with --out.';

describe('airlock drives', () => {
  it('prints a JSON array and exits 0, with no vault and no password', async () => {
    const { code, stdout, stderr } = await runAirlock(['drives', '--json'], { vault: '/nonexistent/vault.json' });
    expect(code, stderr).toBe(0);
    expect(stderr).toBe('');
    const drives = JSON.parse(stdout) as RemovableDrive[];
    expect(Array.isArray(drives)).toBe(true);
    for (const drive of drives) {
      expect(drive).toMatchObject({
        mountPoint: expect.any(String) as unknown,
        device: expect.any(String) as unknown,
        filesystem: expect.any(String) as unknown,
        sizeBytes: expect.any(Number) as unknown,
        freeBytes: expect.any(Number) as unknown,
        readOnly: expect.any(Boolean) as unknown,
      });
    }
  });

  it('says in one line that no drive is mounted and where a backup can go instead, or shows a table', async () => {
    const listed = JSON.parse((await runAirlock(['drives', '--json'])).stdout) as RemovableDrive[];
    const { code, stdout, stderr } = await runAirlock(['drives']);
    expect(code, stderr).toBe(0);
    if (listed.length === 0) {
      expect(stdout).toBe(`${NONE_FOUND}\n`);
    } else {
      expect(stdout.split('\n')[0]).toMatch(/^MOUNT POINT +LABEL +FS +FREE +SIZE$/);
    }
  });
});

describe('formatBytes', () => {
  it('uses binary units with one decimal', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1024)).toBe('1.0 KiB');
    expect(formatBytes(15_354_429_440)).toBe('14.3 GiB');
    expect(formatBytes(1024 ** 3 - 1)).toBe('1.0 GiB');
    expect(formatBytes(2 * 1024 ** 4)).toBe('2.0 TiB');
  });
});

describe('imports', () => {
  it('loads no package but commander to list drives: no crypto, no user interface', async () => {
    const loaded = await staticImports(['src/cli/main.ts', 'src/cli/drives.ts']);
    const packages = [...loaded].filter((spec) => !spec.startsWith('src/') && !spec.startsWith('node:'));
    expect(packages).toEqual(['commander']);
  });
});

/** Every module reached from `entries` by static value imports (dynamic and type-only ones load nothing). */
async function staticImports(entries: string[]): Promise<Set<string>> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.startsWith('src/')) continue;
    const source = await readFile(join(REPO_ROOT, file), 'utf8');
    for (const [, spec] of source.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^;'"]*?\sfrom\s+)?'([^']+)'/gmu)) {
      queue.push(
        spec!.startsWith('.')
          ? relative(REPO_ROOT, join(REPO_ROOT, dirname(file), spec!)).replace(/\.js$/u, '.ts')
          : spec!,
      );
    }
  }
  return seen;
}
