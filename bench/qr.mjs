// The "QR codes" section: how fast a file crosses the air gap as `airlock qr show` frames read
// back by `airlock qr read` with frames lost, and how long `airlock qr read` takes per picture.
// Every figure comes from the built code in dist/; run `npm run build` first.
import jpeg from 'jpeg-js';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { built } from './built.mjs';
import { ms, table, yesNo } from './report.mjs';
import { median } from './stats.mjs';

/** @type {typeof import('../src/qr/decode-pool.js')} */
const { decodeImages } = await built('qr/decode-pool.js');
/** @type {typeof import('../src/qr/fit.js')} */
const { largestFit, STATUS_ROWS } = await built('qr/fit.js');
/** @type {typeof import('../src/qr/frames.js')} */
const { FRAMINGS, FrameSequence, planFrames } = await built('qr/frames.js');
/** @type {typeof import('../src/qr/denoise.js')} */
const { suppressNoise } = await built('qr/denoise.js');
/** @type {typeof import('../src/qr/find.js')} */
const { findQrCode } = await built('qr/find.js');
/** @type {typeof import('../src/qr/image.js')} */
const { decodeImage, greyscale, MAX_DECODE_SIDE } = await built('qr/image.js');
/** @type {typeof import('../src/qr/playback.js')} */
const { DEFAULT_FPS } = await built('qr/playback.js');
/** @type {typeof import('../src/qr/reassembly.js')} */
const { Reassembly } = await built('qr/reassembly.js');
/** @type {typeof import('../src/qr/show.js')} */
const { QrShow } = await built('qr/show.js');

const SIZES = [
  { columns: 80, rows: 24 },
  { columns: 120, rows: 40 },
  { columns: 200, rows: 60 },
];
const GOAL_SIZE = '120×40';
const PAYLOAD_BYTES = 32 * 1024;
const PAYLOAD_SEED = 2024;
const LOSS = 0.1;
const LOSS_SEEDS = [1, 2, 3, 4, 5];
/** Pixels a module is wide in the frames read for the throughput: a small terminal font (cells 4×8). */
const FRAME_SCALE = 4;
const SCREENSHOT = { width: 1280, height: 720 };
/** Standard deviation of the sensor noise of a camera at high gain in a dim room, in grey levels. */
const SENSOR_NOISE = 15;
const JPEG_QUALITY = 85;
const GOAL_BYTES_PER_S = 2500;
const GOAL_IMAGES_PER_S = 20;
/**
 * Pictures a batch: a folder of a transfer's frames (the 32 KiB payload above takes about 140 at
 * 120×40). Each worker then decodes dozens, as in `qr read`, well past the first few pictures it
 * decodes before V8 has compiled jsqr and the codecs' hot code.
 */
const BATCH = 96;
/** The decode pool's default size, as `decodeImages` picks it. */
const poolSize = () => Math.min(2, availableParallelism());

/** @typedef {import('../src/qr/screen-text.js').TerminalSize} TerminalSize */
/** @typedef {import('../src/qr/frames.js').Framing} Framing */
/** @typedef {{ width: number, height: number, data: Buffer }} Picture opaque RGBA pixels */

/** @param {TerminalSize} size */
const sizeName = ({ columns, rows }) => `${columns}×${rows}`;
/** @param {number} x */
const int = (x) => Math.round(x).toLocaleString('en');
/** @param {number} x */
const perS = (x) => `${x.toFixed(1)}/s`;

/**
 * A small deterministic generator (mulberry32), so a run repeats.
 * @param {number} seed
 */
function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * @param {number} length
 * @param {number} seed
 */
function pseudoRandomBytes(length, seed) {
  const random = seeded(seed);
  return Uint8Array.from({ length }, () => Math.floor(random() * 256));
}

// ---------- terminal text → pixels, as a screenshot of the terminal shows it ----------

/** A dark terminal theme: the code sets its own colours, so only the rest of the screen shows it. */
const THEME = { foreground: 220, background: 20 };

/**
 * Grey level of a colour of the 256-colour palette (the code uses 16, black, and 231, white).
 * @param {number} index
 */
function grey256(index) {
  if (index < 16) return index === 0 || index === 8 ? 0 : 200;
  if (index >= 232) return 8 + (index - 232) * 10;
  const cube = index - 16;
  /** @param {number} v */
  const level = (v) => (v === 0 ? 0 : 55 + v * 40);
  const [r, g, b] = [level(Math.floor(cube / 36)), level(Math.floor(cube / 6) % 6), level(cube % 6)];
  return Math.round(0.299 * r + 0.587 * g + 0.114 * b);
}

