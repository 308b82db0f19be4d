import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { pathWithFfmpeg } from './ffmpeg.js';

describe('the ffmpeg the tests run', () => {
  it('is found from a PATH with no ffmpeg on it, from the package npm ci installs', () => {
    const path = pathWithFfmpeg('/nonexistent');
    expect(path.endsWith(':/nonexistent')).toBe(true);
    const version = execFileSync('ffmpeg', ['-version'], { env: { PATH: path }, encoding: 'utf8' });
    expect(version).toMatch(/^ffmpeg version /u);
  });
});
