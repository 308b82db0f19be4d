/**
 * Turns terminal text back into the picture a terminal draws: each character cell is one
 * module wide and two tall (▀ ▄ █ and space), coloured by the SGR codes in the text and, where
 * the text sets none, by the theme's default colours. Then jsqr reads it, as a phone would.
 */
import jsqr from 'jsqr';
import { qrCodeText } from '../../src/qr/dense.js';

export interface Theme {
  name: string;
  foreground: number;
  background: number;
  /** Grey levels of the 16 basic colours, which themes restyle. */
  basic: readonly number[];
}

export const DARK_THEME: Theme = {
  name: 'dark',
  foreground: 220,
  background: 20,
  basic: [0, 205, 205, 205, 110, 205, 205, 229, 127, 255, 255, 255, 92, 255, 255, 255],
};
// Light themes often make "black" a grey and "white" near-white.
export const LIGHT_THEME: Theme = {
  name: 'light',
  foreground: 30,
  background: 250,
  basic: [60, 170, 170, 170, 90, 170, 170, 235, 120, 200, 200, 200, 100, 200, 200, 255],
};

/** The grey level of a colour of the 256-colour palette. */
function grey256(index: number, theme: Theme): number {
  if (index < 16) return theme.basic[index]!;
  if (index >= 232) return 8 + (index - 232) * 10;
  const cube = index - 16;
  const level = (v: number) => (v === 0 ? 0 : 55 + v * 40);
  const [r, g, b] = [level(Math.floor(cube / 36)), level(Math.floor(cube / 6) % 6), level(cube % 6)];
  return Math.round(0.299 * r + 0.587 * g + 0.114 * b);
}

interface Pen {
  fg: number | undefined;
  bg: number | undefined;
  reverse: boolean;
}

function applySgr(pen: Pen, params: number[], theme: Theme): Pen {
  const next = { ...pen };
  for (let i = 0; i < params.length; i++) {
    const p = params[i]!;
    if (p === 0) Object.assign(next, { fg: undefined, bg: undefined, reverse: false });
    else if (p === 7) next.reverse = true;
    else if (p === 27) next.reverse = false;
    else if (p >= 30 && p <= 37) next.fg = theme.basic[p - 30];
    else if (p >= 90 && p <= 97) next.fg = theme.basic[p - 82];
    else if (p >= 40 && p <= 47) next.bg = theme.basic[p - 40];
    else if (p >= 100 && p <= 107) next.bg = theme.basic[p - 92];
    else if (p === 39) next.fg = undefined;
    else if (p === 49) next.bg = undefined;
    else if ((p === 38 || p === 48) && params[i + 1] === 5) {
      next[p === 38 ? 'fg' : 'bg'] = grey256(params[i + 2]!, theme);
      i += 2;
    } else if ((p === 38 || p === 48) && params[i + 1] === 2) {
      const [r, g, b] = params.slice(i + 2, i + 5) as [number, number, number];
      next[p === 38 ? 'fg' : 'bg'] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
      i += 4;
    }
  }
  return next;
}

export interface GreyImage {
  width: number;
  height: number;
  /** RGBA, as jsqr takes it. */
  data: Uint8ClampedArray;
}

/** Paints the lines, `scale` pixels a module; cells beyond a line's end are the theme's background. */
export function terminalToImage(lines: readonly string[], theme: Theme, scale = 4): GreyImage {
  const cells: number[][][] = lines.map((line) => cellsOf(line, theme));
  const columns = Math.max(...cells.map((row) => row.length));
  const width = columns * scale;
  const height = lines.length * 2 * scale;
  const data = new Uint8ClampedArray(width * height * 4).fill(theme.background);
  cells.forEach((row, r) =>
    row.forEach(([top, bottom], c) => {
      for (let half = 0; half < 2; half++) {
        const value = half === 0 ? top! : bottom!;
        for (let y = 0; y < scale; y++) {
          for (let x = 0; x < scale; x++) {
            const at = (((r * 2 + half) * scale + y) * width + c * scale + x) * 4;
            data.fill(value, at, at + 3);
          }
        }
      }
    }),
  );
  for (let i = 3; i < data.length; i += 4) data[i] = 255;
  return { width, height, data };
}

/** Each cell of a line as [top, bottom] grey levels. */
export function cellsOf(line: string, theme: Theme): number[][] {
  let pen: Pen = { fg: undefined, bg: undefined, reverse: false };
  const cells: number[][] = [];
  // eslint-disable-next-line no-control-regex -- a terminal line is text between escape sequences, which start with ESC
  const pattern = /\x1b\[([0-9;]*)m|\x1b\[[0-9;?]*[A-Za-z]|([^\x1b])/gu;
  for (const match of line.matchAll(pattern)) {
    if (match[1] !== undefined) pen = applySgr(pen, match[1] === '' ? [0] : match[1].split(';').map(Number), theme);
    if (match[2] === undefined) continue;
    let fg = pen.fg ?? theme.foreground;
    let bg = pen.bg ?? theme.background;
    if (pen.reverse) [fg, bg] = [bg, fg];
    const char = match[2];
    cells.push(char === '█' ? [fg, fg] : char === '▀' ? [fg, bg] : char === '▄' ? [bg, fg] : [bg, bg]);
  }
  return cells;
}

/** What jsqr reads in the picture, with its options given in full every time, as `qr read` takes it. */
export function readQrPicture(image: GreyImage): string | undefined {
  const found = jsqr.default(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
  return found ? qrCodeText(found) : undefined;
}
