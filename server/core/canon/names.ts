/**
 * How a character's name splits into title, first name and surname when the pack does not say.
 * Titles and honorifics are never first names: "Lady Macbeth" has no first name "Lady".
 */

/** Titles after which the next word is a given name: "King Duncan", "Friar Laurence", "Sir Toby". */
const GIVEN_NAME_TITLES = ['king', 'queen', 'prince', 'princess', 'emperor', 'empress', 'sir', 'dame', 'friar', 'brother',
  'sister', 'saint', 'st', 'uncle', 'aunt', 'auntie', 'cousin', 'pope'];

/**
 * Titles after which one word may be a surname or a given name ("Mr. Darcy", "Lady Macbeth",
 * "Lady Catherine", "Young Siward"): alone after one of these, the word is neither by default.
 */
const OTHER_TITLES = ['mr', 'mrs', 'ms', 'miss', 'mister', 'master', 'mistress', 'madame', 'madam', 'mme', 'monsieur',
  'mademoiselle', 'mlle', 'lord', 'lady', 'dr', 'doctor', 'professor', 'prof', 'father', 'mother', 'captain', 'capt',
  'colonel', 'col', 'general', 'major', 'lieutenant', 'lt', 'sergeant', 'sgt', 'admiral', 'commander', 'officer',
  'detective', 'inspector', 'coach', 'count', 'countess', 'duke', 'duchess', 'earl', 'baron', 'baroness', 'marquis',
  'marquess', 'thane', 'old', 'young', 'little'];

const GIVEN = new Set(GIVEN_NAME_TITLES);

/** Every title and honorific, lowercase and without a full stop: "mr", "lady", "friar". */
export const TITLES: ReadonlySet<string> = new Set([...GIVEN_NAME_TITLES, ...OTHER_TITLES]);

/**
 * The titles that stand before a surname as a form of address ("Mrs. Shore" is Cassie's mother, not
 * Cassie): not the kin words and ages, which stand before a name as often as before a surname.
 */
export const HONORIFICS: ReadonlySet<string> = new Set([...TITLES].filter((t) =>
  !['brother', 'sister', 'uncle', 'aunt', 'auntie', 'cousin', 'father', 'mother', 'old', 'young', 'little', 'saint', 'st'].includes(t)));

/** Whether a word, as written ("Mr.", "LADY"), is a title. */
export function isTitle(word: string): boolean {
  return TITLES.has(word.toLowerCase().replace(/\.$/, ''));
}

/** What the value `none` means where a first name or surname is asked for: the character has none. */
export const NONE = 'none';

export interface NameParts {
  readonly title?: string;
  readonly first?: string;
  readonly surname?: string;
}

/**
 * The default parts of a name. "Cassie Shore": first Cassie, surname Shore. Leading titles are
 * skipped: "Sir William Lucas" is first William, surname Lucas. A title and one word ("Friar
 * Laurence", "Mr. Darcy") keep the word as a first name only after a title that takes one
 * (King, Sir, Friar...); after the others it may be a surname, so the name has neither part.
 */
export function nameParts(name: string): NameParts {
  const words = name.trim().split(/\s+/).filter((w) => w !== '');
  let t = 0;
  while (t < words.length - 1 && isTitle(words[t])) t++;
  const rest = words.slice(t);
  const title = t > 0 ? words.slice(0, t).join(' ') : undefined;
  if (rest.length === 0) return {};
  if (rest.length > 1) return { title, first: rest[0], surname: rest[rest.length - 1] };
  if (t === 0) return { first: rest[0] };
  const last = words[t - 1].toLowerCase().replace(/\.$/, '');
  return GIVEN.has(last) ? { title, first: rest[0] } : { title };
}

/** A written first name or surname, where `none` says there is none; undefined where not written. */
export function written(value: string | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  return value.trim().toLowerCase() === NONE ? null : value;
}
