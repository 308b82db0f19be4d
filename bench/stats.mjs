// The statistics every benchmark reports.
const sorted = (xs) => [...xs].sort((a, b) => a - b);

export function median(xs) {
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile. */
export function percentile(xs, p) {
  return sorted(xs)[Math.max(0, Math.ceil((p / 100) * xs.length) - 1)];
}
