import { describe, expect, it } from 'vitest';
import { addedText, metadataHeader, metadataRow, networkWidth } from '../../../src/screens/sign/metadata-columns.js';

const ROW = {
  network: 'polkadot',
  specVersion: 1003000,
  metadataVersion: 15,
  bytes: 1_300_000,
  addedAt: '2026-12-07T16:58:31.123Z',
};

describe('the metadata list’s columns', () => {
  it('lines up network, spec, metadata version, size and when it was added under the header', () => {
    const width = networkWidth([ROW], 62);
    expect(metadataHeader(width)).toBe('NETWORK   SPEC      METADATA  SIZE       ADDED');
    expect(metadataRow(ROW, width)).toBe('polkadot  1003000   V15       1.2 MiB    2026-12-07 16:58');
    expect(metadataRow(ROW, width).indexOf('V15')).toBe(metadataHeader(width).indexOf('METADATA'));
  });

  it('gives a long network name only what the width leaves, cut with an ellipsis', () => {
    const long = { ...ROW, network: 'a-parachain-with-a-very-long-name' };
    const width = networkWidth([long], 62);
    expect(width).toBe(62 - 8 - 8 - 9 - 16 - 8);
    expect([...metadataRow(long, width)].length).toBeLessThanOrEqual(62);
    expect(metadataRow(long, width)).toContain('…');
  });

  it('shows an ISO time to the minute, and anything else as it was recorded', () => {
    expect(addedText('2026-01-02T03:04:05Z')).toBe('2026-01-02 03:04');
    expect(addedText('yesterday')).toBe('yesterday');
  });
});
