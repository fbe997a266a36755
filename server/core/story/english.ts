import { COMMON_WORDS } from './verbs.generated';

/**
 * Common English words (wink-lexicon's lexicon, written in at build time by
 * scripts/build-lexicon.mjs): "General, take my soldiers" begins with a word, not a slip for
 * Goneril. Built once at load and never changed.
 */
const COMMON: ReadonlySet<string> = new Set(COMMON_WORDS.split(' '));

/** Whether English uses the (lower-case) word every day: of four letters or more, inflected forms included. */
export function isCommonWord(word: string): boolean {
  return COMMON.has(word);
}