/**
 * Each character cell of a line as [top, bottom, glyph]: grey levels, and whether it is a letter.
 * @param {string} line
 */
function cellsOf(line) {
  /** @type {number | undefined} */
  let fg;
  /** @type {number | undefined} */
  let bg;
  /** @type {[top: number, bottom: number, glyph: boolean][]} */
  const cells = [];
  // eslint-disable-next-line no-control-regex -- colours are escape sequences, which start with ESC
  for (const match of line.matchAll(/\x1b\[([0-9;]*)m|\x1b\[[0-9;?]*[A-Za-z]|([^\x1b])/gu)) {
    if (match[1] !== undefined) {
      const params = match[1] === '' ? [0] : match[1].split(';').map(Number);
      for (let i = 0; i < params.length; i++) {
        const p = params[i];
        if (p === 0) [fg, bg] = [undefined, undefined];
        else if (p === 39) fg = undefined;
        else if (p === 49) bg = undefined;
        else if ((p === 38 || p === 48) && params[i + 1] === 5) {
          const colour = grey256(params[i + 2] ?? 0);
          if (p === 38) fg = colour;
          else bg = colour;
          i += 2;
        }
      }
    }
    const char = match[2];
    if (char === undefined) continue;
    const f = fg ?? THEME.foreground;
    const b = bg ?? THEME.background;
    if (char === '█') cells.push([f, f, false]);
    else if (char === '▀') cells.push([f, b, false]);
    else if (char === '▄') cells.push([b, f, false]);
    else cells.push([b, b, char !== ' ']);
  }
  return cells;
}

/**
 * Paints a screen of `size` (the lines `qr show` draws) with cells `scale` pixels wide and twice
 * that tall, so one module is scale×scale, centred on a canvas of white (a phone's screen around
 * a screenshot of the terminal) or, without one, exactly the terminal. A letter of the status line
 * is a block of the foreground in the middle of its cell.
 * @param {string[]} lines
 * @param {TerminalSize} size
 * @param {number} scale
 * @param {{ width: number, height: number }} [canvas]
 * @returns {Picture}
 */
function paint(lines, size, scale, canvas) {
  const termWidth = size.columns * scale;
  const termHeight = size.rows * 2 * scale;
  const width = canvas?.width ?? termWidth;
  const height = canvas?.height ?? termHeight;
  const left = Math.floor((width - termWidth) / 2);
  const top = Math.floor((height - termHeight) / 2);
  const grey = new Uint8Array(width * height).fill(255);
  /** @type {(x0: number, y0: number, w: number, h: number, level: number) => void} */
  const fill = (x0, y0, w, h, level) => {
    for (let y = top + y0; y < top + y0 + h; y++) grey.fill(level, y * width + left + x0, y * width + left + x0 + w);
  };
  fill(0, 0, termWidth, termHeight, THEME.background);
  lines.forEach((line, r) =>
    cellsOf(line).forEach(([upper, lower, glyph], c) => {
      if (upper !== THEME.background) fill(c * scale, r * 2 * scale, scale, scale, upper);
      if (lower !== THEME.background) fill(c * scale, (r * 2 + 1) * scale, scale, scale, lower);
      if (glyph)
        fill(
          c * scale + Math.floor(scale / 4),
          r * 2 * scale + Math.floor(scale / 2),
          Math.ceil(scale / 2),
          scale,
          THEME.foreground,
        );
    }),
  );
  return { width, height, data: rgba(grey) };
}

/**
 * Grey levels as opaque RGBA pixels.
 * @param {Uint8Array} grey
 */
function rgba(grey) {
  const data = Buffer.alloc(grey.length * 4, 255);
  grey.forEach((level, i) => data.fill(level, i * 4, i * 4 + 3));
  return data;
}

/**
 * A JPEG of RGBA pixels, as a phone's camera saves a photo.
 * @param {Picture} picture
 */
const jpegOf = ({ width, height, data }) => jpeg.encode({ width, height, data }, JPEG_QUALITY).data;

/**
 * A PNG of RGBA pixels; `fast` skips pngjs's search for the best filter of each row.
 * @param {Picture} picture
 */
const pngOf = ({ width, height, data }, fast = false) => {
  const png = new PNG({ width, height });
  data.copy(png.data);
  return PNG.sync.write(png, fast ? { filterType: 0, deflateLevel: 1 } : {});
};

/**
 * Decodes pictures through `airlock qr read`'s worker pool; returns their texts in `paths`' order.
 * @param {readonly string[]} paths
 * @param {number} [workers]
 */
async function decodeAll(paths, workers) {
  const index = placesOf(paths);
  /** @type {(string | null)[]} */
  const texts = paths.map(() => null);
  for await (const { name, text } of decodeImages(paths, workers ? { workers } : {}))
    texts[indexOf(index, name)] = text;
  return texts;
}

/**
 * The places of each picture in a list given to the pool: a batch repeats its pictures.
 * @param {readonly string[]} paths
 * @returns {Map<string, number[]>}
 */
function placesOf(paths) {
  /** @type {Map<string, number[]>} */
  const places = new Map();
  paths.forEach((path, i) => places.set(path, [...(places.get(path) ?? []), i]));
  return places;
}

/**
 * Where a picture the pool read back was in the list it was given: its first place not yet filled.
 * @param {Map<string, number[]>} index
 * @param {string} name
 */
function indexOf(index, name) {
  const i = index.get(name)?.shift();
  if (i === undefined) throw new Error(`the pool read back ${name} more often than it was given`);
  return i;
}

// ---------- effective throughput ----------

/**
 * The frames `airlock qr show` draws for `payload` in a terminal of `size` (QrShow, as the
 * command drives it), each painted into a PNG and read back through the decode pool, made as
 * far as a trial needs them. Every text read is checked against the frame that was drawn.
 */
class ShownFrames {
  /**
   * @param {Uint8Array} payload
   * @param {TerminalSize} size
   * @param {string} dir
   * @param {Framing} framing
   */
  constructor(payload, size, dir, framing) {
    this.size = size;
    this.dir = dir;
    this.framing = framing;
    this.show = new QrShow({ kind: 'payload', payload, label: 'bench', framing });
    this.show.resize(size);
    const fit = largestFit(size.columns, size.rows);
    const plan = fit && planFrames(payload, fit, framing);
    if (!plan) throw new Error(`${sizeName(size)}: no QR code fits`);
    this.plan = plan;
    // An independent sequence of the same plan: what each frame must read as.
    this.expected = new FrameSequence(payload, plan.fragmentLength, framing);
    /** @type {string[][]} the lines of each frame drawn */
    this.lines = [];
    /** @type {(string | null)[]} what each frame read as; null where it did not read */
    this.texts = [];
    this.unread = 0;
  }

  /** @param {number} count */
  async upTo(count) {
    const paths = [];
    /** @type {string[]} */
    const expected = [];
    for (let i = this.texts.length; i < count; i++) {
      const lines = this.show.lines({ paused: false, fps: DEFAULT_FPS });
      if (lines.length !== this.size.rows) throw new Error(`${sizeName(this.size)}: ${lines.length} lines drawn`);
      this.lines.push(lines);
      this.show.advance();
      const path = join(this.dir, `${this.framing}-${sizeName(this.size)}-${String(i).padStart(5, '0')}.png`);
      await writeFile(path, pngOf(paint(lines, this.size, FRAME_SCALE), true));
      paths.push(path);
      expected.push(this.expected.next().text);
    }
    const texts = await decodeAll(paths);
    texts.forEach((text, i) => {
      if (text === null) this.unread += 1;
      else if (text !== expected[i])
        throw new Error(
          `${sizeName(this.size)}: frame ${this.texts.length + i + 1} reads as another text than it shows`,
        );
      this.texts.push(text);
    });
  }

  /**
   * Frames shown until the transfer is complete, losing each with probability LOSS.
   * @param {number} seed
   * @param {Uint8Array} payload
   */
  async trial(seed, payload) {
    const random = seeded(seed);
    const reassembly = new Reassembly();
    let shown = 0;
    while (!reassembly.complete) {
      if (shown === this.texts.length)
        await this.upTo(shown + Math.max(16, Math.ceil(this.show.parts * (shown === 0 ? 1.2 : 0.1))));
      if (shown > this.show.parts * 10)
        throw new Error(`${sizeName(this.size)}: no complete transfer after ${shown} frames`);
      const text = this.texts[shown];
      shown += 1;
      if (random() < LOSS || typeof text !== 'string') continue;
      reassembly.receive(text, `frame ${shown}`);
    }
    const result = reassembly.result();
    if (result.kind !== 'bytes' || !Buffer.from(result.payload).equals(Buffer.from(payload)))
      throw new Error(`${sizeName(this.size)}: the payload read back differs`);
    return { shown, bytesPerS: payload.length / (shown / DEFAULT_FPS) };
  }

  /**
   * The lines and the text read of frame `i`, which a trial has drawn.
   * @param {number} i
   */
  frame(i) {
    const lines = this.lines[i];
    const text = this.texts[i];
    if (!lines || text === undefined) throw new Error(`${sizeName(this.size)}: frame ${i} was never drawn`);
    return { lines, text };
  }
}

/** @param {string} dir */
async function throughput(dir) {
  const payload = pseudoRandomBytes(PAYLOAD_BYTES, PAYLOAD_SEED);
  const results = [];
  for (const framing of FRAMINGS) {
    for (const size of SIZES) {
      const frames = new ShownFrames(payload, size, dir, framing);
      const trials = [];
      for (const seed of LOSS_SEEDS) trials.push(await frames.trial(seed, payload));
      results.push({ size, framing, frames, trials });
    }
  }
  return { payload, results };
}

// ---------- decoding one 1280×720 picture ----------

/**
 * The largest whole scale at which the terminal fits the screenshot: cells scale×2·scale.
 * @param {TerminalSize} size
 */
const screenshotScale = (size) =>
  Math.min(Math.floor(SCREENSHOT.width / size.columns), Math.floor(SCREENSHOT.height / (size.rows * 2)));

/**
 * @param {number} seed
 * @returns {Picture}
 */
function noise(seed) {
  const random = seeded(seed);
  const data = Buffer.alloc(SCREENSHOT.width * SCREENSHOT.height * 4, 255);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = random() * 256;
    data[i + 1] = random() * 256;
    data[i + 2] = random() * 256;
  }
  return { ...SCREENSHOT, data };
}

/**
 * @param {number} angle
 * @returns {Picture}
 */
function gradient(angle) {
  const { width, height } = SCREENSHOT;
  const data = Buffer.alloc(width * height * 4, 255);
  const [dx, dy] = [Math.cos(angle), Math.sin(angle)];
  const span = Math.abs(dx) * width + Math.abs(dy) * height;
  const base = Math.min(0, dx * width) + Math.min(0, dy * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = Math.round((255 * (x * dx + y * dy - base)) / span);
      const at = (y * width + x) * 4;
      data[at] = v;
      data[at + 1] = (v + 60) % 256;
      data[at + 2] = 255 - v;
    }
  }
  return { ...SCREENSHOT, data };
}

