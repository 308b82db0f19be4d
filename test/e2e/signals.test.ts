/**
 * Signals sent to airlock while a secret is on the alternate screen, in a real terminal (tmux):
 * the app showing a new identity's words or a phrase being typed, `identity new` showing its
 * words, `qr show` playing a code. Afterwards the terminal's whole history holds nothing airlock
 * drew, the shell sees the signal's status (128+n), and the terminal echoes again, with
 * bracketed paste off.
 */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { AIRLOCK_BIN, OWNER, airlockJson, airlockOk, createVault } from '../helpers/cli.js';
import { DEV_PHRASE } from '../helpers/dev-keys.js';
import { openTerminal, type Terminal } from '../helpers/tmux.js';

const run = promisify(execFile);
const SIGNALS = ['SIGTERM', 'SIGHUP', 'SIGINT'] as const;

let terminal: Terminal | undefined;
afterEach(async () => {
  await terminal?.close();
  terminal = undefined;
});

const newVault = async (options?: { devIdentity?: boolean }) =>
  createVault(join(await mkdtemp(join(tmpdir(), 'airlock-signals-')), 'vault.json'), options);

/** The airlock process with this vault (not the shell that started it). */
async function airlockPid(vault: string): Promise<number> {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  const { stdout } = await run('pgrep', [
    '-f',
    '--',
    `^${escape(process.execPath)} ${escape(AIRLOCK_BIN)} --vault ${escape(vault)}( |$)`,
  ]);
  const pids = stdout.trim().split('\n');
  expect(pids).toHaveLength(1);
  return Number(pids[0]);
}

/** Sends the signal, and checks the shell saw airlock die of it. */
async function kill(t: Terminal, vault: string, signal: (typeof SIGNALS)[number]): Promise<void> {
  process.kill(await airlockPid(vault), signal);
  expect(await t.exited()).toBe(128 + constants.signals[signal]);
}

/** The terminal echoes what is pasted into it, without bracketed-paste codes around it. */
async function expectUsableTerminal(t: Terminal): Promise<void> {
  await t.paste('typed-after-airlock');
  const screen = await t.waitFor('typed-after-airlock', 5_000);
  expect(screen).not.toContain('[200~');
}

/** The numbered words of a "1. word   2. word …" grid. */
const wordsOn = (screen: string) => [...screen.matchAll(/\d+\. ([a-z]+)/gu)].map((m) => m[1]!);

/** None of the words as words (the shell's report of a hangup quotes the command line, main.js and all). */
function expectNoneOf(words: string[], text: string): void {
  for (const word of words) expect(text).not.toMatch(new RegExp(`(^|\\s)${word}(\\s|$)`, 'mu'));
}

async function unlockedApp(vault: string): Promise<Terminal> {
  terminal = await openTerminal({ args: ['--vault', vault] });
  await terminal.waitFor('Unlock the vault');
  await terminal.type(OWNER.AIRLOCK_PASSWORD);
  await terminal.keys('Enter');
  await terminal.waitFor('Identities ·');
  return terminal;
}

describe('the full-screen app, signalled', () => {
  it.each(SIGNALS)(
    "%s while a new identity's words are shown leaves none of them in the scrollback",
    async (signal) => {
      const vault = await newVault();
      const t = await unlockedApp(vault);
      await t.type('n');
      await t.waitFor('New identity');
      await t.type('savings');
      await t.keys('Enter');
      const words = wordsOn(await t.waitFor(/24\. [a-z]+/u));
      expect(words).toHaveLength(24);

      await kill(t, vault, signal);
      const history = await t.history();
      expectNoneOf(words, history);
      for (const drawn of ['Recovery words', 'savings', 'Identities', 'Enter open'])
        expect(history).not.toContain(drawn);
      await expectUsableTerminal(t);
      expect(await airlockJson(['identity', 'list'], { vault, env: OWNER })).toEqual([]);
    },
  );

  it('SIGTERM while a phrase is typed in the restore screen leaves none of it in the scrollback', async () => {
    const vault = await newVault();
    const t = await unlockedApp(vault);
    await t.type('r');
    await t.waitFor('Restore an identity');
    await t.type('treasury');
    await t.keys('Enter');
    await t.waitFor('Word 1 of 12');
    const typed = DEV_PHRASE.split(' ').slice(0, 3);
    await t.paste(typed.join(' '));
    await t.waitFor('Word 3 of 12: obey');

    await kill(t, vault, 'SIGTERM');
    const history = await t.history();
    expectNoneOf(typed, history);
    for (const drawn of ['treasury', 'Word ', 'Restore']) expect(history).not.toContain(drawn);
    await expectUsableTerminal(t);
  });
});

describe('identity new on the command line, signalled', () => {
  it.each(SIGNALS)(
    '%s while the words are shown leaves the alternate screen, cleared, and saves nothing',
    async (signal) => {
      const vault = await newVault();
      terminal = await openTerminal({ args: ['--vault', vault, 'identity', 'new', '--name', 'fresh'], env: OWNER });
      const t = terminal;
      const words = wordsOn(await t.waitFor('Press Enter'));
      expect(words).toHaveLength(24);

      await kill(t, vault, signal);
      const screen = await t.screen();
      const history = await t.history();
      for (const text of [screen, history]) {
        expectNoneOf(words, text);
        expect(text).not.toContain('Recovery phrase');
      }
      await expectUsableTerminal(t);
      expect(await airlockJson(['identity', 'list'], { vault, env: OWNER })).toEqual([]);
    },
  );
});

describe('qr show on the command line, signalled', () => {
  it('SIGTERM while a code plays leaves nothing of it, and the terminal echoes again', async () => {
    const vault = await newVault({ devIdentity: true });
    await airlockOk(
      ['account', 'derive', '--identity', 'dev', '--name', 'alice', '--path', '//Alice', '--network', 'polkadot'],
      { vault, env: OWNER },
    );
    terminal = await openTerminal({ args: ['--vault', vault, 'qr', 'show', '--account', 'alice'], env: OWNER });
    const t = terminal;
    await t.waitFor('alice on polkadot');

    await kill(t, vault, 'SIGTERM');
    const history = await t.history();
    for (const drawn of ['alice', '▀', '█']) expect(history).not.toContain(drawn);
    await expectUsableTerminal(t);
  });
});
