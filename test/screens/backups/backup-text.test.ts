import { describe, expect, it } from 'vitest';
import {
  backupFileName,
  defaultDestination,
  defaultSource,
  describePlanned,
  drivesSummary,
  elideStart,
  nameColumn,
  plannedRow,
} from '../../../src/screens/backups/backup-text.js';
import type { RemovableDrive } from '../../../src/media/drives.js';

const drive = (mountPoint: string, more: Partial<RemovableDrive> = {}): RemovableDrive => ({
  mountPoint,
  device: '/dev/sdb1',
  filesystem: 'vfat',
  sizeBytes: 8 * 1024 ** 3,
  freeBytes: 3.5 * 1024 ** 3,
  readOnly: false,
  ...more,
});

describe('the backups screens in words', () => {
  it('names a backup by the local time', () => {
    expect(backupFileName(new Date(2025, 0, 2, 3, 4, 5))).toBe('airlock-backup-20250102-030405.json');
    expect(backupFileName(new Date(2025, 11, 31, 23, 59, 58))).toBe('airlock-backup-20251231-235958.json');
  });

  it('writes to the first writable drive, else beside the vault; reads from the first drive', () => {
    const at = new Date(2025, 0, 2, 3, 4, 5);
    expect(defaultDestination([], '/home/me/.local/share/airlock/vault.json', at)).toBe(
      '/home/me/.local/share/airlock/airlock-backup-20250102-030405.json',
    );
    const drives = [drive('/media/me/OLD', { readOnly: true }), drive('/media/me/STICK')];
    expect(defaultDestination(drives, '/v/vault.json', at)).toBe('/media/me/STICK/airlock-backup-20250102-030405.json');
    expect(defaultSource(drives, '/v/vault.json')).toBe('/media/me/OLD/');
    expect(defaultSource([], '/v/vault.json')).toBe('/v/');
  });

  it('lists the drives with label and free space, or says there is none', () => {
    expect(drivesSummary(undefined)).toEqual(['Looking for removable drives…']);
    expect(drivesSummary([])).toEqual(['No removable drive is mounted now.']);
    expect(drivesSummary([drive('/media/me/STICK', { label: 'STICK' }), drive('/mnt/sd', { readOnly: true })])).toEqual(
      ['Drive: /media/me/STICK (STICK, 3.5 GiB free)', 'Drive: /mnt/sd (3.5 GiB free, read-only)'],
    );
  });

  it('says what importing each entry does, in aligned columns', () => {
    const entries = [
      { kind: 'identity' as const, name: 'dev', action: 'skip' as const, existing: 'main' },
      { kind: 'account' as const, name: 'bob', action: 'add' as const },
      { kind: 'address' as const, name: 'exchange', action: 'add' as const, as: 'exchange (2)' },
    ];
    expect(entries.map(describePlanned)).toEqual([
      'skip: already in the vault as "main"',
      'add',
      'add as "exchange (2)"',
    ]);
    expect(
      describePlanned({ kind: 'account', name: 'bob', action: 'skip', reason: 'locked: it has a password of its own' }),
    ).toBe('skip: locked: it has a password of its own');
    const width = nameColumn(entries, 20);
    expect(width).toBe(8);
    expect(plannedRow(entries[2]!, width)).toBe('address  exchange  add as "exchange (2)"');
    expect(plannedRow({ kind: 'account', name: 'a-very-long-account-name', action: 'add' }, 10)).toBe(
      'account  a-very-lo…  add',
    );
  });

  it('shows the end of a long path', () => {
    expect(elideStart('/short', 10)).toBe('/short');
    expect(elideStart('/media/me/STICK/backup.json', 12)).toBe('…backup.json');
  });
});