/**
 * The picture with approximately normal noise of `sigma` grey levels on every pixel, as a camera sensor adds it.
 * @param {Picture} image
 * @param {number} sigma
 * @param {number} seed
 * @returns {Picture}
 */
function withSensorNoise(image, sigma, seed) {
  const random = seeded(seed);
  const data = Buffer.from(image.data);
  for (let i = 0; i < data.length; i += 4) {
    let sum = 0;
    for (let k = 0; k < 6; k++) sum += random();
    const noise = (sum - 3) * Math.SQRT2 * sigma; // six uniforms: variance 1/2
    for (let c = 0; c < 3; c++) data[i + c] = Math.max(0, Math.min(255, Math.round((data[i + c] ?? 0) + noise)));
  }
  return { width: image.width, height: image.height, data };
}

/**
 * A dim room with a lamp in it: dark walls, a soft bright patch, no code.
 * @returns {Picture}
 */
function dimRoom() {
  const { width, height } = SCREENSHOT;
  const data = Buffer.alloc(width * height * 4, 255);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = 35 + (25 * y) / height + 90 * Math.exp(-((x - 900) ** 2 + (y - 250) ** 2) / 30000);
      const at = (y * width + x) * 4;
      data[at] = v + 10;
      data[at + 1] = v;
      data[at + 2] = v - 5;
    }
  }
  return { ...SCREENSHOT, data };
}

