import type { z } from 'zod';
import { printable, QUOTED } from '../printable.js';

/**
 * What is wrong with a file's JSON, said as a sentence about the file ("its version is
 * missing", "its kdf.salt must be 32 bytes") rather than in zod's words, which speak of
 * "input" and of types a person who holds the file has never seen.
 */

const KINDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  record: 'an object',
  null: 'null',
};

/** The first issue of a failed parse of `input`, as a clause: `its version is missing`. */
export function issueSentence(error: z.ZodError, input: unknown): string {
  const issue = error.issues[0];
  if (!issue) return 'it is malformed';
  // The path names keys of the file: shown escaped, as everything from a file is.
  const field = printable(issue.path.map(String).join('.'), QUOTED);
  return `${field ? `its ${field}` : 'it'} ${predicate(issue, valueAt(input, issue.path))}`;
}

function predicate(issue: z.core.$ZodIssue, value: unknown): string {
  if (value === undefined && issue.path.length > 0) return 'is missing';
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${KINDS[issue.expected] ?? issue.expected}`;
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? 'is empty' : `is shorter than ${count(issue.minimum)} characters`;
      return `must be ${bound(issue.origin, issue.minimum, issue.inclusive, 'at least', 'more than')}`;
    case 'too_big':
      if (issue.origin === 'string') return `is longer than ${count(issue.maximum)} characters`;
      return `must be ${bound(issue.origin, issue.maximum, issue.inclusive, 'at most', 'less than')}`;
    case 'invalid_value':
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'invalid_union':
      return 'is neither of the forms it may take';
    case 'custom':
      // Custom checks in airlock's schemas word their message as a predicate: "must be 32 bytes".
      return issue.message;
    default:
      return 'is not valid';
  }
}

const count = (n: number | bigint) => Number(n).toLocaleString('en-US');

function bound(
  origin: string,
  limit: number | bigint,
  inclusive: boolean | undefined,
  within: string,
  beyond: string,
): string {
  const phrase = `${inclusive === false ? beyond : within} ${count(limit)}`;
  return origin === 'array' ? `a list of ${phrase} entries` : phrase;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
