import { dirname } from 'node:path';

/**
 * The folder each vault session last wrote a backup to, so that the next export starts there:
 * a custodian writing to the same stick again should not have to type its path again. Kept in
 * memory only, for as long as the session is open.
 */
const lastFolders = new WeakMap<object, string>();

export const rememberDestination = (session: object, target: string): void =>
  void lastFolders.set(session, dirname(target));

export const lastDestinationFolder = (session: object): string | undefined => lastFolders.get(session);
