import type { CancellationToken } from '../core/cancellation';
import type { CanonPack } from '../core/canon/model';
import { checkScript } from '../core/check';
import type { Database } from '../core/incremental/database';
import { parse } from '../core/fountain/parse';
import { sameClock, type Clock } from '../core/story/script';
import { readText } from './files';
import { earlierChapters } from './story';

/** Where a chapter leaves the clock, for the text, pack and start clock it was read with. */
export interface ChapterEnd {
  readonly text: string;
  readonly pack: CanonPack;
  readonly start?: Clock;
  readonly end?: Clock;
}

/**
 * Where a script's clock starts: where the chapters before it in its folder leave it, each read
 * as the editor shows it (open text first, else the disk), and each remembered while its text,
 * pack and start are unchanged.
 */
export class ChapterClocks {
  readonly #ends = new Map<string, ChapterEnd>();
  readonly #openText: (file: string) => string | undefined;
  readonly #db: Database;

  constructor(openText: (file: string) => string | undefined, db: Database) {
    this.#openText = openText;
    this.#db = db;
  }

  remember(file: string, end: ChapterEnd): void {
    this.#ends.set(file, end);
  }

  clear(): void {
    this.#ends.clear();
  }

  startOf(file: string, pack: CanonPack, token: CancellationToken): Clock | undefined {
    let clock: Clock | undefined;
    for (const chapter of earlierChapters(file)) {
      const text = this.#openText(chapter) ?? readText(chapter);
      if (text === undefined) continue;
      const known = this.#ends.get(chapter);
      // A chapter that narrates no event ends where it starts: an edit before it changes its end.
      if (known && known.text === text && known.pack === pack && sameClock(known.start, clock)) {
        clock = known.end;
        continue;
      }
      const result = checkScript(parse(text), pack, { startClock: clock, rules: [], db: this.#db }, token);
      // A cancelled reading stopped part way: where it got to is not where the chapter ends.
      if (token.isCancellationRequested) return clock;
      this.#ends.set(chapter, { text, pack, start: clock, end: result.script.endClock });
      clock = result.script.endClock;
    }
    return clock;
  }
}
