import { VERBS } from './verbs';

/**
 * Base forms of English words, good enough to match a pattern word to the way a writer inflects it:
 * "pushes", "pushed", "pushing" all reduce to "push"; "woke" to "wake"; "slew" to "slay". Rather
 * than guess one base form, a word yields every plausible one, and two words match when their sets
 * meet. Irregular verbs come from WordNet's exception list; a regular ending is taken off only where
 * what is left is a WordNet verb, so "hundred" does not read as a past of "hundr".
 */

/**
 * The irregular plurals of nouns for people, which phrasings name ("the women"). WordNet keeps noun
 * plurals apart from its verbs, and its whole list ("media", "data", "axes") would match words to
 * bases no phrasing has.
 */
const NOUN_PLURALS: ReadonlyMap<string, readonly string[]> = new Map([
  ['children', ['child']],
  ['women', ['woman']],
  ['men', ['man']],
  ['people', ['person']],
]);

/** Every plausible base form of a lowercase word, the word itself included. */
export function baseForms(word: string): readonly string[] {
  // As WordNet's own morphology does, a listed irregular form takes its bases from the list alone:
  // "seed" is listed as its own form so that it is not read as "see" + "ed".
  const listed = VERBS.irregular.get(word) ?? NOUN_PLURALS.get(word);
  if (listed) return listed.includes(word) ? listed : [word, ...listed];
  const guesses = regularBases(word);
  if (guesses.length === 0) return [word];
  const verbs = guesses.filter((base) => VERBS.lemmas.has(base));
  // A word that is not a verb nor a verb's form (a noun plural, a made-up word) keeps every guess,
  // so that "sisters" still meets "sister"; a wrong guess ("nak" from "naked") matches no pattern.
  const kept = verbs.length > 0 || VERBS.lemmas.has(word) ? verbs : guesses;
  return [word, ...new Set(kept)];
}

/** The bases a regular ending could have been added to: "-s", "-es", "-ed", "-ing", with "y" to "i", a dropped "e" or a doubled consonant. */
function regularBases(w: string): string[] {
  const n = w.length;
  if (n <= 3) return [];
  const bases: string[] = [];
  if (w.endsWith('ies')) bases.push(w.slice(0, -3) + 'y', w.slice(0, -1));
  else if (w.endsWith('es')) bases.push(w.slice(0, -2), w.slice(0, -1));
  else if (w.endsWith('s') && !w.endsWith('ss')) bases.push(w.slice(0, -1));
  bases.push(...pastBases(w));
  if (w.endsWith('ying')) bases.push(w.slice(0, -4) + 'ie', w.slice(0, -3));
  else if (w.endsWith('ing') && n > 4) {
    bases.push(w.slice(0, -3), w.slice(0, -3) + 'e');
    if (n > 5 && w[n - 4] === w[n - 5]) bases.push(w.slice(0, -4));
  }
  return bases;
}

/** The bases a regular past ending could have been added to: "tried", "pushed", "loved", "stopped". */
function pastBases(w: string): string[] {
  const n = w.length;
  if (n <= 3) return [];
  if (w.endsWith('ied')) return [w.slice(0, -3) + 'y', w.slice(0, -1)];
  if (!w.endsWith('ed')) return [];
  const bases = [w.slice(0, -2), w.slice(0, -1)];
  if (n > 4 && w[n - 3] === w[n - 4]) bases.push(w.slice(0, -3));
  return bases;
}

/** True where the two words can be the same word inflected differently. */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const fa = baseForms(a);
  const fb = baseForms(b);
  for (const x of fa) if (fb.includes(x)) return true;
  return false;
}

/** A form of "be": "is", "were", "been", "being". */
export function isBe(word: string): boolean {
  // "being" is regular (be + ing), so WordNet's exceptions do not list it.
  return word === 'be' || word === 'being' || (VERBS.irregular.get(word)?.includes('be') ?? false);
}

/**
 * True for a past form of a verb: "pushed", "woke", "was", "slew", and the participles "taken" and
 * "slain", since WordNet does not say which of a verb's irregular forms is which (nor does "-ed").
 * Not "hundred", "naked" or "wicked": no verb "hundr", "nake" or "wick".
 */
export function isPastForm(word: string): boolean {
  const listed = VERBS.irregular.get(word);
  if (listed) return isIrregularPast(word, listed);
  return pastBases(word).some((base) => VERBS.lemmas.has(base));
}

function isIrregularPast(word: string, bases: readonly string[]): boolean {
  // A word listed as its own form ("bed", "red", "shed") is listed to keep the endings off it.
  if (bases.includes(word) || word.endsWith('ing')) return false;
  // The forms that are present: "am", "are", and those in -s ("is", "does", "quizzes") but "was".
  if (word === 'am' || word === 'are') return false;
  return !word.endsWith('s') || word === 'was';
}

/**
 * Whether a word can be a form of a verb: "walks", "slew", "catches"; not "bareheaded", "in",
 * "tangle"... where WordNet knows no verb it could come from. A description after a name
 * ("Cassie, pale", "Capulet bareheaded") then reads as no action at all.
 */
export function canBeVerb(word: string): boolean {
  if (VERBS.irregular.has(word) || VERBS.lemmas.has(word)) return true;
  return regularBases(word).some((base) => VERBS.lemmas.has(base));
}
