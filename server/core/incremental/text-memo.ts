import { detached } from '../detached';

const NOTHING: unique symbol = Symbol('nothing');

/**
 * Answers worked out once per text: scripts repeat their headings and cues all through, so each
 * distinct one is read once rather than at every analysis. Forgets everything once it holds
 * `bound` texts, so that a long editing session cannot grow it without end.
 */
export class TextMemo<V> {
  /** Undefined answers are kept as NOTHING, so that a hit is one look-up, not has() then get(). */
  readonly #known = new Map<string, V | typeof NOTHING>();
  readonly #bound: number;

  constructor(bound = 4096) {
    this.#bound = bound;
  }

  get(text: string, compute: (text: string) => V): V {
    const known = this.#known.get(text);
    if (known === NOTHING) return undefined as V;
    if (known !== undefined) return known;
    if (this.#known.size >= this.#bound) this.#known.clear();
    const value = compute(text);
    // The key outlives the document the text was cut from (see detached.ts).
    this.#known.set(detached(text), value === undefined ? NOTHING : value);
    return value;
  }
}
