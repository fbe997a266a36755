import type { CanonPack } from '../canon/model';
import type { Anchor } from './anchors';
import type { Cast, Mention } from './cast';
import type { Clause, Recent, Referent } from './clauses';
import type { PhrasingMatch } from './match';
import type { Mood } from './mood';
import type { Token } from './words';

/** An event recognised in a clause, before the story clock has a say: the clock walk decides what it does. */
export interface Recognition {
  /** Index of the event in the compiled canon. */
  readonly event: number;
  readonly mood: Mood;
  readonly match: PhrasingMatch;
}

/** What a passage's text reads as, whatever comes before it: its words and the canon names among them. */
export interface PassageWords {
  readonly tokens: readonly Token[];
  readonly mentions: readonly Mention[];
}

/**
 * How a passage reads given who was named just before it (for pronouns) and, for narration, the
 * scene heading (context words): its clauses, who is named last, and the events in each clause.
 */
export interface PassageReading {
  readonly clauses: readonly Clause[];
  /** Who the next passage's pronouns may point to. */
  readonly recent: readonly Recent[];
  /** Per clause, in the order the walk needs them; absent until first asked for (off the clock, never). */
  recognitions?: readonly (readonly Recognition[])[];
}

/** A passage text's results at one base (the offset its element starts at). */
export interface CacheVersion {
  readonly base: number;
  readonly words: PassageWords;
  readonly readings: Map<string, PassageReading>;
  used: number;
  readonly entry: Entry;
}

/** One passage text, at every offset an analysis found it. */
interface Entry {
  readonly versions: Map<number, CacheVersion>;
  /** The copy made last: the one a new copy's words are made from. */
  latest?: CacheVersion;
  /** Per reading key, the copy that holds that reading: a new copy's readings are made from it on demand. */
  readonly readingAt: Map<string, CacheVersion>;
  used: number;
  prunedAt: number;
}

/**
 * Passage results keyed by everything they depend on, so that a hit is exactly what a fresh
 * reading would give: the passage kind, the script's own names (cues the canon does not know),
 * and the passage's masked text; readings add the names just before, the speaker and the heading.
 * Results carry offsets of the whole text, so a passage found at another offset (text before it
 * was edited) gets a copy shifted to where it stands now; the copy at the old offset goes once no
 * analysis uses it.
 */
export class PassageCache {
  readonly pack: CanonPack;
  readonly generation = generation;
  readonly #entries = new Map<string, Entry>();
  readonly #anchors = new Map<string, { base: number; anchor: Anchor | undefined }>();
  #analysis = 0;

  constructor(pack: CanonPack) {
    this.pack = pack;
  }

  /** Starts an analysis. */
  begin(): void {
    this.#analysis++;
  }

  /** Ends an analysis: texts no longer in the script are dropped once the cache outgrows it. */
  end(passages: number): void {
    if (this.#entries.size <= 2 * passages + 1000) return;
    for (const [key, entry] of this.#entries) if (entry.used < this.#analysis) this.#entries.delete(key);
    if (this.#anchors.size > passages + 1000) this.#anchors.clear();
  }

  words(key: string, base: number, read: () => PassageWords): CacheVersion {
    const now = this.#analysis;
    let entry = this.#entries.get(key);
    if (!entry) {
      entry = { versions: new Map(), used: now, prunedAt: now, readingAt: new Map() };
      this.#entries.set(key, entry);
    }
    entry.used = now;
    let version = entry.versions.get(base);
    if (version) {
      version.used = now;
      return version;
    }
    if (entry.prunedAt !== now) {
      // Once per analysis: copies neither this analysis nor the one before used are gone for good.
      for (const [at, v] of entry.versions) if (v.used < now - 1) entry.versions.delete(at);
      entry.prunedAt = now;
    }
    version = entry.latest ? moveWords(entry.latest, base, now, entry) : { base, words: read(), readings: new Map(), used: now, entry };
    entry.versions.set(base, version);
    entry.latest = version;
    return version;
  }

  reading(version: CacheVersion, key: string, read: () => PassageReading): PassageReading {
    let reading = version.readings.get(key);
    if (reading) return reading;
    const holder = version.entry.readingAt.get(key);
    const held = holder?.readings.get(key);
    reading = holder && held ? moveReading(held, holder, version) : read();
    version.readings.set(key, reading);
    version.entry.readingAt.set(key, version);
    return reading;
  }

  /** A note's anchor (or that it is none), by the note's text: naming the event is fuzzy matching, worth keeping. */
  anchor(text: string, base: number, find: () => Anchor | undefined): Anchor | undefined {
    const known = this.#anchors.get(text);
    if (!known) {
      const anchor = find();
      this.#anchors.set(text, { base, anchor });
      return anchor;
    }
    if (known.base === base || !known.anchor) return known.anchor;
    const delta = base - known.base;
    const a = known.anchor;
    const moved = { ...a, span: { start: a.span.start + delta, end: a.span.end + delta }, targetSpan: { start: a.targetSpan.start + delta, end: a.targetSpan.end + delta } };
    this.#anchors.set(text, { base, anchor: moved });
    return moved;
  }

  get size(): number {
    return this.#entries.size;
  }
}

/** A copy of a version's words at another base: offsets moved. Readings follow on demand. */
function moveWords(from: CacheVersion, base: number, used: number, entry: Entry): CacheVersion {
  const delta = base - from.base;
  const tokens = from.words.tokens.map((t) => ({ ...t, start: t.start + delta, end: t.end + delta }));
  const mentions = from.words.mentions.map((m) => ({ ...m, start: m.start + delta, end: m.end + delta }));
  return { base, words: { tokens, mentions }, readings: new Map(), used, entry };
}

/** A reading made at one copy, moved to another: offsets shifted, and linked to the other copy's tokens and names. */
function moveReading(reading: PassageReading, from: CacheVersion, to: CacheVersion): PassageReading {
  const delta = to.base - from.base;
  const mentions = new Map<Mention, Mention>(from.words.mentions.map((m, i) => [m, to.words.mentions[i]]));
  const tokens = to.words.tokens;
  const referents = new Map<Referent, Referent>();
  const moveReferent = (r: Referent): Referent => {
    let moved = referents.get(r);
    if (!moved) {
      moved = { ...r, start: r.start + delta, end: r.end + delta };
      if (r.mention) moved = { ...moved, mention: mentions.get(r.mention) ?? r.mention };
      referents.set(r, moved);
    }
    return moved;
  };
  const clauses = reading.clauses.map((c) => ({ ...c, tokens, start: c.start + delta, end: c.end + delta, referents: c.referents.map(moveReferent) }));
  const recognitions = reading.recognitions?.map((list) => list.map((r) => ({
    ...r,
    match: {
      ...r.match,
      start: r.match.start + delta,
      end: r.match.end + delta,
      bindings: new Map([...r.match.bindings].map(([slot, referent]) => [slot, moveReferent(referent)] as const)),
    },
  })));
  return recognitions ? { clauses, recent: reading.recent, recognitions } : { clauses, recent: reading.recent };
}

const caches = new WeakMap<Cast, PassageCache>();
let generation = 0;

/** The passage cache for a cast, new whenever the canon changes (a new pack means a new cache). */
export function passageCache(cast: Cast, pack: CanonPack): PassageCache {
  let cache = caches.get(cast);
  if (!cache || cache.pack !== pack || cache.generation !== generation) {
    cache = new PassageCache(pack);
    caches.set(cast, cache);
  }
  return cache;
}

/** Forgets every cached passage: the benchmark's cold runs, and tests comparing with fresh analyses. */
export function resetStoryCaches(): void {
  generation++;
}