/**
 * Half of one picture and half of another, as a photo taken while the terminal redraws.
 * @param {Picture} a
 * @param {Picture} b
 * @returns {Picture}
 */
function blend(a, b) {
  const data = Buffer.alloc(a.data.length);
  for (let i = 0; i < data.length; i++) data[i] = ((a.data[i] ?? 0) + (b.data[i] ?? 0)) >> 1;
  return { width: a.width, height: a.height, data };
}

/**
 * One picture decoded on this thread, stage by stage, as the worker does it: PNG or JPEG, grey and downscale, noise, jsqr.
 * @param {Buffer} bytes
 */
async function decodeHere(bytes) {
  let t = performance.now();
  const decoded = await decodeImage(bytes, 'picture');
  const decodeMs = performance.now() - t;
  t = performance.now();
  const image = greyscale(decoded, MAX_DECODE_SIDE);
  const downscaleMs = performance.now() - t;
  t = performance.now();
  const quiet = suppressNoise(image);
  const noiseMs = performance.now() - t;
  t = performance.now();
  const found = findQrCode(quiet);
  const jsqrMs = performance.now() - t;
  const result = {
    text: found ? found.data : null,
    decodeMs,
    downscaleMs,
    noiseMs,
    jsqrMs,
    width: image.width,
    height: image.height,
  };
  return {
    ...result,
    /** What jsqr reads without the noise filter: only asked of noisy pictures, for the comparison. */
    get unfiltered() {
      return quiet === image ? result.text : (findQrCode(image)?.data ?? null);
    },
  };
}

