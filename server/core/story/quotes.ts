/**
 * Canon's own words spoken in a scene: a cue whose speech says, word for word, a stretch of the
 * quotation a pack gives as an event's source ("I'll be wise hereafter and seek for grace") is
 * that moment of canon playing, and places the story at least that far (clock-walk.ts). Fans of
 * plays quote their canon's lines in the scenes that hold them; a stretch of QUOTE_WORDS words in
 * a row is never chance. Punctuation, case and line breaks are not compared.
 */
import type { CanonEvent } from '../canon/model';
import { tokenize, type Tokens } from './words';

/** How many words in a row of an event's source a speech must say. */
export const QUOTE_WORDS = 8;

/** The events' sources by their runs of three words, for finding where a speech starts saying one. */
export interface QuoteIndex {
  readonly sources: readonly (readonly string[])[];
  readonly byTriple: ReadonlyMap<string, readonly { readonly event: number; readonly at: number }[]>;
}

export function indexQuotes(events: readonly CanonEvent[]): QuoteIndex {
  const sources = events.map((event) => (event.source ? tokenize(event.source).words() : []));
  const byTriple = new Map<string, { event: number; at: number }[]>();
  sources.forEach((words, event) => {
    if (words.length < QUOTE_WORDS) return;
    for (let at = 0; at + 3 <= words.length; at++) {
      const key = `${words[at]} ${words[at + 1]} ${words[at + 2]}`;
      const list = byTriple.get(key);
      if (list) list.push({ event, at });
      else byTriple.set(key, [{ event, at }]);
    }
  });
  return { sources, byTriple };
}

/** The events (by index, ascending) whose source a speech says QUOTE_WORDS or more words of, in a row. */
export function quotedEvents(index: QuoteIndex, tokens: Tokens): number[] {
  if (index.byTriple.size === 0) return [];
  const words = tokens.words();
  const found = new Set<number>();
  for (let i = 0; i + QUOTE_WORDS <= words.length; i++) {
    const starts = index.byTriple.get(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
    if (!starts) continue;
    for (const { event, at } of starts) {
      if (found.has(event)) continue;
      const source = index.sources[event];
      let n = 3;
      while (i + n < words.length && at + n < source.length && words[i + n] === source[at + n]) n++;
      if (n >= QUOTE_WORDS) found.add(event);
    }
  }
  return [...found].sort((a, b) => a - b);
}
