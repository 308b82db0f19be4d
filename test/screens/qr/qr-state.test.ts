/** The QR screens' pure parts: the player's and the reading's reducers, and what a read payload is said to be. */
import { homedir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { MAX_FPS } from '../../../src/qr/playback.js';
import { fold } from '../../../src/screens/qr/qr-player.js';
import {
  classify,
  describeFound,
  type Found,
  fileNameFor,
  progressText,
  readProgress,
  saveDirectory,
} from '../../../src/screens/qr/qr-found.js';
import { initialPlayer, playerReducer } from '../../../src/screens/qr/qr-player-state.js';
import { initialRead, readReducer } from '../../../src/screens/qr/qr-read-state.js';
import { BOB } from '../../helpers/dev-keys.js';
import { POLKADOT_GENESIS } from './helpers.js';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

describe('the player', () => {
  it('advances on the clock only while playing; a step pauses and advances one', () => {
    let state = initialPlayer();
    expect(state).toEqual({ paused: false, fps: 8, framing: 'ur', advanced: 0 });
    state = playerReducer(state, 'tick');
    expect(state.advanced).toBe(1);
    state = playerReducer(state, 'toggle-pause');
    expect(playerReducer(state, 'tick')).toBe(state);
    state = playerReducer(playerReducer(state, 'step'), 'step');
    expect(state).toEqual({ paused: true, fps: 8, framing: 'ur', advanced: 3 });
  });

  it('switches between UR and dense frames with f, keeping pause, speed and the frame count', () => {
    const start = playerReducer(initialPlayer(5), 'toggle-pause');
    const dense = playerReducer(start, 'switch-framing');
    expect(dense).toEqual({ ...start, framing: 'dense' });
    expect(playerReducer(dense, 'switch-framing')).toEqual(start);
    expect(initialPlayer(8, 'dense').framing).toBe('dense');
  });

  it('keeps the speed within what airlock qr show allows', () => {
    let state = initialPlayer(2);
    state = playerReducer(playerReducer(playerReducer(state, 'slower'), 'slower'), 'slower');
    expect(state.fps).toBe(1);
    for (let i = 0; i < 40; i++) state = playerReducer(state, 'faster');
    expect(state.fps).toBe(MAX_FPS);
  });

  it('folds only a plain line wider than the terminal, at spaces', () => {
    expect(fold('\u001B[38;5;16m████\u001B[0m', 2)).toHaveLength(1);
    expect(fold('too small: make it 25×14', 12)).toEqual(['too small:', 'make it', '25×14']);
  });
});

describe('reading pictures', () => {
  const found: Found = { kind: 'data', payload: bytes('x') };
  const reading = readReducer(initialRead, { type: 'read' });

  it('takes progress and a result only while reading: a late one after Esc changes nothing', () => {
    const progress = { pictures: 3, frames: 2, skipped: 1, percent: 18 };
    const stopped = readReducer(readReducer(reading, { type: 'progress', progress }), { type: 'stop' });
    expect(stopped).toMatchObject({ step: 'path', progress, problem: 'Stopped: nothing read was kept.' });
    expect(readReducer(stopped, { type: 'found', found, destination: '/x', fileName: 'x' })).toBe(stopped);
    expect(readReducer(stopped, { type: 'failed', problem: 'late' })).toBe(stopped);
  });

  it('asks which transfer when the pictures hold several, reads again for it, or goes back to the path', () => {
    const transfers = [
      { id: '0a0b0c0d', what: 'an airlock backup', codes: 20, animated: true, complete: true },
      { id: '1a1b1c1d', what: '1.5 KiB of data', codes: 12, animated: true, complete: true },
    ];
    const choosing = readReducer(reading, { type: 'several', transfers });
    expect(choosing).toEqual({ step: 'choose', transfers });
    expect(readReducer(choosing, { type: 'read' })).toEqual({ step: 'reading' });
    expect(readReducer(choosing, { type: 'again' })).toEqual(initialRead);
    // Only a reading ends in a choice.
    expect(readReducer(initialRead, { type: 'several', transfers })).toBe(initialRead);
  });

  it('names a polkadot.js key file found, and saves it as .json', () => {
    const keyFile = { kind: 'key-file', format: 'account', payload: bytes('{}') } as const;
    expect(fileNameFor(keyFile, new Date(2025, 0, 2, 3, 4, 5))).toBe('polkadot-js-20250102-030405.json');
    expect(describeFound(keyFile)).toEqual(['A polkadot.js account file (2 B): the import reads it once it is saved.']);
  });

  it('saves only what can be saved, and forgets the payload on the way back', () => {
    const at = readReducer(reading, { type: 'found', found, destination: '/media/usb/x.bin', fileName: 'x.bin' });
    const saving = readReducer(at, { type: 'save' });
    expect(saving.step).toBe('saving');
    expect(readReducer(saving, { type: 'destination-edit', edit: { type: 'clear' } })).toBe(saving);
    const saved = readReducer(saving, { type: 'saved', path: '/media/usb/x.bin' });
    expect(saved).toMatchObject({ step: 'saved', saved: '/media/usb/x.bin' });
    expect(readReducer(saved, { type: 'again' })).toEqual(initialRead);
    const address = readReducer(reading, {
      type: 'found',
      found: { kind: 'address', address: 'a', name: '', genesisHash: '0x', code: { address: 'a' } },
      destination: '',
      fileName: '',
    });
    expect(readReducer(address, { type: 'save' })).toBe(address);
  });

  it('tells a backup, an address, text and data apart, and cleans what it shows', () => {
    expect(classify({ kind: 'bytes', payload: bytes('{"format": "airlock-backup", "version": 3}') }).kind).toBe(
      'backup',
    );
    expect(classify({ kind: 'bytes', payload: bytes('{"format": "other"}') }).kind).toBe('data');
    expect(classify({ kind: 'text', text: 'hello' })).toEqual({ kind: 'text', text: 'hello', payload: bytes('hello') });
    const address = classify({ kind: 'text', text: `substrate:${BOB.polkadot}:${POLKADOT_GENESIS}:b\u001B[2Job` });
    expect(address).toMatchObject({
      kind: 'address',
      address: BOB.polkadot,
      name: 'b[2Job',
      network: { name: 'polkadot' },
    });
    const unknown = classify({ kind: 'text', text: `substrate:${BOB.polkadot}:0x${'ab'.repeat(32)}` });
    expect(describeFound(unknown)).toContain(
      `  Network: a chain airlock does not know (genesis hash 0x${'ab'.repeat(32)})`,
    );
    // Shown escaped, so a person sees what the code holds; kept cleaned.
    expect(describeFound(classify({ kind: 'text', text: 'evil\u001B]0;title\u0007' }))).toContain(
      '"evil\\x1b]0;title\\x07"',
    );
    expect(describeFound(address)).toEqual(
      expect.arrayContaining(['  Name:    b\\x1b[2Job', '  (the address book would keep it as "b[2Job")']),
    );
  });

  it('names and places a saved file as an export would, next to the pictures without a drive', () => {
    const at = new Date(2025, 0, 2, 3, 4, 5);
    expect(fileNameFor({ kind: 'backup', payload: bytes('') }, at)).toBe('airlock-backup-20250102-030405.json');
    expect(fileNameFor({ kind: 'data', payload: bytes('') }, at)).toBe('qr-data-20250102-030405.bin');
    expect(fileNameFor({ kind: 'text', text: '', payload: bytes('') }, at)).toBe('qr-text-20250102-030405.txt');
    const drive = { mountPoint: '/media/usb', readOnly: false } as never;
    const readOnly = { mountPoint: '/media/cd', readOnly: true } as never;
    expect(saveDirectory([readOnly, drive], '/pics', 'folder')).toBe('/media/usb');
    expect(saveDirectory([readOnly], '/pics', 'folder')).toBe('/pics');
    expect(saveDirectory(undefined, '/pics/one.png', 'picture')).toBe('/pics');
    expect(saveDirectory(undefined, '/videos/codes.mp4', 'video')).toBe('/videos');
    expect(saveDirectory(undefined, '/dev/video0', 'camera')).toBe(homedir());
    expect(saveDirectory([drive], '/dev/video0', 'camera')).toBe('/media/usb');
  });

  it('counts pictures, frames and what was skipped', () => {
    const tally = { pictures: 12, new: 9, duplicate: 1, 'other-transfer': 1, 'not-a-frame': 0, 'no-code': 1 };
    expect(progressText(readProgress(tally, { fraction: 0.456, missing: 6 }))).toBe(
      '12 pictures, 9 frames, 45% complete (3 skipped)',
    );
    expect(progressText({ pictures: 1, frames: 1, skipped: 0, percent: 100 })).toBe(
      '1 picture, 1 frame, 100% complete',
    );
  });
});
