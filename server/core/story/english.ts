import { ADJECTIVES, COMMON_WORDS } from './verbs.generated';

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

const ADJECTIVE_SET: ReadonlySet<string> = new Set(ADJECTIVES.split(' '));

/** Whether English uses the (lower-case) word first as an adjective: "tall", "only", "former" (not "future" or "intended"). */
export function isAdjective(word: string): boolean {
  return ADJECTIVE_SET.has(word);
}
