/**
 * A real terminal for end-to-end tests: airlock runs inside tmux (its own server socket per
 * test file), keys go in with `send-keys`, the screen comes out with `capture-pane`.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { AIRLOCK_BIN } from './cli.js';
import { shows, waitUntil } from './wait.js';

const run = promisify(execFile);

export interface Terminal {
  /** What the screen shows now. */
  screen: () => Promise<string>;
  /** What the screen shows now, with its colours as SGR codes (`capture-pane -e`). */
  colouredScreen: () => Promise<string>;
  /** Everything the terminal holds: scrollback and screen. */
  history: () => Promise<string>;
  waitFor: (text: string | RegExp, timeoutMs?: number) => Promise<string>;
  /** Named keys (`Enter`, `Escape`, `Tab`, `C-c`, `Down` …), as tmux spells them. */
  keys: (...keys: string[]) => Promise<void>;
  /** Literal text, typed as is. */
  type: (text: string) => Promise<void>;
  /** Pastes text the way a terminal does: bracketed, when the app asked for it. */
  paste: (text: string) => Promise<void>;
  resize: (columns: number, rows: number) => Promise<void>;
  /** Waits for the shell's marker that airlock has exited; returns its exit status. */
  exited: (timeoutMs?: number) => Promise<number>;
  close: () => Promise<void>;
}

export interface TerminalOptions {
  columns?: number;
  rows?: number;
  args?: string[];
  env?: Record<string, string>;
  /** The airlock to run, as words: the checkout's built one unless given (a release's launcher, say). */
  airlock?: readonly string[];
  /** Words that run it: a namespace to run in, such as `unshare -n`. */
  wrapper?: readonly string[];
  /** Start from an empty environment (`env -i`): only `env`, TERM and CI. */
  emptyEnvironment?: boolean;
}

const EXIT_MARKER = 'airlock-exited:';

export async function openTerminal({
  columns = 80,
  rows = 24,
  args = [],
  env = {},
  airlock = [process.execPath, AIRLOCK_BIN],
  wrapper = [],
  emptyEnvironment = false,
}: TerminalOptions = {}): Promise<Terminal> {
  const socket = `airlock-test-${randomBytes(4).toString('hex')}`;
  const tmux = (...a: string[]) => run('tmux', ['-L', socket, '-f', '/dev/null', ...a]).then((r) => r.stdout);
  const quote = (w: string) => `'${w.replace(/'/gu, `'\\''`)}'`;
  // CI=false: Ink draws only a final frame when it thinks it runs in CI. The marker line shows
  // the exit status once airlock has left the alternate screen.
  const assignments = Object.entries({ ...env, CI: 'false', TERM: 'xterm-256color' }).map(
    ([k, v]) => `${k}=${quote(v)}`,
  );
  const words = [...wrapper, 'env', ...(emptyEnvironment ? ['-i'] : [])].map(quote);
  const command = `${words.join(' ')} ${assignments.join(' ')} ${[...airlock, ...args].map(quote).join(' ')}; echo ${EXIT_MARKER}$?; sleep 600`;
  await tmux('new-session', '-d', '-s', 'main', '-x', String(columns), '-y', String(rows), command);
  await tmux('set-option', '-g', 'history-limit', '10000');

  const screen = () => tmux('capture-pane', '-p', '-t', 'main');
  const waitFor = (text: string | RegExp, timeoutMs = 15_000) =>
    waitUntil(screen, String(text), { until: (shown) => shows(shown, text), timeoutMs, everyMs: 50 });
  return {
    screen,
    colouredScreen: () => tmux('capture-pane', '-e', '-N', '-p', '-t', 'main'),
    history: () => tmux('capture-pane', '-p', '-S', '-', '-E', '-', '-t', 'main'),
    waitFor,
    keys: async (...keys) => void (await tmux('send-keys', '-t', 'main', ...keys)),
    type: async (text) => void (await tmux('send-keys', '-t', 'main', '-l', text)),
    paste: async (text) => {
      await tmux('set-buffer', '-b', 'paste', text);
      await tmux('paste-buffer', '-p', '-d', '-b', 'paste', '-t', 'main');
    },
    resize: async (c, r) => void (await tmux('resize-window', '-t', 'main', '-x', String(c), '-y', String(r))),
    exited: async (timeoutMs) => {
      const shown = await waitFor(new RegExp(`${EXIT_MARKER}\\d+`, 'u'), timeoutMs);
      return Number(new RegExp(`${EXIT_MARKER}(\\d+)`, 'u').exec(shown)![1]);
    },
    close: async () => {
      await tmux('kill-server').catch(() => undefined);
    },
  };
}
