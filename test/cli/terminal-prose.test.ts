/**
 * What the command line prints for people breaks lines between words at the terminal's width,
 * never within one: `identity new`'s page of words and what it says after, in a real terminal
 * (tmux) at 80 columns and at 40. Pipes and files get the sentences whole, one line each.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OWNER, airlockJson, createVault } from '../helpers/cli.js';
import { openTerminal, type Terminal } from '../helpers/tmux.js';
import { wrapProse } from '../../src/cli/wrap.js';

let terminal: Terminal | undefined;
afterEach(async () => {
  await terminal?.close();
  terminal = undefined;
});

const newVault = async () => createVault(join(await mkdtemp(join(tmpdir(), 'airlock-prose-')), 'vault.json'));

/** The screen's lines from the one starting with `first` to the end of its paragraph, joined as the prose they wrap. */
function paragraph(screen: string, first: string): { lines: string[]; text: string } {
  const all = screen.split('\n').map((l) => l.trimEnd());
  const start = all.findIndex((l) => l.startsWith(first));
  expect(start, screen).toBeGreaterThanOrEqual(0);
  // Up to an empty line, or the line the shell prints once airlock has exited.
  const end = all.findIndex((l, i) => i > start && (l === '' || l.startsWith('airlock-exited:')));
  const lines = all.slice(start, end === -1 ? undefined : end);
  return { lines, text: lines.join(' ') };
}

const WARNING =
  'Write these words on paper, in order, and keep it safe and offline. Anyone who sees them can take everything this identity holds. airlock will not show them again, and this screen leaves no trace in the terminal.';
const SAVED = 'Saved identity "fresh". Its words were shown once; airlock keeps them only inside the encrypted vault.';

describe('identity new at a terminal', () => {
  it.each([80, 40])('at %i columns: every line ends at the end of a word', async (columns) => {
    const vault = await newVault();
    terminal = await openTerminal({
      columns,
      rows: 30,
      args: ['--vault', vault, 'identity', 'new', '--name', 'fresh'],
      env: OWNER,
    });
    const page = await terminal.waitFor('(Esc cancels and saves nothing).');
    const warning = paragraph(page, 'Write these words');
    expect(warning.text).toBe(WARNING);
    for (const line of warning.lines) expect(line.length).toBeLessThanOrEqual(columns);
    expect(paragraph(page, 'Press Enter').text).toBe(
      'Press Enter when you have written them down (Esc cancels and saves nothing).',
    );
    // The words in as many columns as fit, all 24 of them.
    expect([...page.matchAll(/\b\d+\. [a-z]+/gu)]).toHaveLength(24);
    for (const line of page.split('\n')) expect(line.trimEnd().length).toBeLessThanOrEqual(columns);

    await terminal.keys('Enter');
    expect(await terminal.exited()).toBe(0);
    expect(paragraph(await terminal.screen(), 'Saved identity').text).toBe(SAVED);
    expect(await airlockJson(['identity', 'list'], { vault, env: OWNER })).toMatchObject([{ name: 'fresh' }]);
  });
});

describe('wrapping prose', () => {
  it('breaks between words, keeps a `command` whole, and leaves a word longer than the line alone', () => {
    expect(wrapProse('the quick brown fox jumps', 10)).toBe('the quick\nbrown fox\njumps');
    expect(wrapProse('run `airlock identity list` now', 12)).toBe('run\n`airlock identity list`\nnow');
    expect(wrapProse(`at ${'5'.repeat(20)} ok`, 10)).toBe(`at\n${'5'.repeat(20)}\nok`);
    expect(wrapProse('short  spaced', 80)).toBe('short  spaced');
  });
});
