import { editDistance } from '../../edit-distance.js';

/**
 * The words a mistyped one was probably meant to be, as commander words it (`(Did you mean
 * export?)` on a line of its own), or nothing when none is close: two edits at most, and
 * less than half of the word changed.
 */
export function didYouMean(word: string, candidates: readonly string[]): string {
  let best = 3;
  let closest: string[] = [];
  for (const candidate of new Set(candidates)) {
    const distance = editDistance(word, candidate);
    const similar =
      (Math.max(word.length, candidate.length) - distance) / Math.max(word.length, candidate.length) > 0.4;
    if (!similar || distance > best) continue;
    if (distance < best) [best, closest] = [distance, []];
    closest.push(candidate);
  }
  if (closest.length === 0) return '';
  return closest.length === 1 ? `\n(Did you mean ${closest[0]}?)` : `\n(Did you mean one of ${closest.join(', ')}?)`;
}