/** @typedef {{ whole: number, started: number }} Rates pictures a second, over a whole batch and once started */

/**
 * `length` items, going round `list` as often as it takes.
 * @template T
 * @param {readonly T[]} list
 * @param {number} length
 */
const cycle = (list, length) =>
  Array.from({ length: Math.ceil(length / list.length) }, () => list)
    .flat()
    .slice(0, length);

/**
 * @typedef {object} Kind pictures of one kind, and what each must read as
 * @property {string} label
 * @property {string[]} paths
 * @property {Buffer[]} files
 * @property {(string | null)[]} texts
 * @property {number} runs
 * @property {number} [unfiltered] pictures whose code jsqr reads without the noise filter, where that was asked
 */

/**
 * Times one kind of picture: each alone through `decodeImages` (a new pool and worker, as
 * `airlock qr read one.png`), then all of them over and over as one batch of BATCH through one
 * worker and through the default pool (worker start included), then the stages on this thread.
 * @param {Kind} kind
 */
async function timeKind({ label, paths, files, texts, runs, unfiltered }) {
  /** @type {(read: (string | null)[], expected: (string | null)[], what: string) => void} */
  const check = (read, expected, what) =>
    read.forEach((text, i) => {
      if (text !== expected[i])
        throw new Error(
          `${label}, ${what} ${i}: read ${JSON.stringify(text)}, expected ${JSON.stringify(expected[i])}`,
        );
    });
  check(await decodeAll(paths), texts, 'warm-up'); // the file cache and this thread's code
  const alone = [];
  for (const [i, path] of paths.entries()) {
    const start = performance.now();
    const read = await decodeAll([path]);
    alone.push(performance.now() - start);
    check(read, texts.slice(i, i + 1), path);
  }
  const batch = cycle(paths, BATCH);
  const expected = cycle(texts, BATCH);
  /**
   * Pictures a second over the whole batch, and once started: from the return of as many pictures
   * as there are workers (their start and first, cold decodes behind) to the last.
   * @param {number} [workers]
   * @returns {Promise<Rates>}
   */
  const perSecond = async (workers) => {
    const index = placesOf(batch);
    /** @type {(string | null)[]} */
    const read = batch.map(() => null);
    const done = [];
    const start = performance.now();
    for await (const { name, text } of decodeImages(batch, workers ? { workers } : {})) {
      read[indexOf(index, name)] = text;
      done.push(performance.now());
    }
    check(read, expected, 'batch picture');
    const size = workers ?? poolSize();
    const last = done.at(-1) ?? NaN;
    return {
      whole: batch.length / ((last - start) / 1000),
      started: (batch.length - size) / ((last - (done[size - 1] ?? NaN)) / 1000),
    };
  };
  // The best of `runs`, alternating: other work on the machine only ever slows a run.
  /** @type {(a: Rates, b: Rates) => Rates} */
  const better = (a, b) => ({ whole: Math.max(a.whole, b.whole), started: Math.max(a.started, b.started) });
  let [one, pool] = [
    { whole: 0, started: 0 },
    { whole: 0, started: 0 },
  ];
  for (let run = 0; run < runs; run++) {
    one = better(one, await perSecond(1));
    pool = better(pool, await perSecond(undefined));
  }
  /** @type {Awaited<ReturnType<typeof decodeHere>>[]} */
  const here = [];
  for (const bytes of files) here.push(await decodeHere(bytes));
  check(
    here.map((h) => h.text),
    texts,
    'on this thread, picture',
  );
  return {
    count: paths.length,
    read: texts.filter((text) => text !== null).length,
    unfiltered,
    batch: batch.length,
    runs,
    alone: median(alone),
    one,
    pool,
    kib: median(files.map((bytes) => bytes.length)) / 1024,
    stages: {
      decodeMs: median(here.map((h) => h.decodeMs)),
      downscaleMs: median(here.map((h) => h.downscaleMs)),
      noiseMs: median(here.map((h) => h.noiseMs)),
      jsqrMs: median(here.map((h) => h.jsqrMs)),
    },
    decodedSide: here[0] ? `${here[0].width}×${here[0].height}` : '—',
    label,
  };
}

