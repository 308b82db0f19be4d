/**
 * The end-to-end tests drive airlock in real terminals and load its USB stack: before they run,
 * say at once which Debian packages are missing, rather than let tests fail one by one.
 * (ffmpeg comes with `npm ci`, see test/setup/ffmpeg.ts; the media fault tests fall back to
 * injected errors without unshare and setpriv.)
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** @param {string} program */
const onPath = (program) => spawnSync('/bin/sh', ['-c', `command -v ${program}`], { stdio: 'ignore' }).status === 0;
// ldconfig is in /sbin, which a user's PATH often lacks.
const libraries = ['/sbin/ldconfig', 'ldconfig'].map(
  (ldconfig) => spawnSync(ldconfig, ['-p'], { encoding: 'utf8' }).stdout ?? '',
);
/** @param {string} file */
const hasLibrary = (file) => libraries.some((list) => list.includes(`${file} `));

const needs = [
  { what: 'tmux, to run the full-screen app in a terminal', package: 'tmux', found: onPath('tmux') },
  { what: 'script, to answer prompts in a pseudo-terminal', package: 'bsdutils', found: onPath('script') },
  {
    what: 'unshare, to run the offline release with no network',
    package: 'util-linux',
    found: onPath('unshare'),
  },
  {
    what: "QEMU's arm64 emulator, to run the arm64 release",
    package: 'qemu-user-static',
    found: onPath('qemu-aarch64-static'),
  },
  {
    what: 'arm64 runtime libraries for the arm64 release (after `dpkg --add-architecture arm64`)',
    package: 'libc6:arm64 libstdc++6:arm64 libusb-1.0-0:arm64 libudev1:arm64',
    found: [
      '/lib/ld-linux-aarch64.so.1',
      ...['libstdc++.so.6', 'libusb-1.0.so.0', 'libudev.so.1'].map((file) => `/usr/lib/aarch64-linux-gnu/${file}`),
    ].every((path) => existsSync(path)),
  },
  {
    what: 'libusb-1.0, which the Ledger USB module links',
    package: 'libusb-1.0-0',
    found: hasLibrary('libusb-1.0.so.0'),
  },
];
const missing = needs.filter(({ found }) => !found);
if (missing.length > 0) {
  process.stderr.write(
    `The end-to-end tests need ${missing.map(({ what }) => what).join('; ')}.\n` +
      `On Debian or Ubuntu: sudo apt-get install -y ${missing.map((need) => need.package).join(' ')}\n`,
  );
  process.exit(1);
}
