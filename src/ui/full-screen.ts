import { constants } from 'node:os';
import { printable } from '../printable.js';

/**
 * The alternate screen, for whatever may show a secret (the app, a new recovery phrase, a QR
 * code): entered cleared, and left on every way out (quit, Ctrl-C, SIGTERM, SIGHUP, SIGINT, a
 * crash, an unhandled rejection) in the one safe order: silence what draws, clear the alternate
 * screen, restore the terminal, and only then go back to the main screen. What was drawn stays
 * on the alternate screen, which keeps no scrollback, and nothing can follow it onto the main
 * screen: a renderer that writes its last frame on exit (Ink does, through signal-exit) writes
 * into `output`, which drops everything once the screen is left.
 */
export interface FullScreen<Output> {
  /** Where to draw: the terminal while the alternate screen is shown, nowhere after. */
  readonly output: Output;
  /** Clears the alternate screen and leaves it; later calls do nothing. */
  leave(): void;
}

interface TerminalEnds<Output> {
  input: { isTTY?: boolean; setRawMode(raw: boolean): unknown };
  output: Output;
}

type Writable = Pick<NodeJS.WritableStream, 'write'> & object;

const ENTER = '\x1b[?1049h\x1b[H\x1b[2J'; // alternate screen, cleared
const PASTE_ON = '\x1b[?2004h';
const LEAVE = '\x1b[2J\x1b[H\x1b[?2004l\x1b[?25h\x1b[?1049l'; // clear, paste off, cursor back, main screen
const SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGINT', 'SIGQUIT'];

export function enterFullScreen<Output extends Writable>(
  terminal: TerminalEnds<Output>,
  { bracketedPaste = false } = {},
): FullScreen<Output> {
  const { input } = terminal;
  const write = (text: string) => terminal.output.write(text);
  let shown = true;
  const output = gated(terminal.output, () => shown);

  const leave = () => {
    if (!shown) return;
    shown = false; // first, while still on the alternate screen: from here on nothing drawn gets out
    for (const signal of SIGNALS) process.off(signal, onSignal);
    process.off('exit', leave);
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
    // A terminal that hung up refuses writes; the process is ending then anyway.
    attempt(() => write(LEAVE));
    attempt(() => input.isTTY && input.setRawMode(false));
  };
  const onSignal = (signal: NodeJS.Signals) => {
    leave();
    // Die of the signal, as the shell expects (status 128+n): nothing may catch it again.
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
    process.exit(128 + (constants.signals[signal] ?? 0));
  };
  const onCrash = (error: unknown) => {
    leave();
    const message = printable(error instanceof Error ? error.message : String(error));
    process.stderr.write(`airlock: internal error: ${message}; this is a bug in airlock; please report it\n`);
    process.exit(1);
  };

  write(ENTER + (bracketedPaste ? PASTE_ON : ''));
  process.on('exit', leave);
  for (const signal of SIGNALS) process.on(signal, onSignal);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  return { output, leave };
}

/** The stream as it is, except that writes are dropped (their callbacks still called) once `open` says no. */
function gated<Output extends Writable>(stream: Output, open: () => boolean): Output {
  const dropped = (_chunk: unknown, encodingOrDone?: unknown, done?: unknown) => {
    const callback = typeof encodingOrDone === 'function' ? encodingOrDone : done;
    if (typeof callback === 'function') process.nextTick(callback);
    return true;
  };
  return new Proxy(stream, {
    get(target, key) {
      if (key === 'write' && !open()) return dropped;
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      const bound: unknown = value.bind(target);
      return bound;
    },
  });
}

function attempt(step: () => unknown): void {
  try {
    step();
  } catch {
    // The terminal is gone; there is nothing left to restore on it.
  }
}
