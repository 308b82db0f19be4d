/**
 * A count with its noun, in the number the count calls for: `1 account`, `2 accounts`,
 * `1,200 entries`. Every message that prints a count says it through this one.
 */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
