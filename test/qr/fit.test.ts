import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { alphanumericCapacity, byteCapacity, modulesOf } from '../../src/qr/capacity.js';
import { fitVersion, largestFit, MIN_MARGIN, STATUS_ROWS } from '../../src/qr/fit.js';
import { FrameSequence, planFrames } from '../../src/qr/frames.js';
import { qrCells } from '../../src/qr/terminal-text.js';

describe('capacity', () => {
  it('matches what the qrcode package fits into each version at level L', () => {
    for (const version of [1, 2, 6, 9, 10, 14, 23, 24, 26, 27, 40]) {
      const fits = (data: QRCode.QRCodeSegment[]) =>
        QRCode.create(data, { version, errorCorrectionLevel: 'L' }).version;
      const alnum = alphanumericCapacity(version);
      expect(fits([{ mode: 'alphanumeric', data: 'A'.repeat(alnum) }])).toBe(version);
      expect(() => fits([{ mode: 'alphanumeric', data: 'A'.repeat(alnum + 1) }])).toThrow();
      const bytes = byteCapacity(version);
      expect(fits([{ mode: 'byte', data: Buffer.alloc(bytes, 97) }])).toBe(version);
      expect(() => fits([{ mode: 'byte', data: Buffer.alloc(bytes + 1, 97) }])).toThrow();
    }
  });
});

describe('fitting the terminal', () => {
  const fitsIn = (version: number, margin: number, columns: number, rows: number) => {
    const cells = qrCells(modulesOf(version), margin);
    return cells.columns <= columns && cells.rows <= rows - STATUS_ROWS;
  };

  it('picks the largest version with a quiet zone of 2 or more, never 23, over many sizes', () => {
    for (let columns = 20; columns <= 260; columns += 7) {
      for (let rows = 10; rows <= 100; rows += 3) {
        const fit = largestFit(columns, rows);
        if (!fit) {
          expect(fitsIn(1, MIN_MARGIN, columns, rows)).toBe(false);
          continue;
        }
        expect(fit.version).not.toBe(23);
        expect(fit.margin).toBeGreaterThanOrEqual(MIN_MARGIN);
        expect(fitsIn(fit.version, fit.margin, columns, rows)).toBe(true);
        const larger = fit.version === 22 ? 24 : fit.version + 1;
        if (larger <= 40) expect(fitsIn(larger, MIN_MARGIN, columns, rows)).toBe(false);
      }
    }
  });

  it.each([
    [80, 24, 6],
    [120, 40, 14],
    [200, 60, 24],
  ])('%i×%i gets version %i', (columns, rows, version) => {
    expect(largestFit(columns, rows)).toMatchObject({ version });
  });

  it('skips version 23 where it would be the largest', () => {
    // Version 23 is 109 modules: 113 with the quiet zone, 57 rows plus the status line.
    expect(fitVersion(23, 200, 58)).toBeUndefined();
    expect(largestFit(200, 58)).toEqual({ version: 22, margin: 4 });
  });

  it('gives the frames of a payload the largest fragment whose frames fit the version', () => {
    const payload = new Uint8Array(5000).map((_, i) => (i * 7) % 256);
    for (const [columns, rows] of [
      [80, 24],
      [120, 40],
      [200, 60],
    ] as const) {
      const plan = planFrames(payload, largestFit(columns, rows)!)!;
      const capacity = alphanumericCapacity(plan.version);
      // Two characters a byte, less the UR's header, sequence, CBOR and checksum.
      expect(plan.fragmentLength).toBeGreaterThan(capacity / 2 - 45);
      const frames = new FrameSequence(payload, plan.fragmentLength);
      for (let i = 0; i < plan.parts * 2; i++) expect(frames.next().text.length).toBeLessThanOrEqual(capacity);
    }
  });

  it('shows a payload that fits one frame in the smallest version holding it', () => {
    const payload = new TextEncoder().encode('hello');
    const plan = planFrames(payload, largestFit(200, 60)!)!;
    const text = new FrameSequence(payload, plan.fragmentLength).next().text;
    expect(text).toMatch(/^UR:BYTES\/[A-Z]+$/u);
    expect(plan.parts).toBe(1);
    expect(alphanumericCapacity(plan.version)).toBeGreaterThanOrEqual(text.length);
    expect(alphanumericCapacity(plan.version - 1)).toBeLessThan(text.length);
  });
});