/**
 * @param {string} dir
 * @param {Awaited<ReturnType<typeof throughput>>['results']} results
 */
async function pictures(dir, results) {
  // Three runs of each, the best kept: a busy host only ever slows a run.
  /** @type {(label: string) => Kind} */
  const kind = (label) => ({ label, paths: [], files: [], texts: [], runs: 3 });
  const kinds = {
    code: kind('a frame'),
    photo: kind(`a frame saved as a JPEG (quality ${JPEG_QUALITY}), as a phone's camera does`),
    grainy: kind(`a frame with sensor noise (σ ${SENSOR_NOISE}), JPEG`),
    blend: kind('two frames half and half'),
    room: kind(`a dim room with sensor noise (σ ${SENSOR_NOISE}), no code, JPEG`),
    noise: kind('random noise'),
    gradient: kind('colour gradients'),
  };
  // What a camera took is a JPEG: noise comes only from a camera's sensor.
  const camera = new Set(['photo', 'grainy', 'room']);
  /** @type {(key: keyof typeof kinds, image: Picture, text: string | null) => Promise<void>} */
  const add = async (key, image, text) => {
    const file = camera.has(key) ? jpegOf(image) : pngOf(image);
    const path = join(dir, `${key}-${kinds[key].paths.length}.${camera.has(key) ? 'jpg' : 'png'}`);
    await writeFile(path, file);
    kinds[key].paths.push(path);
    kinds[key].files.push(file);
    kinds[key].texts.push(text);
  };
  // Pictures of UR frames: a dense frame is a code of the same version, decoded the same way.
  for (const { size, frames } of results.filter((r) => r.framing === 'ur')) {
    /** @param {number} i */
    const screenshot = (i) => paint(frames.frame(i).lines, size, screenshotScale(size), SCREENSHOT);
    for (let i = 0; i < 4; i++) {
      const shows = frames.frame(i).text;
      await add('code', screenshot(i), shows);
      await add('photo', screenshot(i), shows);
      // jsqr misses some codes in noise: the text expected is what this thread reads, which must be the frame's or nothing.
      const grainy = withSensorNoise(screenshot(i), SENSOR_NOISE, 300 + i);
      const { text, unfiltered } = await decodeHere(jpegOf(grainy));
      if (text !== null && text !== shows) throw new Error(`a grainy frame reads as another text than it shows`);
      await add('grainy', grainy, text);
      kinds.grainy.unfiltered = (kinds.grainy.unfiltered ?? 0) + (unfiltered === shows ? 1 : 0);
    }
    // Two blends a size that jsqr reads nothing in (it has read none so far).
    for (let i = 0, kept = 0; kept < 2 && i < 10; i++) {
      const image = blend(screenshot(i), screenshot(i + 1));
      if ((await decodeHere(pngOf(image, true))).text !== null) continue;
      await add('blend', image, null);
      kept += 1;
    }
  }
  for (let i = 0; i < 4; i++) await add('room', withSensorNoise(dimRoom(), SENSOR_NOISE, 200 + i), null);
  for (let i = 0; i < 3; i++) await add('noise', noise(100 + i), null);
  for (let i = 0; i < 4; i++) await add('gradient', gradient(0.3 + (i * Math.PI) / 2), null);
  const keys = /** @type {(keyof typeof kinds)[]} */ (Object.keys(kinds));
  const timed = /** @type {Record<keyof typeof kinds, Awaited<ReturnType<typeof timeKind>>>} */ ({});
  for (const key of keys) timed[key] = await timeKind(kinds[key]);
  return timed;
}

// ---------- the section ----------

