// The statistics every benchmark reports.

/** @param {readonly number[]} xs */
function sorted(xs) {
  if (xs.length === 0) throw new RangeError('a statistic of no samples');
  return [...xs].sort((a, b) => a - b);
}

/**
 * The sample at `i` of a list that holds it.
 * @param {readonly number[]} xs
 * @param {number} i
 */
function at(xs, i) {
  const x = xs[i];
  if (x === undefined) throw new RangeError(`no sample ${i} of ${xs.length}`);
  return x;
}

/** @param {readonly number[]} xs */
export function median(xs) {
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? at(s, m) : (at(s, m - 1) + at(s, m)) / 2;
}

/**
 * Nearest-rank percentile.
 * @param {readonly number[]} xs
 * @param {number} p
 */
export function percentile(xs, p) {
  return at(sorted(xs), Math.max(0, Math.ceil((p / 100) * xs.length) - 1));
}
