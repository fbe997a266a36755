/**
 * Derived values of an analysed script (story/script.ts Queries), kept by the seam: a passage
 * query's value with the passage's words (a token list is the same object for as long as the
 * passage's text, kind and canon are), a cast query's with the cast, a script query's with the
 * analysis, and where a passage query holds, per analysis, taken for the next one where the edit
 * did not reach (rule-memo.ts reusedList). The queries themselves are pure functions.
 */
import type { Cast } from '../story/cast';
import { baseOffset } from '../span';
import { baseOf, passagesBefore, type CastQuery, type PassageQuery, type Queries, type Script, type ScriptQuery } from '../story/script';
import type { Tokens } from '../story/words';
import { reusedList } from './rule-memo';

/** What the queries of a database keep, by query. */
export class QueryStore {
  // Values are kept as they are (a box per passage would be an object per passage and query);
  // `has` tells an undefined value kept from none.
  readonly passages = new WeakMap<object, WeakMap<Tokens, unknown>>();
  readonly lists = new WeakMap<object, WeakMap<object, readonly number[]>>();
  readonly casts = new WeakMap<object, WeakMap<Cast, unknown>>();
  readonly scripts = new WeakMap<object, WeakMap<object, unknown>>();
}

/** The queries of one analysed script, through a store. */
export class ScriptQueries implements Queries {
  readonly #store: QueryStore;
  #script: Script | undefined;
  /**
   * The table of the passage query asked last: a query is often asked of every passage in turn
   * (names-near-miss.ts asks each whether it writes a word in lower case), and one look-up per
   * passage, not two, is what that cost before the seam.
   */
  #lastQuery: object | undefined;
  #lastTable: WeakMap<Tokens, unknown> | undefined;

  constructor(store: QueryStore) {
    this.#store = store;
  }

  /** The script asked about: set once it is built (it holds this object). */
  bind(script: Script): void {
    this.#script = script;
  }

  get #of(): Script {
    if (!this.#script) throw new Error('queries asked before their script was built');
    return this.#script;
  }

  passage<T>(query: PassageQuery<T>, index: number): T {
    const script = this.#of;
    const passage = script.passages[index];
    let kept = this.#lastTable;
    if (this.#lastQuery !== query || !kept) {
      kept = tableOf(this.#store.passages, query);
      this.#lastQuery = query;
      this.#lastTable = kept;
    }
    const known = kept.get(passage.tokens);
    if (known !== undefined || kept.has(passage.tokens)) return known as T;
    const value = query.ofPassage(script, passage, index);
    kept.set(passage.tokens, value);
    return value;
  }

  passagesWhere(query: PassageQuery<boolean>): readonly number[] {
    const script = this.#of;
    const baseAt = (offset: number): number => passagesBefore(script, offset);
    return reusedList(script, tableOf(this.#store.lists, query), (base) => base, (from, to) => {
      const bases: number[] = [];
      for (let i = baseAt(from), end = baseAt(to); i < end; i++) if (this.passage(query, i)) bases.push(baseOffset(baseOf(script, i)));
      return bases;
    }, (base, delta) => base + delta);
  }

  cast<T>(query: CastQuery<T>): T {
    const cast = this.#of.cast;
    const kept = tableOf(this.#store.casts, query);
    const known = kept.get(cast);
    if (known !== undefined || kept.has(cast)) return known as T;
    const value = query.ofCast(cast);
    kept.set(cast, value);
    return value;
  }

  script<T>(query: ScriptQuery<T>): T {
    const script = this.#of;
    const kept = tableOf(this.#store.scripts, query);
    const known = kept.get(script.version);
    if (known !== undefined || kept.has(script.version)) return known as T;
    const value = query.ofScript(script);
    kept.set(script.version, value);
    return value;
  }
}

function tableOf<K extends object, V>(tables: WeakMap<object, WeakMap<K, V>>, query: object): WeakMap<K, V> {
  let table = tables.get(query);
  if (!table) tables.set(query, table = new WeakMap());
  return table;
}