export async function qrBenchmarks() {
  const load = loadavg()[0] ?? NaN;
  const started = performance.now();
  const dir = await mkdtemp(join(tmpdir(), 'airlock-bench-qr-'));
  try {
    const { payload, results } = await throughput(dir);
    const decoding = await pictures(dir, results);
    const seconds = (performance.now() - started) / 1000;
    const loadAfter = loadavg()[0] ?? NaN;

    const framingName = { ur: 'UR frames (the default)', dense: 'dense frames (`--dense`)' };
    const throughputRows = results.flatMap(({ size, framing, frames, trials }) => {
      const rates = trials.map((t) => t.bytesPerS);
      const name = sizeName(size);
      const goal = name === GOAL_SIZE;
      const rate = median(rates);
      return [
        [
          `Effective throughput at ${name}, ${framingName[framing]}, median (min–max) of ${trials.length} trials`,
          `${int(rate)} B/s (${int(Math.min(...rates))}–${int(Math.max(...rates))})`,
          goal ? `≥ ${GOAL_BYTES_PER_S.toLocaleString('en')} B/s` : '—',
          goal ? yesNo(rate >= GOAL_BYTES_PER_S) : '—',
        ],
        [
          `${name}, ${framing}: QR version; payload bytes a frame; plain fragments; frames shown until complete, median (min–max)`,
          `${frames.plan.version}; ${(payload.length / frames.show.parts).toFixed(0)} B (fragments of at most ${frames.plan.fragmentLength} B); ${frames.show.parts}; ` +
            `${median(trials.map((t) => t.shown))} (${Math.min(...trials.map((t) => t.shown))}–${Math.max(...trials.map((t) => t.shown))})`,
          '—',
          '—',
        ],
      ];
    });
    const framesRead = results.reduce((n, { frames }) => n + frames.texts.length, 0);
    const unread = results.reduce((n, { frames }) => n + frames.unread, 0);

    /** @param {Framing} framing */
    const atGoalSize = (framing) => {
      const found = results.find((r) => sizeName(r.size) === GOAL_SIZE && r.framing === framing);
      if (!found) throw new Error(`no ${framing} trials at ${GOAL_SIZE}`);
      return found;
    };
    const goalResult = atGoalSize('ur');
    const denseGoal = atGoalSize('dense');
    const denseRate = median(denseGoal.trials.map((t) => t.bytesPerS));
    const goalRate = median(goalResult.trials.map((t) => t.bytesPerS));
    const goalParts = goalResult.frames.show.parts;
    const perFrame = payload.length / goalParts;
    const limit =
      goalRate >= GOAL_BYTES_PER_S
        ? ''
        : `\n\nWhat limits UR frames at ${GOAL_SIZE}: the largest code that fits its ${goalResult.size.rows - STATUS_ROWS} rows (two modules a row) is version ${goalResult.frames.plan.version}, whose frames carry ${perFrame.toFixed(0)} payload bytes each, and ` +
          `${perFrame.toFixed(0)} B × ${DEFAULT_FPS} frames/s = ${int(perFrame * DEFAULT_FPS)} B/s even with no frame lost, below the goal before the 10% lost and the fountain code's extra frames ` +
          `(median ${median(goalResult.trials.map((t) => t.shown))} frames shown for ${goalParts} fragments, ${(median(goalResult.trials.map((t) => t.shown)) / goalParts).toFixed(2)}×) bring it to ${int(goalRate)} B/s. ` +
          `Dense frames carry the same fountain-coded parts as bytes (8 bits a byte instead of bytewords' 11), ${(payload.length / denseGoal.frames.show.parts).toFixed(0)} payload bytes a frame of the same version: ` +
          `${int(denseRate)} B/s, ${denseRate >= GOAL_BYTES_PER_S ? 'which meets the goal' : 'still below the goal'}; only \`airlock qr read\` reads them, so UR stays the default.`;

    const decodeRows = Object.values(decoding).flatMap((d) => {
      const { decodeMs, downscaleMs, noiseMs, jsqrMs } = d.stages;
      return [
        [
          `1280×720, ${d.label} (${d.count} pictures, files of ~${int(d.kib)} KiB): one alone, median; its stages decode / grey and downscale / noise / jsqr`,
          `${ms(d.alone)} (${perS(1000 / d.alone)}); ${ms(decodeMs)} / ${ms(downscaleMs)} / ${ms(noiseMs)} / ${ms(jsqrMs)}`,
          '—',
          '—',
        ],
        ...(d.unfiltered === undefined
          ? []
          : [
              [
                `1280×720, ${d.label}: pictures whose code jsqr reads, with the noise filter / without it`,
                `${d.read} of ${d.count} / ${d.unfiltered} of ${d.count}`,
                '—',
                '—',
              ],
            ]),
        [
          `1280×720, ${d.label}: batch of ${d.batch}, one worker${d.runs > 1 ? `, best of ${d.runs}` : ''}: once started (whole batch)`,
          `${perS(d.one.started)} (${perS(d.one.whole)}); ${ms(1000 / d.one.started)} each`,
          '—',
          '—',
        ],
        [
          `1280×720, ${d.label}: batch of ${d.batch}, pool of ${poolSize()} workers${d.runs > 1 ? `, best of ${d.runs}` : ''}: once started (whole batch)`,
          `${perS(d.pool.started)} (${perS(d.pool.whole)})`,
          `≥ ${GOAL_IMAGES_PER_S}/s`,
          yesNo(d.pool.started >= GOAL_IMAGES_PER_S),
        ],
      ];
    });

    const markdown = `## QR codes

The 1-minute load average was ${load.toFixed(2)} when this section started and ${loadAfter.toFixed(2)} when it ended, ${seconds.toFixed(0)} s later.

**Effective throughput.** A ${int(PAYLOAD_BYTES)}-byte pseudo-random payload (seed ${PAYLOAD_SEED}) shown as \`airlock qr show\`
shows it, in UR frames and in dense frames (\`--dense\`): \`QrShow\` of \`dist/qr/show.js\` fitted to each terminal size, its lines taken frame after frame at the
default ${DEFAULT_FPS} frames/s. Every frame is painted into pixels as a dark-themed terminal shows it (a module
${FRAME_SCALE}×${FRAME_SCALE} pixels, the code in its own black on white), saved as a PNG and read back through \`airlock qr read\`'s
decode pool (\`decodeImages\`: PNG decode, jsqr in worker threads); each text read must be the frame's. Each frame is
lost with probability ${LOSS * 100}% (mulberry32, seeds ${LOSS_SEEDS.join(', ')}, one trial a seed); the rest go, in the order shown, to
\`Reassembly.receive\`, as in \`qr read\`, until the transfer is complete, and the payload must come back byte for byte.
Effective throughput = payload bytes ÷ (frames shown until complete, the lost ones included, ÷ ${DEFAULT_FPS} frames/s).
The trials differ only in the frames lost, so they share the frames: ${int(framesRead)} were decoded from pixels, ${unread} unreadable.
For comparison, Sparrow's 400-byte fragments at 5 frames/s are about 2,000 B/s with no loss counted.

**Decoding a picture.** 1280×720 pictures of the terminal as a phone would take them: the terminal's rendering of a
frame (4 frames of each size above) at the largest whole scale that fits (modules of
${SIZES.map((size) => `${screenshotScale(size)} px at ${sizeName(size)}`).join(', ')}), centred on white, as a PNG; the same frames
saved as JPEGs of quality ${JPEG_QUALITY}, as a phone's camera saves its photos; the same frames with approximately normal noise of
σ ${SENSOR_NOISE} grey levels on every pixel, as a camera at high gain in a dim room adds it, saved as JPEGs; two consecutive frames half and half
(a photo taken as the terminal redraws: no code read); a dim room with the same noise and no code, a JPEG (what a camera sees
before it is pointed at the screen); random noise, a PNG (every pixel of every colour uniformly random: the worst case
for jsqr's search); colour gradients.
Each goes through \`decodeImages\` of \`dist/qr/decode-pool.js\`, the path of \`airlock qr read\`: read the file, decode the
PNG or JPEG, turn it into grey levels (jsqr's weights) downscaled to at most ${MAX_DECODE_SIDE} pixels a side (${decoding.code.decodedSide}), filter out sensor noise when the picture has
any (\`suppressNoise\` of \`dist/qr/denoise.js\`; pictures without noise pass untouched), jsqr trying both polarities, in a worker thread.
Timed: each picture alone in a new pool (what one picture costs, the worker's start included); then a batch of ${BATCH}
(the kind's pictures over and over: about the frames of a transfer, so that each worker decodes dozens, as in \`qr read\`, well past
its first few, slower while V8 compiles the hot code) through one worker, one after another, and through the default pool (${poolSize()} workers), runs of the two alternating,
in pictures a second once started (from the return of as many pictures as there are workers, which puts the workers'
start and first, cold decodes behind, to the last) and, in brackets, over the whole batch, the start included; then
the stages on the main thread. Every decode is checked: the frame's text, or nothing. The goal of ${GOAL_IMAGES_PER_S} pictures/s
is judged on the default pool, what \`qr read\` runs, once started, since a folder of a transfer's frames amortises the start; one picture alone pays for it in
full (the first row of each kind).

${table([
  ...throughputRows,
  ['Frames decoded from pixels / unreadable', `${int(framesRead)} / ${unread}`, '—', '—'],
  ...decodeRows,
])}${limit}`;
    return { markdown };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log((await qrBenchmarks()).markdown);
