/**
 * `qr read --camera` reads through ffmpeg, and its tests make and read videos of QR frames. The
 * tests take the static ffmpeg that `npm ci` brings (@ffmpeg-installer ships it inside the
 * package, no install script), first on PATH, so every machine tests with the same program. On
 * a platform it has no binary for, an ffmpeg already on PATH is used; with neither, the test
 * command stops at once and says what to install, rather than failing camera tests one by one.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { delimiter, dirname } from 'node:path';

export function pathWithFfmpeg(path = process.env.PATH ?? ''): string {
  const packaged = packagedFfmpeg();
  if (packaged !== undefined) return [dirname(packaged), path].join(delimiter);
  if (runs('ffmpeg', path)) return path;
  throw new Error(
    'the camera tests need ffmpeg: @ffmpeg-installer has no binary for this platform and none is on PATH; ' +
      'install it (on Debian: apt-get install ffmpeg) and run the tests again',
  );
}

function packagedFfmpeg(): string | undefined {
  try {
    const { path } = createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string };
    return runs(path) ? path : undefined;
  } catch {
    return undefined; // no package for this platform and architecture
  }
}

function runs(program: string, path = process.env.PATH): boolean {
  try {
    execFileSync(program, ['-version'], { stdio: 'ignore', env: { PATH: path } });
    return true;
  } catch {
    return false;
  }
}
