/** What the hostile corpus is made of: files written to a temporary folder, each with what it must get. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export type Kind = 'airlock backup' | 'backup content' | 'polkadot.js' | 'special path' | 'picture' | 'qr code';

/** How an input is given to the binary. */
export type Command = 'import' | 'import --dry-run' | 'qr read';

export const IMPORT_BOTH: readonly Command[] = ['import', 'import --dry-run'];
export const QR_READ: readonly Command[] = ['qr read'];

/**
 * `refused`: any success is a defect (the file is damaged, or holds what a vault must not take).
 * `either`: a clean refusal or a clean success (a flip in bits a decoder ignores, a name it cleans).
 */
export type Expectation = 'refused' | 'either';

export interface HostileInput {
  kind: Kind;
  name: string;
  path: string;
  expect: Expectation;
  commands: readonly Command[];
  /** The password that opens the file, when it is not the corpus's own. */
  password?: string;
}

/** One generated file before it is written: its name, its bytes and what it must get. */
export interface Sample {
  name: string;
  data: string | Uint8Array;
  expect?: Expectation;
  password?: string;
}

/** The password every generated backup and key file is sealed with. */
export const FILE_PASSWORD = 'hostile-file-password-7';

export async function writeSamples(
  dir: string,
  kind: Kind,
  commands: readonly Command[],
  samples: readonly Sample[],
  expect: Expectation = 'refused',
): Promise<HostileInput[]> {
  const names = new Set<string>();
  return Promise.all(
    samples.map(async (sample) => {
      if (names.has(sample.name)) throw new Error(`two samples named ${sample.name}`);
      names.add(sample.name);
      const path = join(dir, sample.name);
      await writeFile(path, sample.data);
      return {
        kind,
        name: sample.name,
        path,
        expect: sample.expect ?? expect,
        commands,
        ...(sample.password ? { password: sample.password } : {}),
      };
    }),
  );
}

/** About `count` points spread evenly over [from, to), both ends included: where to cut or flip. */
export function spread(from: number, to: number, count: number): number[] {
  const points = new Set<number>([from, to - 1]);
  for (let i = 1; points.size < count && i < count * 4; i++) points.add(from + Math.floor(((to - from) * i) / count));
  return [...points].filter((p) => p >= from && p < to).sort((a, b) => a - b);
}

/** Flips one bit of a copy. */
export function flipBit(bytes: Uint8Array, at: number, bit: number): Uint8Array {
  const copy = Uint8Array.from(bytes);
  copy[at]! ^= 1 << bit;
  return copy;
}

export const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));
