/**
 * The environment of every program airlock starts (ffmpeg, mount): what finding and running a
 * program needs, and nothing else. Whatever else the user's environment holds (a password a
 * script gave, the vault's path) stays with airlock.
 */
const PASSED = new Set([
  'PATH',
  'HOME',
  'LANG',
  'LANGUAGE',
  'TZ',
  'TMPDIR',
  'LD_LIBRARY_PATH',
  'DYLD_LIBRARY_PATH',
  'SYSTEMROOT',
]);

export function childEnvironment(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const passed: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && (PASSED.has(name) || name.startsWith('LC_'))) passed[name] = value;
  }
  return passed;
}
