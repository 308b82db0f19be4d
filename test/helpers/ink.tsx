/**
 * Drives Ink screens the way a person types: send keys, then wait until the frame changes or
 * shows a text, instead of sleeping. Built on ink-testing-library, with a terminal size that
 * can be set and changed (its stdout has no rows and a fixed width). Keys are in ./keys.ts.
 */
import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';
import { expect } from 'vitest';
import { shows, waitUntil } from './wait.js';

// eslint-disable-next-line no-control-regex -- what these match starts with ESC
const ANSI = /\u001B\[[0-9;?]*[A-Za-z]/gu;
// eslint-disable-next-line no-control-regex -- what these match starts with ESC
const SGR = /\u001B\[[0-9;]*m/gu;
const plain = (frame: string | undefined) => (frame ?? '').replace(ANSI, '');

/** `text` without its colours and styles, every other escape sequence kept. */
export const withoutColours = (text: string) => text.replace(SGR, '');

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
  /** Waits until `done` holds for the frame; `what` names it when it does not come. */
  waitForFrame: (done: (frame: string) => boolean, what: string, timeoutMs?: number) => Promise<string>;
  /** Waits until the frame shows `text`; returns every frame drawn on the way, the one shown now first. */
  framesUntil: (text: string | RegExp, timeoutMs?: number) => Promise<string[]>;
  resize: (columns: number, rows: number) => Promise<string>;
  unmount: () => void;
}

export async function renderScreen(tree: ReactElement, { columns = 80, rows = 24 } = {}): Promise<Screen> {
  const instance = render(tree);
  const stdout = instance.stdout as unknown as NodeJS.EventEmitter & { columns: number; rows: number };
  const setSize = (c: number, r: number) => {
    Object.defineProperty(stdout, 'columns', { configurable: true, get: () => c });
    Object.defineProperty(stdout, 'rows', { configurable: true, get: () => r });
    stdout.emit('resize');
  };
  const frame = () => plain(instance.lastFrame());
  const waitForFrame = (done: (f: string) => boolean, what: string, timeoutMs?: number) =>
    waitUntil(frame, what, { until: done, timeoutMs });
  const waitFor = (text: string | RegExp, timeoutMs?: number) =>
    waitForFrame((f) => shows(f, text), `"${String(text)}"`, timeoutMs);
  const send = (keys: string[]) => {
    for (const key of keys) instance.stdin.write(key);
  };

  setSize(columns, rows);
  await waitForFrame((f) => f.length > 0, 'a first frame');
  return {
    frame,
    colouredFrame: () => instance.lastFrame() ?? '',
    waitFor,
    waitForFrame,
    async framesUntil(text, timeoutMs) {
      const from = Math.max(0, instance.frames.length - 1);
      await waitFor(text, timeoutMs);
      const drawn = instance.frames.slice(from).map(plain);
      return drawn.filter((f, i) => f !== drawn[i - 1]);
    },
    async press(...keys) {
      const before = frame();
      send(keys);
      return waitForFrame((f) => f !== before, `a change after ${JSON.stringify(keys)}`);
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
      return waitForFrame((f) => f !== before, `a new layout at ${c}×${r}`);
    },
    unmount: () => instance.unmount(),
  };
}

/** Fails unless the frame is the `columns`×`rows` terminal: that many lines, none wider. */
export function expectFits(frame: string, columns = 80, rows = 24) {
  const lines = frame.split('\n');
  expect(lines, frame).toHaveLength(rows);
  for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(columns);
}
