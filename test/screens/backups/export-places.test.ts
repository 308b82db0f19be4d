import { describe, expect, it } from 'vitest';
import type { RemovableDrive } from '../../../src/media/drives.js';
import { exportPlaces, placeOf, startingDestination, stepPlace } from '../../../src/screens/backups/export-places.js';

const drive = (mountPoint: string, label: string, readOnly = false): RemovableDrive => ({
  mountPoint,
  device: '/dev/sdb1',
  label,
  filesystem: 'vfat',
  sizeBytes: 8 * 2 ** 30,
  freeBytes: 3 * 2 ** 30,
  readOnly,
});
const DRIVES = [drive('/media/me/CD', 'CD', true), drive('/media/me/STICK', 'STICK'), drive('/media/me/SD', 'SD')];
const VAULT = '/home/me/.local/share/airlock/vault.json';
const AT = new Date(2025, 0, 2, 3, 4, 5);

describe('where an export may go', () => {
  it('offers the writable removable drives first, then the folder last written to, then beside the vault', () => {
    expect(exportPlaces(DRIVES, '/srv/backups', VAULT)).toEqual([
      { folder: '/media/me/STICK', about: 'removable drive STICK, 3.0 GiB free' },
      { folder: '/media/me/SD', about: 'removable drive SD, 3.0 GiB free' },
      { folder: '/srv/backups', about: 'written to last' },
      { folder: '/home/me/.local/share/airlock', about: 'beside the vault' },
    ]);
    // A folder already offered is offered once.
    expect(exportPlaces(DRIVES, '/media/me/SD/', VAULT).map((p) => p.folder)).toEqual([
      '/media/me/STICK',
      '/media/me/SD',
      '/home/me/.local/share/airlock',
    ]);
  });

  it('starts in the folder last written to, else on the first writable drive, else beside the vault', () => {
    expect(startingDestination(DRIVES, '/srv/backups', VAULT, AT)).toBe(
      '/srv/backups/airlock-backup-20250102-030405.json',
    );
    expect(startingDestination(DRIVES, undefined, VAULT, AT)).toBe(
      '/media/me/STICK/airlock-backup-20250102-030405.json',
    );
    expect(startingDestination([], undefined, VAULT, AT)).toBe(
      '/home/me/.local/share/airlock/airlock-backup-20250102-030405.json',
    );
  });

  it('moves the destination through the places keeping its file name, round and round', () => {
    const places = exportPlaces(DRIVES, undefined, VAULT);
    expect(placeOf('/media/me/STICK/b.json', places)).toBe(0);
    expect(stepPlace('/media/me/STICK/b.json', places, 1, 'x.json')).toBe('/media/me/SD/b.json');
    expect(stepPlace('/media/me/STICK/b.json', places, -1, 'x.json')).toBe('/home/me/.local/share/airlock/b.json');
    // A folder typed that is no place: → goes to the first, ← to the last; a folder alone gets the file name.
    expect(stepPlace('/tmp/', places, 1, 'x.json')).toBe('/media/me/STICK/x.json');
    expect(stepPlace('/tmp/a.json', places, -1, 'x.json')).toBe('/home/me/.local/share/airlock/a.json');
  });
});
