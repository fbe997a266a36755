import { WORDNET_PERSON_NOUNS } from './verbs.generated';

/**
 * Nouns for people, from WordNet (scripts/build-lexicon.mjs): "a nurse", "the stranger", "her
 * mother". Narration that puts such a person on stage gives its pronouns one more candidate: after
 * "A nurse comes in.", "She checks the drip" may be the nurse, and a reader is not sure it is the
 * patient. Built once at load and never changed.
 */
const PERSON_NOUNS: ReadonlyMap<string, PersonNoun> = new Map(WORDNET_PERSON_NOUNS.split(' ')
  .map((entry) => (entry.endsWith('*') ? [entry.slice(0, -1), 'adjective'] : [entry, 'noun'])));

/** 'noun' for a word English uses mostly as a noun ("nurse"); 'adjective' for one mostly an adjective ("brave", "senior"). */
export type PersonNoun = 'noun' | 'adjective';

/** English nouns that say their person's sex; any other person noun may be either. */
const SHE_NOUNS = new Set(['woman', 'girl', 'lady', 'mother', 'mom', 'mum', 'mommy', 'mummy', 'sister', 'daughter', 'aunt', 'niece',
  'wife', 'queen', 'princess', 'duchess', 'countess', 'empress', 'nun', 'actress', 'waitress', 'hostess', 'stewardess', 'grandmother',
  'grandma', 'granny', 'stepmother', 'stepdaughter', 'granddaughter', 'bride', 'girlfriend', 'widow', 'maid', 'maiden', 'mistress',
  'governess', 'headmistress', 'ballerina', 'heroine', 'landlady', 'lass', 'matron', 'priestess', 'goddess', 'schoolgirl', 'madam']);
const HE_NOUNS = new Set(['man', 'boy', 'father', 'dad', 'daddy', 'brother', 'son', 'uncle', 'nephew', 'husband', 'king', 'prince',
  'duke', 'count', 'earl', 'emperor', 'monk', 'friar', 'actor', 'waiter', 'host', 'steward', 'grandfather', 'grandpa', 'stepfather',
  'stepson', 'grandson', 'groom', 'bridegroom', 'boyfriend', 'widower', 'gentleman', 'lad', 'lord', 'master', 'headmaster', 'hero',
  'landlord', 'priest', 'schoolboy', 'sir', 'fellow', 'guy']);

/** Whether the word is a noun for a person, and how English mostly uses it; undefined for other words. */
export function personNoun(word: string): PersonNoun | undefined {
  return SHE_NOUNS.has(word) || HE_NOUNS.has(word) ? 'noun' : PERSON_NOUNS.get(word);
}

/** The gender a person noun says: "she" for a woman, "he" for a man, "any" for a nurse. */
export function genderOfNoun(word: string): 'she' | 'he' | 'any' {
  return SHE_NOUNS.has(word) ? 'she' : HE_NOUNS.has(word) ? 'he' : 'any';
}
