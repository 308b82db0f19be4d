/**
 * THIRD-PARTY-NOTICES: the licence of everything a release holds besides airlock's own code, each
 * package once, in name order, with the licence texts it ships (its own and those of code compiled
 * into it, such as hidapi in node-hid or libusb in usb).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const LICENCE_FILE = /^(licen[cs]e|copying|notice)/i;

/**
 * The package folder (under node_modules) a bundled file comes from, or undefined for airlock's own.
 * @param {string} path
 */
export function packageDirOf(path) {
  const at = path.lastIndexOf('node_modules/');
  if (at === -1) return undefined;
  const parts = path.slice(at + 'node_modules/'.length).split('/');
  const name = parts[0]?.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return path.slice(0, at) + 'node_modules/' + name;
}

/**
 * Licence files in a package, its own folders included (not its dependencies'), in path order.
 * @param {string} root
 * @param {string} dir
 * @param {string[]} found
 */
function licenceFiles(root, dir, found = []) {
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : 1,
  )) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory() && entry.name !== 'node_modules') licenceFiles(root, path, found);
    else if (entry.isFile() && LICENCE_FILE.test(entry.name)) found.push(path);
  }
  return found;
}

/**
 * The notices for the packages in `packageDirs` (paths under `root`) and the Node.js runtime,
 * whose licence text and version are `node`.
 * @param {{ root: string, packageDirs: string[], node: { version: string, licence: string } }} options
 */
export function thirdPartyNotices({ root, packageDirs, node }) {
  const rule = '='.repeat(78);
  // One section a name and version: copies of one package nested under several others are one.
  /** @type {Map<string, { dir: string, name: string, version: string, licence: string }>} */
  const packages = new Map();
  for (const dir of [...new Set(packageDirs)].sort()) {
    const manifest = manifestOf(join(root, dir));
    const key = `${manifest.name} ${manifest.version}`;
    if (!packages.has(key))
      packages.set(key, { dir, name: manifest.name, version: manifest.version, licence: licenceOf(manifest) });
  }
  const sections = [...packages.values()]
    .sort((a, b) => (a.name === b.name ? compareVersions(a.version, b.version) : a.name < b.name ? -1 : 1))
    .map(({ dir, name, version, licence }) => {
      const files = licenceFiles(root, dir);
      const texts = files.map(
        (file) => `--- ${file.slice(dir.length + 1)}\n\n${readFileSync(join(root, file), 'utf8').trim()}\n`,
      );
      const none =
        files.length === 0 ? ['The package ships no licence text; its package.json names the licence above.\n'] : [];
      return [`${rule}\n${name} ${version}\nLicence: ${licence}\n${rule}\n`, ...texts, ...none].join('\n');
    });
  const runtime = `${rule}\nNode.js ${node.version} (node/bin/node)\nLicence: MIT and the licences below\n${rule}\n\n${node.licence.trim()}\n`;
  const intro =
    'airlock is licensed under the Apache License 2.0. A release of it also holds the following\n' +
    'software, bundled into lib/ or shipped as it is (node/, lib/native/, lib/files/), under these licences.\n';
  return [intro, runtime, ...sections].join('\n');
}

/**
 * Orders versions by their numbers (6.35.5 before 6.35.7, 9.0.0 before 10.0.0).
 * @param {string} a
 * @param {string} b
 */
function compareVersions(a, b) {
  return a.localeCompare(b, 'en', { numeric: true });
}

/**
 * @param {string} dir
 * @returns {{ name: string, version: string, license?: unknown, licenses?: { type: string }[] }}
 */
function manifestOf(dir) {
  /** @type {unknown} */
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return /** @type {{ name: string, version: string }} */ (manifest);
}

/**
 * @param {{ license?: unknown, licenses?: { type: string }[] }} manifest
 * @returns {string}
 */
function licenceOf(manifest) {
  if (typeof manifest.license === 'string') return manifest.license;
  if (Array.isArray(manifest.licenses)) return manifest.licenses.map((l) => l.type).join(' OR ');
  return 'not stated';
}
