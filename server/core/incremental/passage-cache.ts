import type { CanonPack } from '../canon/model';
import type { Anchor } from '../story/anchors';
import { PeopleLists, type Recent } from '../story/clauses';
import type { Reading } from '../story/clock-walk';
import type { TenseVotes } from '../story/tense';
import type { Passage } from '../story/script';
import type { PassageWords } from '../story/passages';
import { detached } from '../detached';
import { shiftSpan } from '../span';
import type { ScriptNames } from '../story/script-cast';

export type { PassageWords } from '../story/passages';

/**
 * A passage's reading (story/clock-walk.ts Reading) as the cache keeps it: its clauses, who is
 * named last, the events in each clause, and what the cache needs to keep it.
 */
export interface PassageReading extends Reading {
  /**
   * The analysis that last used the reading, for the cache to drop those no analysis uses. Kept
   * here, not in an entry object around the reading: one object fewer per reading, 40 bytes.
   */
  used: number;
  /** The context it was last read in, for the passages that read it in the same one (walk-reuse.ts KeptReadings). */
  context: ReadingContext | undefined;
}

/** The context a passage was read in (walk-reuse.ts KeptReadings): equal context, equal reading. */
export interface ReadingContext {
  /** Who was named just before, as the reader held it (arrays are never changed once made). */
  readonly recent: readonly Recent[];
  readonly speakerId: string | undefined;
  readonly heading: string;
  /**
   * The passage version read (its text, kind and names): the entry is one of its readings. A walk
   * takes an earlier context only for the same version, so a context taken for the wrong passage
   * is read again rather than trusted.
   */
  readonly version: CacheVersion;
  readonly entry: PassageReading;
}

/** A passage text's results, wherever in the script the text stands. */
export interface CacheVersion {
  readonly kind: string;
  /** The passage as written: notes are blanked in the text the key holds, but rules may quote it. */
  readonly written: string;
  /**
   * The script's own names the passage's words include (script-cast.ts namesKey): '' for none, as
   * for most passages. A new cue changes the words of only the passages that write its name.
   */
  readonly formsKey: string;
  /** The words with the canon's names only, shared by the versions of one text and kind. */
  readonly canon: PassageWords;
  readonly words: PassageWords;
  /**
   * Its readings by context (see walk-reuse.ts KeptReadings), through readingIn: the first inline, any others
   * in a map. Most versions are read in one context or none, and a map per version, empty or
   * holding one reading, cost some 180 bytes each (4% of Big Fish's heap).
   */
  firstKey: string | undefined;
  first: PassageReading | undefined;
  others: Map<string, PassageReading> | undefined;
  used: number;
  /**
   * The passage read as this version (incremental/passage-reuse.ts passageFor): one object for every
   * place the text is read, by speaker, the first inline (most versions have one speaker or none).
   */
  passage: Passage | undefined;
  bySpeaker: Map<string, Passage> | undefined;
  /** For narration: its verbs' votes on the script's tense (story/tense.ts), once asked. */
  tense?: TenseVotes;
  /** Its capitalised words' bits (script-cast.ts capitalBits), once asked: whether it may write a name that changed. */
  capitals?: number;
}

/**
 * Passage results keyed by everything they depend on, so that a hit is exactly what a fresh
 * reading would give: the passage's kind, its masked and its written text (rules quote the
 * latter) and the script's own names (cues the canon does not know); readings add the names just
 * before, the speaker and the heading. Where the passage stands is not part of the key: its
 * offsets count from its own start (script.ts baseOf), so a passage that an edit before it moved is a
 * hit, and so is the same text twice.
 */
export class PassageCache {
  readonly pack: CanonPack;
  /** One string per distinct word of the passages read (story/words.ts WordTable). */
  readonly words = new Map<string, string>();
  /** By text; the few versions of one text differ in kind or in the script's names. */
  readonly #versions = new Map<string, CacheVersion[]>();
  /** Texts kept, and readings of them kept. */
  #size = 0;
  #readings = 0;
  readonly #names = new Map<string, number>();
  #nextName = 0;
  readonly #headings = new Map<string, number>();
  #nextHeading = 0;
  /** One copy of each reading key, whichever versions hold it: most contexts recur across passages. */
  readonly #keys = new Map<string, string>();
  readonly #anchors = new Map<string, { base: number; anchor: Anchor | undefined }>();
  #analysis = 0;
  /** Who readings name, shared by every analysis's reader (clauses.ts ClauseReader). */
  readonly people = new PeopleLists();

  constructor(pack: CanonPack) {
    this.pack = pack;
  }

  /** Starts an analysis. */
  begin(): void {
    this.#analysis++;
  }

