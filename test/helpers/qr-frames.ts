/** Frames as `airlock qr show` draws them, and a seeded shuffle to lose and reorder them. */
import type { Framing } from '../../src/qr/frames.js';
import { QrShow } from '../../src/qr/show.js';
import type { TerminalSize } from '../../src/qr/screen-text.js';

export function showFrames(
  payload: Uint8Array,
  size: TerminalSize,
  count: (parts: number) => number,
  framing: Framing = 'ur',
): string[][] {
  const show = new QrShow({ kind: 'payload', payload, label: 'test', framing });
  show.resize(size);
  const frames: string[][] = [];
  const total = count(show.parts);
  for (let i = 0; i < total; i++) {
    frames.push(show.lines({ paused: false, fps: 8 }));
    show.advance();
  }
  return frames;
}

/** A small deterministic generator (mulberry32), so a failure repeats. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Drops `loss` of the items and shuffles the rest. */
export function loseAndShuffle<T>(items: readonly T[], loss: number, random: () => number): T[] {
  const kept = items.filter(() => random() >= loss);
  for (let i = kept.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [kept[i], kept[j]] = [kept[j]!, kept[i]!];
  }
  return kept;
}

export function pseudoRandomBytes(length: number, seed: number): Uint8Array {
  const random = seeded(seed);
  return Uint8Array.from({ length }, () => Math.floor(random() * 256));
}
