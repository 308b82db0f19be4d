import { Box } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { KeyHints, hintLineCount } from '../../src/ui/components/key-hints.js';
import { hints, type Hint } from '../../src/ui/keymap.js';

// eslint-disable-next-line no-control-regex -- what this matches starts with ESC
const ANSI = /\u001B\[[0-9;?]*[A-Za-z]/gu;
const MANY: readonly Hint[] = ['confirm', 'filter', 'derive', 'rename', 'remove', 'help'];

/** The lines the hints take in a column `width` wide, colours taken out and line ends trimmed. */
function linesIn(width: number, commands: readonly Hint[]): string[] {
  const { lastFrame, unmount } = render(
    <Box width={width}>
      <KeyHints commands={commands} />
    </Box>,
  );
  const lines = (lastFrame() ?? '').replace(ANSI, '').split('\n');
  unmount();
  return lines.map((line) => line.trimEnd());
}

describe('KeyHints', () => {
  it('is the one line hints() gives when it fits', () => {
    expect(linesIn(120, MANY)).toEqual([hints(MANY)]);
    expect(hintLineCount(MANY, 120)).toBe(1);
  });

  // 62 columns: the content area of an 80-column terminal, beside the sidebar.
  it('goes on to the next line between two hints, never inside one', () => {
    for (const width of [62, 40, 25]) {
      const lines = linesIn(width, MANY);
      expect(lines.length, `${width} columns`).toBeGreaterThan(1);
      expect(lines, `${width} columns`).toHaveLength(hintLineCount(MANY, width));
      // Read as one line, the hints are all there, whole, in order.
      expect(lines.join(' '), `${width} columns`).toBe(hints(MANY));
      for (const line of lines) {
        expect([...line].length, line).toBeLessThanOrEqual(width);
        expect(line, `${width} columns`).not.toMatch(/…|^ |^·/u);
      }
    }
    expect(linesIn(62, MANY)).toEqual([
      'Enter open or confirm · / filter the list ·',
      'd derive an account · R rename · x remove · ? help',
    ]);
  });
});
