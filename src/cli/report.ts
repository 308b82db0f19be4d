import { CommanderError } from 'commander';
import { describeError, UsageError, type ErrorCode } from '../errors.js';
import { printable } from '../printable.js';
import { proseFor } from './wrap.js';

/** What a failure says, in words and as the `--json` error object. */
interface Failure {
  code: ErrorCode;
  message: string;
  hint?: string;
}

const USAGE_HINT = 'run airlock --help for usage';

/** Whether the command line asks for `--json` (before a `--`): then a failure, too, is JSON. */
export function asksForJson(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).includes('--json');
}

/**
 * Says on stderr what went wrong and returns the exit status: 0 for help and the version, 2
 * for a usage error, else 1. Under `--json` it is one line, `{"error": {"code", "message",
 * "hint"}}`, and commander has been told to print nothing itself.
 */
export function reportFailure(error: unknown, json: boolean): number {
  if (error instanceof CommanderError && error.exitCode === 0) return 0;
  const status = error instanceof CommanderError || error instanceof UsageError ? 2 : 1;
  if (json) {
    const { code, message, hint } = error instanceof CommanderError ? fromCommander(error) : described(error);
    process.stderr.write(`${JSON.stringify({ error: { code, message, ...(hint ? { hint } : {}) } })}\n`);
    return status;
  }
  // Commander has printed its message, with its "did you mean".
  if (error instanceof CommanderError) return status;
  const { code, message, hint } = described(error);
  const expected = code !== 'internal';
  // Messages quote files, codes and arguments: nothing in them may act on the terminal.
  const tell = (line: string) => process.stderr.write(proseFor(process.stderr, printable(line)));
  if (error instanceof UsageError) {
    tell(`error: ${message}`);
    tell(`(${hint ?? USAGE_HINT})`);
    return status;
  }
  // One line: what went wrong, then what to do about it.
  tell(`airlock: ${expected ? '' : 'internal error: '}${message}${hint ? `; ${hint}` : ''}`);
  if (!expected && process.env.AIRLOCK_DEBUG)
    process.stderr.write(`${printable(String(error instanceof Error ? error.stack : error), { multiline: true })}\n`);
  return status;
}

function described(error: unknown): Failure {
  const { code, message, hint, expected } = describeError(error);
  return expected
    ? { code, message, hint }
    : { code, message, hint: 'this is a bug in airlock; please report it with the command you ran' };
}

/** Commander's `error: unknown command 'x'\n(Did you mean y?)` as a message and a hint. */
function fromCommander(error: CommanderError): Failure {
  if (error.code === 'commander.help')
    return { code: 'usage', message: 'a command is missing', hint: 'run airlock --help for the commands' };
  const [first = '', ...rest] = error.message.split('\n');
  const guess = /^\(Did you mean (.+)\?\)$/u.exec(rest.join('\n').trim())?.[1];
  return {
    code: 'usage',
    message: printable(first.replace(/^error: /u, '')),
    hint: guess ? `did you mean ${printable(guess)}?` : USAGE_HINT,
  };
}
