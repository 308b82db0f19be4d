/**
 * The alternate screen's ways out that no key or signal reaches: a crash and an unhandled
 * rejection while Ink draws a secret, and process.exit. A real terminal (script(1)) records
 * every byte: the secret appears only between entering the alternate screen and clearing it,
 * nothing follows onto the main screen, and the process ends with status 1 (0 for exit).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/files.js';

const SECRET = 'lonely-fit-walk-secret';
const ENTER = '\x1b[?1049h';
const CLEAR = '\x1b[2J';
const LEAVE = '\x1b[?1049l';

const module = (path: string) => JSON.stringify(pathToFileURL(join(REPO_ROOT, path)).href);

/**
 * A script that draws SECRET with Ink on the alternate screen, in a frame as tall as the
 * terminal (as the app's is: Ink then redraws it whole, even unchanged, on exit), then ends as
 * `ending` says.
 */
function script(ending: string): string {
  return `
    import React from 'react';
    import { Box, render, Text } from ${module('node_modules/ink/build/index.js')};
    import { enterFullScreen } from ${module('dist/ui/full-screen.js')};
    const screen = enterFullScreen({ input: process.stdin, output: process.stdout });
    const frame = React.createElement(Box, { height: process.stdout.rows }, React.createElement(Text, null, ${JSON.stringify(SECRET)}));
    render(frame, { stdout: screen.output, patchConsole: true });
    setInterval(() => undefined, 1000);
    setTimeout(() => { ${ending} }, 300);
  `;
}

function inTerminal(code: string): Promise<{ status: number | null; bytes: string }> {
  // A terminal of 80×24: script's own has no size when its input is not a terminal.
  const command = `stty cols 80 rows 24; ${process.execPath} --input-type=module -e '${code.replace(/'/gu, `'\\''`)}'`;
  const child = spawn('script', ['-qec', command, '/dev/null'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, CI: 'false', TERM: 'xterm' },
    detached: true,
  });
  let bytes = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (bytes += chunk));
  // Input stays open while the script runs: script ends the session at its end.
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, bytes })));
}

function expectSecretOnlyOnAlternateScreen(bytes: string): void {
  const entered = bytes.indexOf(ENTER);
  const left = bytes.lastIndexOf(LEAVE);
  expect(entered).toBeGreaterThanOrEqual(0);
  expect(left).toBeGreaterThan(entered);
  expect(bytes.indexOf(SECRET)).toBeGreaterThan(entered);
  // Cleared after the last time the secret was drawn, then left; nothing of it afterwards.
  const cleared = bytes.lastIndexOf(CLEAR, left);
  expect(cleared).toBeGreaterThan(bytes.lastIndexOf(SECRET));
  expect(bytes.slice(left)).not.toContain(SECRET);
}

describe('the alternate screen, left by what no key reaches', () => {
  it('an uncaught exception: cleared, left, one line, status 1', async () => {
    const { status, bytes } = await inTerminal(script(`throw new Error('boom');`));
    expectSecretOnlyOnAlternateScreen(bytes);
    expect(bytes.slice(bytes.lastIndexOf(LEAVE))).toContain('airlock: internal error: boom; this is a bug in airlock');
    expect(status).toBe(1);
  });

  it('an unhandled rejection: cleared, left, one line, status 1', async () => {
    const { status, bytes } = await inTerminal(script(`Promise.reject(new Error('rejected'));`));
    expectSecretOnlyOnAlternateScreen(bytes);
    expect(bytes.slice(bytes.lastIndexOf(LEAVE))).toContain(
      'airlock: internal error: rejected; this is a bug in airlock',
    );
    expect(status).toBe(1);
  });

  it('process.exit: cleared and left', async () => {
    const { status, bytes } = await inTerminal(script(`process.exit(0);`));
    expectSecretOnlyOnAlternateScreen(bytes);
    expect(status).toBe(0);
  });
});
