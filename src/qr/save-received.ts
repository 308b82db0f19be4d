import { join } from 'node:path';
import { UserError } from '../errors.js';
import { destinationKind } from '../media/backup-files.js';
import { writeFileDurably } from '../media/durable-write.js';

/**
 * Writes what QR codes held as `airlock qr read --out` and the screen both keep it: durably,
 * and readable by the owner only, since a backup or anything else received is no one else's.
 */
export const writeReceived = (path: string, payload: Uint8Array) => writeFileDurably(path, payload, { mode: 0o600 });

/**
 * Saves what QR codes held where the person said: a folder gets it as `fileName`. Never over a
 * file already there. Returns the path written.
 */
export async function saveReceived(destination: string, payload: Uint8Array, fileName: string): Promise<string> {
  let target = destination.trim();
  if (!target) throw new UserError('there is no path to save it to', 'type one');
  if ((await destinationKind(target)) === 'directory') target = join(target, fileName);
  if ((await destinationKind(target)) !== 'new') throw new UserError(`${target} already exists`, 'type another name');
  await writeReceived(target, payload);
  return target;
}
