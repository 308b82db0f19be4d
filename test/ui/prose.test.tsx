import { Box, Text } from 'ink';
import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { Prose } from '../../src/ui/components/prose.js';
import { theme } from '../../src/ui/theme.js';

const PARAGRAPH = 'The words go into the vault, which makes it a software wallet.';
// eslint-disable-next-line no-control-regex -- what this matches starts with ESC
const ANSI = /\u001B\[[0-9;?]*[A-Za-z]/gu;

/** The lines a paragraph takes in a column `width` wide, colours taken out. */
function linesIn(width: number, paragraph: ReactElement): string[] {
  const { lastFrame, unmount } = render(<Box width={width}>{paragraph}</Box>);
  const lines = (lastFrame() ?? '').replace(ANSI, '').split('\n');
  unmount();
  return lines;
}

describe('Prose', () => {
  // At 28 columns "…the vault," ends at the edge: Ink's wrapping starts the next line with the space.
  it('starts no wrapped line with a space where Text does', () => {
    expect(linesIn(28, <Text color={theme.muted}>{PARAGRAPH}</Text>)[1]).toMatch(/^ which/u);
    for (const width of [12, 15, 17, 23, 28, 40, 70]) {
      const lines = linesIn(width, <Prose color={theme.muted}>{PARAGRAPH}</Prose>);
      expect(lines.map((line) => line.trimEnd()).join(' '), `${width} columns`).toBe(PARAGRAPH);
      for (const line of lines) expect(line, `${width} columns`).not.toMatch(/^ /u);
    }
  });

  // Tests write no colours, but a terminal gets them: the space then follows the line's colour code.
  it('drops the space after the colour code a wrapped line opens with, and keeps the colour', () => {
    const { lastFrame, unmount } = render(
      <Box width={28}>
        <Prose>{`\u001B[90m${PARAGRAPH}\u001B[39m`}</Prose>
      </Box>,
    );
    const lines = (lastFrame() ?? '').split('\n');
    unmount();
    // eslint-disable-next-line no-control-regex -- the line starts with the escape that colours it
    expect(lines[1]).toMatch(/^\u001B\[90mwhich makes/u);
  });
});
