/**
 * Out through the terminal and back: frames drawn exactly as `airlock qr show` draws them,
 * painted into pixels, read by jsqr and put together again, with frames lost and shuffled.
 */
import { describe, expect, it } from 'vitest';
import { Reassembly } from '../../src/qr/reassembly.js';
import { qrLines, QR_INK, RESET } from '../../src/qr/terminal-text.js';
import { qrMatrix } from '../../src/qr/matrix.js';
import { loseAndShuffle, pseudoRandomBytes, seeded, showFrames } from '../helpers/qr-frames.js';
import { cellsOf, DARK_THEME, LIGHT_THEME, readQrPicture, terminalToImage } from '../helpers/qr-pixels.js';

describe('round trip through the terminal drawing', () => {
  const payload = pseudoRandomBytes(4000, 7);

  describe.each([DARK_THEME, LIGHT_THEME])('on a $name theme', (theme) => {
    it.each([
      [80, 24, 0.1, 'ur'],
      [120, 40, 0.3, 'ur'],
      [200, 60, 0.3, 'ur'],
      [80, 24, 0.3, 'dense'],
      [120, 40, 0.1, 'dense'],
    ] as const)('%i×%i with %f of the frames lost, the rest shuffled, %s frames', (columns, rows, loss, framing) => {
      // Three times the plain fragments: the fountain's mixes make up for the lost ones.
      const frames = showFrames(payload, { columns, rows }, (parts) => parts * 3, framing);
      expect(frames.every((lines) => lines.length === rows)).toBe(true);
      const reassembly = new Reassembly();
      for (const lines of loseAndShuffle(frames, loss, seeded(columns + rows))) {
        const text = readQrPicture(terminalToImage(lines, theme));
        expect(text, 'every frame drawn decodes').toBeDefined();
        reassembly.receive(text!, 'frame');
        if (reassembly.complete) break;
      }
      const result = reassembly.result();
      expect(result.kind).toBe('bytes');
      expect(Buffer.from((result as { payload: Uint8Array }).payload).equals(Buffer.from(payload))).toBe(true);
    });
  });

  it('a lossy set that lacks too much says how much is missing', () => {
    const frames = showFrames(payload, { columns: 120, rows: 40 }, (parts) => parts);
    const reassembly = new Reassembly();
    for (const lines of frames.slice(0, Math.floor(frames.length * 0.6)))
      reassembly.receive(readQrPicture(terminalToImage(lines, DARK_THEME))!, 'f');
    expect(() => reassembly.result()).toThrow(
      /the transfer is incomplete: \d+% complete, about \d+ more frames needed/,
    );
  });
});

describe('the colours are explicit, so no theme changes the picture', () => {
  const lines = qrLines(qrMatrix('SAME ON EVERY THEME'), 2);

  it('paints the code the same on dark and light themes, and reads on both', () => {
    const dark = terminalToImage(lines, DARK_THEME);
    const light = terminalToImage(lines, LIGHT_THEME);
    expect(Buffer.from(dark.data).equals(Buffer.from(light.data))).toBe(true);
    expect(readQrPicture(dark)).toBe('SAME ON EVERY THEME');
  });

  it('takes the colours from the SGR codes: default colours follow the theme, inverted codes invert', () => {
    expect(cellsOf('▀', DARK_THEME)).not.toEqual(cellsOf('▀', LIGHT_THEME));
    expect(cellsOf(`${QR_INK}▀${RESET}`, DARK_THEME)).toEqual([[0, 255]]);
    expect(cellsOf(`${QR_INK}▀${RESET}`, LIGHT_THEME)).toEqual([[0, 255]]);
    expect(cellsOf('\x1b[30;47m▄\x1b[0m', LIGHT_THEME)).toEqual([[LIGHT_THEME.basic[7], LIGHT_THEME.basic[0]]]);
    // Without its colours, the same characters on a dark theme are a negative jsqr does not read.
    const uncoloured = lines.map((line) => line.replaceAll(QR_INK, '').replaceAll(RESET, ''));
    expect(readQrPicture(terminalToImage(uncoloured, DARK_THEME))).toBeUndefined();
  });

  it('draws only half blocks and spaces inside its colours', () => {
    for (const line of lines) {
      expect(line.startsWith(QR_INK) && line.endsWith(RESET)).toBe(true);
      expect(line.slice(QR_INK.length, -RESET.length)).toMatch(/^[▀▄█ ]+$/u);
    }
  });
});
