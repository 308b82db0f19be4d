/**
 * @polkadot/types reports what it cannot make of a chain's types through `console.warn` and
 * `console.error` (through @polkadot/util's logger), with no way to turn it off. Metadata and
 * requests come from outside, so what they make it print would reach the terminal between
 * airlock's own lines; the work is muted while it runs. Synchronous only: nothing else runs
 * while the console is muted.
 */
const METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

export function quietlySync<T>(work: () => T): T {
  const saved: Pick<Console, (typeof METHODS)[number]> = { ...console };
  for (const method of METHODS) console[method] = () => undefined;
  try {
    return work();
  } finally {
    for (const method of METHODS) console[method] = saved[method];
  }
}
