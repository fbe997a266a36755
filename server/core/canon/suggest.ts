/**
 * "Did you mean" for misspelt keys and ids. A plain edit distance with transpositions is
 * enough for the typos fans make ("charcters", "delya"); the candidate lists are short.
 */

import { editDistance } from '../distance';

/** Candidates are only compared up to this many, so a huge pack cannot make suggesting slow. */
const maxCandidates = 5000;
/** Words longer than this are never typos of a key or id, and are not compared. */
const maxLength = 64;

export function didYouMean(word: string, candidates: Iterable<string>): string {
  const best = closest(word, candidates);
  return best === undefined ? '' : ` — did you mean '${best}'?`;
}

export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const target = word.toLowerCase();
  const allowed = Math.max(1, Math.round(target.length / 3));
  let best: string | undefined;
  let bestDistance = allowed + 1;
  let seen = 0;
  if (target.length > maxLength) return undefined;
  for (const candidate of candidates) {
    if (++seen > maxCandidates) break;
    if (candidate.length > maxLength || Math.abs(candidate.length - target.length) >= bestDistance) continue;
    // Given up past the best so far: a worse candidate costs a row or two, not the whole table.
    const distance = editDistance(target, candidate.toLowerCase(), bestDistance - 1);
    if (distance < bestDistance && distance > 0) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
