import { INVARIANT_PASTS, WORDNET_VERBS, WORDNET_VERB_FORMS } from './verbs.generated';

/**
 * English verbs, from WordNet (scripts/build-lexicon.mjs writes the data at build time). Built once
 * at load and never changed: a Set of lemmas and a Map from each irregular form to its bases.
 */
export interface VerbLexicon {
  /** Every verb lemma: "push", "wake", "slay". */
  readonly lemmas: ReadonlySet<string>;
  /** Each irregular form's bases: "slew" -> ["slay"], "lit" -> ["light"]. */
  readonly irregular: ReadonlyMap<string, readonly string[]>;
  /** Verbs whose past is their base form: "split", "cut", "hit". */
  readonly invariantPasts: ReadonlySet<string>;
}

/**
 * Verbs WordNet 3.1 (2011) does not have, all of them what people do with phones and the internet,
 * which a script written today narrates: "Bette texts Cassie". Without them "texted" would not read
 * as a past tense, since a regular form counts only when its base is a known verb.
 */
const NEWER_VERBS = ['text', 'facetime', 'livestream', 'photoshop', 'unfriend', 'vape'];

export const VERBS: VerbLexicon = buildLexicon(WORDNET_VERBS, WORDNET_VERB_FORMS);

function buildLexicon(lemmas: string, forms: string): VerbLexicon {
  const irregular = new Map<string, string[]>();
  for (const group of forms.split(',')) {
    const [base, ...inflected] = group.split(' ');
    for (const form of inflected) {
      const bases = irregular.get(form);
      if (bases) bases.push(base);
      else irregular.set(form, [base]);
    }
  }
  return { lemmas: new Set([...lemmas.split(' '), ...NEWER_VERBS]), irregular, invariantPasts: new Set(INVARIANT_PASTS.split(' ')) };
}
