import data from './senses.json';

/**
 * The senses a canon state may take away (`forbids: [see]`, `forbids: [hear]`), and the verbs by
 * which narration has a person use each: read from senses.json (data, not code), once at load.
 */
export type Sense = 'see' | 'hear';

export const SENSES: readonly Sense[] = ['see', 'hear'];

const VERBS: ReadonlyMap<Sense, ReadonlySet<string>> = new Map(SENSES.map((sense) => [sense, new Set(data[sense].verbs)]));

/** Whether a verb (a base form) uses the sense: "read" sees, "listen" hears. */
export function usesSense(sense: Sense, lemma: string): boolean {
  return VERBS.get(sense)?.has(lemma) === true;
}
