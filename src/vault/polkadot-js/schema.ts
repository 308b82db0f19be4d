import { z } from 'zod';
import { DamagedFileError, UserError } from '../../errors.js';
import { issueSentence } from '../schema-issues.js';
import { MAX_ACCOUNTS, MAX_ENCODED_KEY, MAX_FILE_BYTES } from './types.js';

const Meta = z
  .record(z.string(), z.unknown())
  .nullish()
  .transform((meta) => meta ?? {});

const Encoding = z.object({
  content: z.union([z.string(), z.array(z.string())]),
  type: z.union([z.string(), z.array(z.string())]),
  version: z.union([z.string(), z.number()]).transform(String),
});

/** `KeyringPair$Json` of every version polkadot.js reads. */
export const PairJsonSchema = z.object({
  address: z.string().min(1).max(256),
  encoded: z.string().min(1).max(MAX_ENCODED_KEY),
  encoding: Encoding,
  meta: Meta,
});

const BatchJsonSchema = z.object({
  encoded: z.string().min(1),
  encoding: Encoding,
});

export type PairJson = z.infer<typeof PairJsonSchema>;
export type EncodingJson = z.infer<typeof Encoding>;

export type ParsedKeyFile =
  | { kind: 'account'; json: PairJson }
  | { kind: 'batch'; json: z.infer<typeof BatchJsonSchema> }
  | { kind: 'list'; entries: PairJson[] };

export function parseKeyFile(text: string, what: string): ParsedKeyFile {
  if (text.length > MAX_FILE_BYTES || Buffer.byteLength(text, 'utf8') > MAX_FILE_BYTES) {
    throw new UserError(
      `${what} is too large for a polkadot.js key file (over ${MAX_FILE_BYTES / 1024 / 1024} MiB)`,
      'check that you chose the right file',
    );
  }
  const json = parseJson(text, what);
  if (Array.isArray(json)) return { kind: 'list', entries: parseList(json, what) };
  const content = (json as { encoding?: { content?: unknown } } | null)?.encoding?.content;
  if (Array.isArray(content) && content.includes('batch-pkcs8')) {
    // The extension lists a batch's accounts in the clear too: a count is refused before the batch is opened.
    const listed = (json as { accounts?: unknown }).accounts;
    if (Array.isArray(listed)) checkCount(listed.length, what);
    return { kind: 'batch', json: parseWith(BatchJsonSchema, json, what) };
  }
  if (content === 'pkcs8' || (Array.isArray(content) && content[0] === 'pkcs8')) {
    return { kind: 'account', json: parseWith(PairJsonSchema, json, what) };
  }
  throw notKeyFile(what);
}

/** The decrypted list inside a batch. */
export function parseBatchContent(text: string, what: string): PairJson[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DamagedFileError(`${what} is damaged: its accounts are not JSON`);
  }
  if (!Array.isArray(json)) throw new DamagedFileError(`${what} is damaged: its accounts are not a list`);
  return parseList(json, what);
}

function parseList(json: unknown[], what: string): PairJson[] {
  if (json.length === 0) throw new UserError(`${what} holds no accounts`);
  checkCount(json.length, what);
  // Each entry is checked alone, so that a fault is told of the account that has it.
  return json.map((entry, index) => parseWith(PairJsonSchema, entry, `${what}, account ${index + 1}`));
}

function checkCount(count: number, what: string): void {
  if (count > MAX_ACCOUNTS) {
    throw new UserError(
      `${what} holds ${count.toLocaleString('en-US')} accounts; airlock reads at most ${MAX_ACCOUNTS.toLocaleString('en-US')} from one file`,
      'split the accounts over several files',
    );
  }
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // A file that starts like JSON but does not parse was most likely cut short.
    if (/^[[{]/u.test(text.trimStart())) {
      throw new DamagedFileError(
        `${what} is damaged: it is not complete JSON`,
        'it may be truncated; copy it again from where it came from',
      );
    }
    throw notKeyFile(what, 'it is not JSON');
  }
}

function parseWith<T>(schema: z.ZodType<T>, json: unknown, what: string): T {
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new DamagedFileError(`${what} is damaged: ${issueSentence(parsed.error, json)}`, DAMAGED_HINT);
  return parsed.data;
}

const DAMAGED_HINT = 'copy it again from where it came from, or export it again from polkadot.js';

function notKeyFile(what: string, why?: string): UserError {
  return new UserError(
    `${what} is neither an airlock backup nor a polkadot.js key file${why ? `: ${why}` : ''}`,
    'airlock reads its own backups, and account and "export all" files from polkadot.js apps and the polkadot.js extension',
  );
}
