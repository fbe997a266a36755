import { detached } from './detached';

/**
 * Answers worked out once per text: scripts repeat their headings and cues all through, so each
 * distinct one is read once rather than at every analysis. Forgets everything once it holds
 * `bound` texts, so that a long editing session cannot grow it without end.
 */
export class TextMemo<V> {
  readonly #known = new Map<string, V>();
  readonly #bound: number;

  constructor(bound = 4096) {
    this.#bound = bound;
  }

  get(text: string, compute: (text: string) => V): V {
    if (this.#known.has(text)) return this.#known.get(text) as V;
    if (this.#known.size >= this.#bound) this.#known.clear();
    const value = compute(text);
    // The key outlives the document the text was cut from (see detached.ts).
    this.#known.set(detached(text), value);
    return value;
  }
}
