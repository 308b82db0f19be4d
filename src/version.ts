import { RELEASE } from './shipped-files.js';

/** Kept in step with package.json (a test checks it), so `--version` reads no file. */
export const VERSION = '0.1.0';

/** What `--version` prints: a release also names the commit it was built from. */
export const VERSION_TEXT = RELEASE ? `${VERSION} (commit ${RELEASE.commit})` : VERSION;
