const UNITS = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/** Binary units with one decimal: `512 B`, `14.3 GiB` (1023.95 KiB and up round to the next unit). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  let value = bytes;
  let unit = -1;
  do {
    value /= 1024;
    unit += 1;
  } while (value >= 1023.95 && unit < UNITS.length - 1);
  return `${value.toFixed(1)} ${UNITS[unit]}`;
}
