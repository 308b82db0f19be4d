/**
 * Drives Ink screens the way a person types: send keys, then wait until the frame changes or
 * shows a text, instead of sleeping. Built on ink-testing-library, with a terminal size that
 * can be set and changed (its stdout has no rows and a fixed width).
 */
import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';
import { expect } from 'vitest';

export const ENTER = '\r';
export const ESC = '\u001B';
export const TAB = '\t';
export const SHIFT_TAB = '\u001B[Z';
export const ARROW_UP = '\u001B[A';
export const ARROW_DOWN = '\u001B[B';
export const ARROW_LEFT = '\u001B[D';
export const ARROW_RIGHT = '\u001B[C';
export const PAGE_DOWN = '\u001B[6~';
export const BACKSPACE = '\u007F';
export const CTRL_C = '\u0003';

const ANSI = /\u001B\[[0-9;?]*[A-Za-z]/gu;
const plain = (frame: string | undefined) => (frame ?? '').replace(ANSI, '');

export interface Screen {
  /** The last frame, without colours or styles. */
  frame: () => string;
  /** The last frame as the terminal gets it, colours and all: for QR codes, which are their colours. */
  colouredFrame: () => string;
  /** Sends keys and waits until the frame changes. */
  press: (...keys: string[]) => Promise<string>;
  /** Sends keys and waits until the frame shows `text`. */
  pressUntil: (text: string | RegExp, ...keys: string[]) => Promise<string>;
  /** Types text, one write per character as a person would; then wait for what it should show. */
  type: (text: string) => void;
  /** Waits until the frame shows `text`. */
  waitFor: (text: string | RegExp, timeoutMs?: number) => Promise<string>;
  resize: (columns: number, rows: number) => Promise<string>;
  unmount: () => void;
}

const shows = (frame: string, text: string | RegExp) =>
  typeof text === 'string' ? frame.includes(text) : text.test(frame);

export async function renderScreen(tree: ReactElement, { columns = 80, rows = 24 } = {}): Promise<Screen> {
  const instance = render(tree);
  const stdout = instance.stdout as unknown as NodeJS.EventEmitter & { columns: number; rows: number };
  const setSize = (c: number, r: number) => {
    Object.defineProperty(stdout, 'columns', { configurable: true, get: () => c });
    Object.defineProperty(stdout, 'rows', { configurable: true, get: () => r });
    stdout.emit('resize');
  };
  const frame = () => plain(instance.lastFrame());

  const waitUntil = async (done: (f: string) => boolean, what: string, timeoutMs = 10_000) => {
    const started = Date.now();
    while (!done(frame())) {
      if (Date.now() - started > timeoutMs) {
        expect.fail(`timed out waiting for ${what}; the screen shows:\n${frame()}`);
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    return frame();
  };
  const waitFor = (text: string | RegExp, timeoutMs?: number) =>
    waitUntil((f) => shows(f, text), `"${String(text)}"`, timeoutMs);
  const send = (keys: string[]) => {
    for (const key of keys) instance.stdin.write(key);
  };

  setSize(columns, rows);
  await waitUntil((f) => f.length > 0, 'a first frame');
  return {
    frame,
    colouredFrame: () => instance.lastFrame() ?? '',
    waitFor,
    async press(...keys) {
      const before = frame();
      send(keys);
      return waitUntil((f) => f !== before, `a change after ${JSON.stringify(keys)}`);
    },
    async pressUntil(text, ...keys) {
      send(keys);
      return waitFor(text);
    },
    type(text) {
      for (const ch of text) instance.stdin.write(ch);
    },
    async resize(c, r) {
      const before = frame();
      setSize(c, r);
      return waitUntil((f) => f !== before, `a new layout at ${c}×${r}`);
    },
    unmount: () => instance.unmount(),
  };
}