  /**
   * Ends an analysis, given the version of each of its passages and the context of each reading
   * it took: what it did not use is dropped as soon as the cache holds a quarter more texts, or
   * readings, than the script has passages, so that memory stays a bounded multiple of the script
   * over a long editing session. What it used is marked so only then: most passages an analysis
   * takes from the one before by index, without asking the cache, and marking each of those at
   * every keystroke was a write to an object per passage of the script.
   */
  end(versions: readonly CacheVersion[], readings: readonly (ReadingContext | undefined)[]): void {
    const passages = versions.length;
    const bound = passages + (passages >> 2) + 64;
    if (this.#size > bound || this.#readings > bound) {
      for (const version of versions) version.used = this.#analysis;
      for (const context of readings) if (context) context.entry.used = this.#analysis;
      this.#size = 0;
      this.#readings = 0;
      for (const [text, versions] of this.#versions) {
        const kept = versions.filter((v) => v.used === this.#analysis);
        if (kept.length === 0) this.#versions.delete(text);
        else this.#versions.set(text, kept);
        for (const version of kept) {
          this.#size++;
          this.#readings += keepReadingsUsedBy(version, this.#analysis);
        }
      }
    }
    if (this.#anchors.size > (passages >> 2) + 256) this.#anchors.clear();
    if (this.#headings.size > passages + 4096) this.#headings.clear();
    if (this.#keys.size > this.#readings + 4096) this.#keys.clear();
  }

  /** A number for a list of the script's own names, equal for equal lists: cheap to compare per passage. */
  names(key: string): number {
    let id = this.#names.get(key);
    if (id === undefined) {
      // Numbers are never reused, so forgetting old lists (below) cannot make two lists equal.
      if (this.#names.size > 64) this.#names.clear();
      id = this.#nextName++;
      this.#names.set(key, id);
    }
    return id;
  }

  /**
   * A number for a scene heading's text, equal for equal texts, for reading keys to hold instead
   * of the heading: a key per reading quoted it whole, 150 bytes and more for each passage of
   * narration. Numbers are never reused, so forgetting the headings (end) makes no two equal.
   */
  heading(text: string): number {
    let id = this.#headings.get(text);
    if (id === undefined) {
      id = this.#nextHeading++;
      // Kept detached from the document version it was cut from (see detached.ts).
      this.#headings.set(detached(text), id);
    }
    return id;
  }

  /**
   * The version of a passage text as read with the script's names: `read` gives its words with the
   * canon's names (once per text and kind), `names` adds the script's own where the text writes them.
   */
  version(kind: string, text: string, written: string, read: () => PassageWords, names: ScriptNames): CacheVersion {
    let versions = this.#versions.get(text);
    // Kept detached from the document version it was cut from (see detached.ts).
    let key: string | undefined;
    if (!versions) {
      versions = [];
      this.#versions.set(key = detached(text), versions);
    }
    const same = versions.find((v) => v.kind === kind && v.written === written);
    const canon = same ? same.canon : read();
    const formsKey = names.keyOf(canon.tokens);
    let version = same?.formsKey === formsKey ? same : versions.find((v) => v.kind === kind && v.written === written && v.formsKey === formsKey);
    if (!version) {
      version = {
        // A passage without notes is written as it is read: one copy of its text for both.
        kind, formsKey, written: same?.written ?? (key !== undefined && written === text ? key : detached(written)), canon, words: names.wordsOf(canon), firstKey: undefined, first: undefined,
        others: undefined, used: this.#analysis, passage: undefined, bySpeaker: undefined, tense: undefined, capitals: undefined,
      };
      versions.push(version);
      this.#size++;
    }
    version.used = this.#analysis;
    return version;
  }

  /** The reading of a version in a context (`key`), read (`read`) where the cache holds none. */
  reading(version: CacheVersion, key: string, read: () => PassageReading): PassageReading {
    let entry = readingIn(version, key);
    if (!entry) {
      entry = read();
      // The key may quote a name as the script writes it, a view into the document version (see detached.ts):
      // one detached copy per key, shared by every version read in that context.
      let kept = this.#keys.get(key);
      if (kept === undefined) {
        kept = detached(key);
        this.#keys.set(kept, kept);
      }
      if (version.first === undefined) {
        version.firstKey = kept;
        version.first = entry;
      } else {
        (version.others ??= new Map()).set(kept, entry);
      }
      this.#readings++;
    }
    entry.used = this.#analysis;
    return entry;
  }

  /** A note's anchor (or that it is none), by the note's text: naming the event is fuzzy matching, worth keeping. */
  anchor(text: string, base: number, find: () => Anchor | undefined): Anchor | undefined {
    const known = this.#anchors.get(text);
    if (!known) {
      const anchor = find();
      this.#anchors.set(detached(text), { base, anchor: anchor && { ...anchor, target: detached(anchor.target) } });
      return anchor;
    }
    if (known.base === base || !known.anchor) return known.anchor;
    const delta = base - known.base;
    const a = known.anchor;
    const moved = { ...a, span: shiftSpan(a.span, delta), targetSpan: shiftSpan(a.targetSpan, delta) };
    this.#anchors.set(text, { base, anchor: moved });
    return moved;
  }
}

function readingIn(version: CacheVersion, key: string): PassageReading | undefined {
  return version.firstKey === key ? version.first : version.others?.get(key);
}

/** Drops the version's readings that analysis `analysis` did not use; returns how many are left. */
function keepReadingsUsedBy(version: CacheVersion, analysis: number): number {
  let firstKey: string | undefined;
  let first: PassageReading | undefined;
  let count = 0;
  if (version.first?.used === analysis) {
    firstKey = version.firstKey;
    first = version.first;
    count++;
  }
  const others = version.others;
  if (others) {
    for (const [key, reading] of others) {
      if (reading.used !== analysis) {
        others.delete(key);
      } else {
        count++;
        if (first === undefined) {
          firstKey = key;
          first = reading;
          others.delete(key);
        }
      }
    }
  }
  version.firstKey = firstKey;
  version.first = first;
  version.others = others !== undefined && others.size > 0 ? others : undefined;
  return count;
}
