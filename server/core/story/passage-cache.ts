import type { CanonPack } from '../canon/model';
import type { Anchor } from './anchors';
import type { Cast, Mention } from './cast';
import type { Clause, Recent } from './clauses';
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
  readonly words: PassageWords;
  readonly readings: Map<string, PassageReading>;
  used: number;
}

/**
 * Passage results keyed by everything they depend on, so that a hit is exactly what a fresh
 * reading would give: the passage's offset, kind, masked text and the script's own names (cues the
 * canon does not know); readings add the names just before, the speaker and the heading. A
 * passage that moved (text before it was edited) is read afresh: measured, shifting a copy of its
 * tokens, clauses and matches to the new offset costs as much as reading it again.
 */
export class PassageCache {
  readonly pack: CanonPack;
  readonly generation = generation;
  readonly #versions = new Map<string, CacheVersion>();
  readonly #anchors = new Map<string, { base: number; anchor: Anchor | undefined }>();
  #analysis = 0;

  constructor(pack: CanonPack) {
    this.pack = pack;
  }

  /** Starts an analysis. */
  begin(): void {
    this.#analysis++;
  }

  /**
   * Ends an analysis: what it did not use is dropped as soon as the cache outgrows the script by a
   * quarter, so that memory stays a bounded multiple of the script over a long editing session.
   */
  end(passages: number): void {
    if (this.#versions.size > passages + (passages >> 2) + 64) {
      for (const [key, version] of this.#versions) if (version.used < this.#analysis) this.#versions.delete(key);
    }
    if (this.#anchors.size > (passages >> 2) + 256) this.#anchors.clear();
  }

  words(key: string, base: number, read: () => PassageWords): CacheVersion {
    const at = `${base}\u0000${key}`;
    let version = this.#versions.get(at);
    if (!version) {
      version = { words: read(), readings: new Map(), used: this.#analysis };
      this.#versions.set(at, version);
    }
    version.used = this.#analysis;
    return version;
  }

  reading(version: CacheVersion, key: string, read: () => PassageReading): PassageReading {
    let reading = version.readings.get(key);
    if (!reading) {
      reading = read();
      version.readings.set(key, reading);
    }
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
