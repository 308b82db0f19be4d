// How every benchmark writes its figures into docs/PERFORMANCE.md.

/** @param {number} x */
export const ms = (x) => `${x.toFixed(1)} ms`;

/** @param {boolean} ok */
export const yesNo = (ok) => (ok ? 'yes' : '**no**');

/** @param {readonly string[][]} rows measure, figure, goal and whether it is met */
export const table = (rows) =>
  ['| Measure | Figure | Goal | Met? |', '|---|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
