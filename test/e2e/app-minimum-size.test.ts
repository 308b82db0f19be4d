/**
 * The full-screen app in a real terminal (tmux) smaller than 80×24: it says so, and once the
 * window grows the screen it was on is drawn again, with what was typed.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { OWNER, createVault } from '../helpers/cli.js';
import { openTerminal, type Terminal } from '../helpers/tmux.js';

const PASSWORD = OWNER.AIRLOCK_PASSWORD;
let terminal: Terminal | undefined;
afterEach(async () => {
  await terminal?.close();
  terminal = undefined;
});

/** The screen as one line of words: the sentence wraps in a narrow window. */
const words = (screen: string) => screen.replace(/\s+/gu, ' ');
const tooSmall = (columns: number, rows: number) =>
  new RegExp(
    `airlock needs a terminal of at least 80×24; this one is ${columns}×${rows}\\.`.replace(/ /gu, '\\s+'),
    'u',
  );

it('says the terminal is too small, and redraws the app as it was when the window grows', async () => {
  const vault = await createVault(join(await mkdtemp(join(tmpdir(), 'airlock-app-')), 'vault.json'));
  terminal = await openTerminal({ columns: 60, rows: 20, args: ['--vault', vault] });
  const small = await terminal.waitFor(tooSmall(60, 20));
  expect(small).not.toContain('Unlock the vault');
  expect(words(small)).toContain('Make the window larger to go on; Ctrl-C quits.');

  await terminal.resize(80, 24);
  await terminal.waitFor('Unlock the vault');
  await terminal.type(PASSWORD.slice(0, 4));
  await terminal.waitFor('••••');
  await terminal.resize(80, 23);
  await terminal.waitFor(tooSmall(80, 23));
  // Typed while the app is hidden: dropped, not typed into the password field.
  await terminal.type('zz');
  await terminal.resize(80, 24);
  const back = await terminal.waitFor('Unlock the vault');
  expect(back).toMatch(/Password: +•{4}(?!•)/u);
  await terminal.type(PASSWORD.slice(4));
  await terminal.keys('Enter');
  await terminal.waitFor('Identities ·');

  await terminal.keys('C-c');
  expect(await terminal.exited()).toBe(0);
});
