import { describe, expect, it } from 'vitest';
import { addedText, metadataColumns, metadataHeader, metadataRow } from '../../../src/screens/sign/metadata-columns.js';
import type { MetadataRecord } from '../../../src/vault/model.js';

const RECORD: MetadataRecord = {
  network: 'polkadot',
  genesisHash: `0x${'91'.repeat(32)}`,
  specName: 'polkadot',
  specVersion: 1003000,
  metadataVersion: 15,
  ss58Prefix: 0,
  decimals: 10,
  token: 'DOT',
  file: 'polkadot-1003000.scale',
  size: 1_300_000,
  sha256: 'ab'.repeat(32),
  addedAt: '2026-12-07T16:58:31.123Z',
};

describe('the metadata list’s columns', () => {
  it('lines up network, spec, metadata version, size, the day added and the file’s state under the header', () => {
    const columns = metadataColumns([RECORD], 62);
    expect(metadataHeader(columns)).toBe('NETWORK   SPEC     VER  SIZE       ADDED       FILE');
    expect(metadataRow(RECORD, columns, 'intact')).toBe('polkadot  1003000  V15  1.2 MiB    2026-12-07  ok');
    expect(metadataRow(RECORD, columns, 'changed').endsWith('CHANGED')).toBe(true);
    expect(metadataRow(RECORD, columns).endsWith('…')).toBe(true);
  });

  it('gives a long network name only what the width leaves, cut with an ellipsis', () => {
    const long = { ...RECORD, network: 'a-parachain-with-a-very-long-name' };
    const columns = metadataColumns([long], 62);
    expect(columns.network).toBe(62 - 7 - 3 - 9 - 10 - 7 - 10);
    expect([...metadataRow(long, columns, 'missing')].length).toBeLessThanOrEqual(62);
    expect(metadataRow(long, columns, 'missing')).toContain('…');
    expect(metadataRow(long, columns, 'missing')).toContain('MISSING');
  });

  it('shows when it was added to the minute', () => {
    expect(addedText('2026-01-02T03:04:05.000Z')).toBe('2026-01-02 03:04');
  });
});
