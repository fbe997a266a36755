/**
 * The one seam where analyses reuse what earlier ones worked out, in the spirit of
 * rust-analyzer's salsa layer: every value kept here is a pure function of the key it is kept
 * under (a canon pack, a cast, a document, a passage's text, a rule), so taking it from here or
 * working it out again gives the same result. The code that works the values out does not keep
 * them: a host (server/host/project.ts) owns one Database for as long as it runs and passes it in.
 * `new Database({ reuse: false })` keeps nothing from one analysis to the next, which is how the
 * property tests show that reuse changes no finding (test/unit/incremental/).
 */
import type { CanonPack } from '../canon/model';
import type { FountainDocument } from '../fountain/model';
import { eventIndexOf, nameIndexesOf, type CompletionIndexes, type EventEntry, type FuzzyIndex, type NameIndexes } from '../features/fuzzy';
import type { Rule } from '../rules/rule';
import { Cast, type NameForm } from '../story/cast';
import { compileCanon, type CompiledCanon } from '../story/compiled';
import type { StorySource } from '../story/script';
import { PassageCache } from './passage-cache';
import { ReusedPassages } from './passage-reuse';
import { BUILD_AFRESH, type PassageBuilder } from '../story/passages';
import type { Clock } from '../story/script';
import { QueryStore, ScriptQueries } from './queries';
import type { Analysis } from './reuse';
import { RuleMemo } from './rule-memo';
import { TextMemo } from './text-memo';

export interface DatabaseOptions {
  /** False: nothing is taken from one analysis to the next (each starts from an empty store). */
  readonly reuse?: boolean;
}

/**
 * How much of the script the last analysis walked: passages read by the clock walk, and how many
 * of them had their reading looked up by key rather than taken with the context they were read in
 * before. What a keystroke costs, for tests and the benchmark to see.
 */
export interface WalkStats {
  walked: number;
  keyed: number;
}

/** What one store keeps; a Database without reuse starts a new one at every analysis. */
class Store {
  readonly casts = new WeakMap<CanonPack, Cast>();
  readonly compiled = new WeakMap<CanonPack, CompiledCanon>();
  readonly passages = new WeakMap<Cast, PassageCache>();
  readonly analyses = new WeakMap<FountainDocument, Analysis>();
  /** Per cast, since whether a cue is a canon character depends on the cast. */
  readonly cueForms = new WeakMap<Cast, TextMemo<NameForm | undefined>>();
  readonly rules = new WeakMap<Rule, RuleMemo>();
  /** Where the clock is set, by analysis (Script.sources, rule-memo.ts reusedList). */
  readonly sources = new WeakMap<object, readonly StorySource[]>();
  readonly queries = new QueryStore();
  /** Completion's indexes (features/fuzzy.ts): names per cast, events per pack. */
  readonly nameIndexes = new WeakMap<Cast, NameIndexes>();
  readonly eventIndexes = new WeakMap<CanonPack, FuzzyIndex<EventEntry>>();
}

export class Database implements CompletionIndexes {
  readonly reuse: boolean;
  readonly stats: WalkStats = { walked: 0, keyed: 0 };
  #store = new Store();
  /** Rules' memo slots on clauses (rule-memo.ts keepIn): numbered per database. */
  #slots = 0;

  constructor(options: DatabaseOptions = {}) {
    this.reuse = options.reuse ?? true;
  }

  /** Starts an analysis: without reuse, everything kept so far is forgotten. */
  beginAnalysis(): void {
    if (!this.reuse) this.forget();
  }

  /** Forgets everything kept: what the next analysis reads, it reads afresh. */
  forget(): void {
    this.#store = new Store();
    this.#slots = 0;
  }

  /** The cast of a pack (who the canon's names are), built once per pack. */
  cast(pack: CanonPack): Cast {
    let cast = this.#store.casts.get(pack);
    if (!cast) this.#store.casts.set(pack, cast = new Cast(pack));
    return cast;
  }

  /** The canon compiled for reading (story/compiled.ts), once per pack. */
  compiled(pack: CanonPack): CompiledCanon {
    let compiled = this.#store.compiled.get(pack);
    if (!compiled) this.#store.compiled.set(pack, compiled = compileCanon(pack));
    return compiled;
  }

  /** The passage cache for a cast and its pack: a new pack means a new cast, so a new cache. */
  passageCache(cast: Cast, pack: CanonPack): PassageCache {
    let cache = this.#store.passages.get(cast);
    if (!cache || cache.pack !== pack) this.#store.passages.set(cast, cache = new PassageCache(pack));
    return cache;
  }

  /**
   * How one analysis of `doc` builds its passages (story/passages.ts): taking what the analysis
   * of an earlier version of it read (passage-reuse.ts), or, without reuse, afresh.
   */
  passageBuilder(doc: FountainDocument, cast: Cast, pack: CanonPack, startClock: Clock | undefined): PassageBuilder {
    return this.reuse ? new ReusedPassages(this, this.passageCache(cast, pack), doc, startClock) : BUILD_AFRESH;
  }

  /** The script's own names read from cue texts, per cast (story/script-cast.ts). */
  cueForms(cast: Cast): TextMemo<NameForm | undefined> {
    let forms = this.#store.cueForms.get(cast);
    if (!forms) this.#store.cueForms.set(cast, forms = new TextMemo());
    return forms;
  }

  /** The analysis of a document, where one was kept (incremental/reuse.ts). */
  analysisOf(doc: FountainDocument): Analysis | undefined {
    return this.#store.analyses.get(doc);
  }

  keepAnalysis(doc: FountainDocument, analysis: Analysis): void {
    this.#store.analyses.set(doc, analysis);
  }

  /** Script.sources by analysis, for the analysis after it to take what the edit did not reach. */
  get sourceLists(): WeakMap<object, readonly StorySource[]> {
    return this.#store.sources;
  }

  /** The derived values of one analysed script (story/script.ts Queries), kept here. */
  queriesFor(): ScriptQueries {
    return new ScriptQueries(this.#store.queries);
  }

  /** Completion's name indexes of a cast (features/fuzzy.ts), built once per cast. */
  nameIndexes(cast: Cast): NameIndexes {
    let indexes = this.#store.nameIndexes.get(cast);
    if (!indexes) this.#store.nameIndexes.set(cast, indexes = nameIndexesOf(cast));
    return indexes;
  }

  /** Completion's index of a pack's events and anchors (features/fuzzy.ts), built once per pack. */
  eventIndex(pack: CanonPack): FuzzyIndex<EventEntry> {
    let index = this.#store.eventIndexes.get(pack);
    if (!index) this.#store.eventIndexes.set(pack, index = eventIndexOf(pack));
    return index;
  }

  /** What a rule found in earlier analyses, for the parts of the script an edit did not reach. */
  ruleMemo(rule: Rule): RuleMemo {
    let memo = this.#store.rules.get(rule);
    if (!memo) this.#store.rules.set(rule, memo = new RuleMemo(this.#slots++));
    return memo;
  }

  /** How many clause memo slots rules have taken (rule-memo.ts keepIn sizes a clause's memo by it). */
  get slots(): number {
    return this.#slots;
  }
}
