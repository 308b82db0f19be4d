import { byteCapacity } from './capacity.js';
import { largestFit, smallestTerminal, smallestVersion, fitVersion, type Fit } from './fit.js';
import { FrameSequence, planFrames, type FramePlan, type Framing } from './frames.js';
import { qrMatrix, type QrMatrix } from './matrix.js';
import type { Playback } from './playback.js';
import { qrScreenLines, type TerminalSize } from './screen-text.js';

/** What `airlock qr show` shows: one code for a text (an address), animated frames for bytes. */
export type ShowSource =
  | { kind: 'text'; text: string; label: string }
  | { kind: 'payload'; payload: Uint8Array; label: string; framing?: Framing };

/**
 * The screen of `airlock qr show` at any moment, without the terminal: it fits the code to
 * the size it is given, advances frames and draws the lines the terminal shows.
 */
export class QrShow {
  private fit: Fit | undefined;
  private plan: FramePlan | undefined;
  private sequence: FrameSequence | undefined;
  private frame: { matrix: QrMatrix; number: number } | undefined;
  private size: TerminalSize = { columns: 0, rows: 0 };
  private framingNow: Framing;

  constructor(private readonly source: ShowSource) {
    this.framingNow = source.kind === 'payload' ? (source.framing ?? 'ur') : 'ur';
  }

  get framing(): Framing {
    return this.framingNow;
  }

  /** Draws a payload's frames as UR or dense frames: another framing is a new transfer, fitted to the same size. */
  setFraming(framing: Framing): void {
    if (this.source.kind !== 'payload' || framing === this.framingNow) return;
    this.framingNow = framing;
    this.resize(this.size);
  }

  /** Fits the code to a (new) terminal size: the largest version and fragment that fit. */
  resize(size: TerminalSize): void {
    this.size = size;
    if (this.source.kind === 'text') {
      if (!this.frame) this.frame = { matrix: textMatrix(this.source.text), number: 1 };
      this.fit = fitVersion(this.frame.matrix.version, size.columns, size.rows);
      return;
    }
    const largest = largestFit(size.columns, size.rows);
    const plan = largest && planFrames(this.source.payload, largest, this.framingNow);
    this.fit = plan;
    if (!plan) return;
    // The same fragments keep the transfer a reader has begun; only a new fragment length starts another.
    const same =
      this.plan &&
      this.plan.framing === plan.framing &&
      this.plan.fragmentLength === plan.fragmentLength &&
      this.plan.version === plan.version;
    this.plan = plan;
    if (!same) {
      this.sequence = new FrameSequence(this.source.payload, plan.fragmentLength, plan.framing);
      this.frame = undefined;
      this.advance();
    }
  }

  /** The next frame of an animation; a single code stays as it is. */
  advance(): void {
    if (!this.sequence || !this.plan) return;
    const { content, number } = this.sequence.next();
    this.frame = { matrix: qrMatrix(content, { version: this.plan.version }), number };
  }

  /** The screen's lines, exactly `rows` of them. */
  lines(playback: Pick<Playback, 'paused' | 'fps'>): string[] {
    if (!this.fit || !this.frame) return this.tooSmall();
    return qrScreenLines(this.frame.matrix, this.fit, this.size, this.status(playback));
  }

  /** Frames of plain fragments in the transfer now shown: what a lossless reader needs. */
  get parts(): number {
    return this.sequence?.parts ?? 1;
  }

  private status({ paused, fps }: Pick<Playback, 'paused' | 'fps'>): string {
    if (this.source.kind === 'text') return `${this.source.label} · q quit`;
    // UR frames are the default, which any UR reader takes: only dense ones need saying.
    const framing = this.framingNow === 'ur' ? 'f dense' : 'dense · f UR';
    if (this.parts === 1) return `${this.source.label} · one frame · ${framing} · q quit`;
    const state = paused ? 'paused · space play · → step' : `${fps} fps · space pause · → step`;
    return `frame ${this.frame!.number} · ${this.parts} parts · ${state} · ${framing} · q quit · ${this.source.label}`;
  }

  private tooSmall(): string[] {
    const version = this.source.kind === 'text' && this.frame ? this.frame.matrix.version : 1;
    const need = smallestTerminal(version);
    const message = `The terminal is too small for the code: make it at least ${need.columns}×${need.rows}. q quits.`;
    return [message, ...new Array<string>(Math.max(0, this.size.rows - 1)).fill('')];
  }
}

/** The smallest readable version for a text (an address QR is bytes: lower-case letters). */
function textMatrix(text: string): QrMatrix {
  const version = smallestVersion(Buffer.byteLength(text, 'utf8'), byteCapacity);
  if (version === undefined) throw new RangeError(`text: too long for one QR code (${text.length} characters)`);
  return qrMatrix(text, { version });
}
