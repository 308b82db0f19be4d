/**
 * Which library carries more of a transfer per frame in the same terminal: `qrcode` (segments
 * and modes, level L, a 2-module quiet zone) or `qrcode-terminal` (byte mode only, a 1-module
 * border, half blocks with `small`). airlock uses the winner; the numbers go to the README.
 */
import { UR, UREncoder } from '@ngraveio/bc-ur';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { largestFit, STATUS_ROWS } from '../../src/qr/fit.js';
import { planFrames } from '../../src/qr/frames.js';
import { pseudoRandomBytes } from '../helpers/qr-frames.js';

const qrcodeTerminal = createRequire(import.meta.url)('qrcode-terminal') as {
  generate(text: string, options: { small: boolean }, done: (output: string) => void): void;
};

const payload = pseudoRandomBytes(60_000, 11);
const ur = UR.fromBuffer(Buffer.from(payload));

/** Whether qrcode-terminal's drawing of the longest frame of that fragment fits the terminal. */
function terminalLibraryFits(fragment: number, columns: number, rows: number): boolean {
  const text = new UREncoder(ur, fragment, 0xfffe).nextPart().toUpperCase();
  let output = '';
  try {
    qrcodeTerminal.generate(text, { small: true }, (drawn) => (output = drawn));
  } catch {
    return false; // more than its largest version holds
  }
  const lines = output.split('\n');
  return lines.length <= rows - STATUS_ROWS && Math.max(...lines.map((l) => [...l].length)) <= columns;
}

function qrcodeTerminalFragment(columns: number, rows: number): number {
  let low = 0;
  let high = 1500;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (mid >= 10 && terminalLibraryFits(mid, columns, rows)) low = mid;
    else high = mid - 1;
  }
  return low;
}

describe('payload bytes per frame', () => {
  it.each([
    [80, 24],
    [120, 40],
    [200, 60],
  ])('%i×%i: qrcode in alphanumeric mode carries more than qrcode-terminal', (columns, rows) => {
    const ours = planFrames(payload, largestFit(columns, rows)!)!.fragmentLength;
    const theirs = qrcodeTerminalFragment(columns, rows);
    console.log(`${columns}×${rows}: qrcode ${ours} bytes/frame, qrcode-terminal ${theirs} bytes/frame`);
    expect(ours).toBeGreaterThan(theirs);
  });
});
