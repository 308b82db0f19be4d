import { openSync } from 'node:fs';
import { ReadStream, WriteStream } from 'node:tty';
import { CancelledError, NoTerminalError } from '../errors.js';
import { enterFullScreen } from '../ui/full-screen.js';
import { NARROWEST, proseFor, wrapProse } from './wrap.js';

/**
 * The controlling terminal, opened directly so prompts work while stdin carries data (a
 * recovery phrase piped in) and stdout is redirected.
 */
interface Terminal {
  input: ReadStream;
  output: WriteStream;
  close(): void;
}

const SCRIPT_HINT = 'run airlock in a terminal, or see the README for the variables scripts use';

export function openTerminal(why: string, hint = SCRIPT_HINT): Terminal {
  let input: ReadStream;
  let output: WriteStream;
  try {
    input = new ReadStream(openSync('/dev/tty', 'r'));
    output = new WriteStream(openSync('/dev/tty', 'w'));
  } catch {
    throw new NoTerminalError(`no terminal to ${why}`, hint);
  }
  return {
    input,
    output,
    close() {
      input.setRawMode(false);
      input.destroy();
      output.destroy();
    },
  };
}

/** Whether a terminal is there to ask on, without asking anything. */
export function hasTerminal(): boolean {
  try {
    openTerminal('ask for input').close();
    return true;
  } catch {
    return false;
  }
}

/** A line for the person at the terminal, where the prompts are (stderr may be going to a log). */
export function tellTerminal(line: string): void {
  const terminal = openTerminal('say it on');
  terminal.output.write(proseFor(terminal.output, line));
  terminal.close();
}

/** Reads one line with echo off; the bytes are the caller's to wipe. */
export function askHidden(prompt: string): Promise<Uint8Array> {
  return readKeys(prompt, { echo: false });
}

/** Reads one visible line (used for typed confirmations). */
export async function askLine(prompt: string): Promise<string> {
  const bytes = await readKeys(prompt, { echo: true });
  return Buffer.from(bytes).toString('utf8');
}

function readKeys(prompt: string, { echo }: { echo: boolean }): Promise<Uint8Array> {
  const terminal = openTerminal('ask for input');
  const { input, output } = terminal;
  return new Promise((resolve, reject) => {
    let typed = Buffer.alloc(0);
    const finish = (error?: Error) => {
      input.off('data', onData);
      output.write('\r\n');
      terminal.close();
      if (error) {
        typed.fill(0);
        reject(error);
      } else resolve(new Uint8Array(typed));
    };
    const onData = (chunk: Buffer) => {
      if (chunk.length === 1 && chunk[0] === 0x1b) return finish(new CancelledError()); // Esc alone
      if (chunk[0] === 0x1b) return; // arrow and function keys: ignored
      for (const byte of chunk) {
        if (byte === 0x03) return finish(new CancelledError()); // Ctrl-C
        if (byte === 0x0d || byte === 0x0a || byte === 0x04) return finish();
        if (byte === 0x7f || byte === 0x08) {
          const chars = [...typed.toString('utf8')];
          chars.pop();
          typed.fill(0);
          typed = Buffer.from(chars.join(''), 'utf8');
          if (echo) output.write('\b \b');
        } else if (byte >= 0x20) {
          const grown = Buffer.concat([typed, Buffer.of(byte)]);
          typed.fill(0);
          typed = grown;
          if (echo) output.write(Buffer.of(byte));
        }
      }
      chunk.fill(0);
    };
    // Echo off before the prompt shows, so nothing typed in answer is ever echoed.
    input.setRawMode(true);
    input.on('data', onData);
    output.write(prompt);
  });
}

/**
 * Shows a secret on the terminal's alternate screen until Enter, then leaves it: the secret
 * is never in stdout, and does not stay in the scrollback, whatever ends the process meanwhile.
 * Ctrl-C and Esc cancel.
 */
export function showOnAlternateScreen(text: (width: number) => string, prompt: string): Promise<void> {
  const terminal = openTerminal('show the recovery phrase on');
  const { input } = terminal;
  return new Promise((resolve, reject) => {
    const screen = enterFullScreen(terminal);
    const leave = (error?: Error) => {
      input.off('data', onData);
      screen.leave();
      terminal.close();
      if (error) reject(error);
      else resolve();
    };
    const onData = (chunk: Buffer) => {
      if (chunk.includes(0x03) || chunk.includes(0x1b)) leave(new CancelledError());
      else if (chunk.includes(0x0d) || chunk.includes(0x0a)) leave();
    };
    input.setRawMode(true);
    input.on('data', onData);
    // Laid out for the terminal's width, so that it breaks lines between words, not within them.
    const width = terminal.output.columns || 80;
    const page = `${text(width)}\n\n${width >= NARROWEST ? wrapProse(prompt, width) : prompt}`;
    screen.output.write(page.replace(/\n/gu, '\r\n'));
  });
}
