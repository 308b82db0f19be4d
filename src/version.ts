/** Kept in step with package.json (a test checks it), so `--version` reads no file. */
export const VERSION = '0.1.0';
