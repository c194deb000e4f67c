import { closest, distance } from 'fastest-levenshtein';

/**
 * The candidate closest to `word`, if it is close enough to be a plausible typo
 * (edit distance at most 2, or a third of the word for long words) or differs only in case.
 */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const lower = word.toLowerCase();
  const sameCase = candidates.find((c) => c.toLowerCase() === lower);
  if (sameCase !== undefined && sameCase !== word) return sameCase;
  const best = closest(word, [...candidates]);
  if (best === word) return undefined;
  return distance(word, best) <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}
