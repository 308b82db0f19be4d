import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { UserError } from '../errors.js';
import { decodeImages } from './decode-pool.js';
import { Reassembly, type FrameVerdict, type Progress, type Reassembled } from './reassembly.js';

const PICTURE = new Set(['.png', '.jpg', '.jpeg']);

export interface ReadTally extends Record<FrameVerdict | 'no-code', number> {
  pictures: number;
}

export interface ReadOptions {
  /** After each picture: how many were read, what became of them, and the transfer's progress. */
  onProgress?: (tally: ReadTally, progress: Progress) => void;
  signal?: AbortSignal;
  workers?: number;
}

/**
 * Reads QR codes from pictures and folders of pictures (in any order) and puts the transfer
 * back together. Duplicates, frames of other transfers and pictures without a code are
 * skipped; it stops as soon as the transfer is complete.
 */
export async function readQrImages(inputs: readonly string[], options: ReadOptions = {}): Promise<{ result: Reassembled; tally: ReadTally }> {
  const paths = (await Promise.all(inputs.map(picturesAt))).flat();
  const reassembly = new Reassembly();
  const tally: ReadTally = { pictures: 0, new: 0, duplicate: 0, 'other-transfer': 0, 'not-a-frame': 0, 'no-code': 0 };
  for await (const { path, text } of decodeImages(paths, options)) {
    tally.pictures += 1;
    tally[text === null ? 'no-code' : reassembly.receive(text, path)] += 1;
    options.onProgress?.(tally, reassembly.progress());
    if (reassembly.complete) break;
  }
  return { result: reassembly.result(), tally };
}

/** A picture, or the pictures of a folder (by name, so a sequence reads in its order). */
async function picturesAt(path: string): Promise<string[]> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(path)).isDirectory();
  } catch {
    throw new UserError(`no file or folder at ${path}`, 'check the path');
  }
  if (!isFolder) return [path];
  const names = (await readdir(path)).filter((name) => PICTURE.has(extname(name).toLowerCase())).sort();
  if (names.length === 0) throw new UserError(`no PNG or JPEG pictures in ${path}`, 'give the folder the frames were saved to');
  return names.map((name) => join(path, name));
}
