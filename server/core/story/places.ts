import type { CanonPack, Place } from '../canon/model';
import { tokenizeWords } from '../canon/pattern';
import { TextMemo } from '../incremental/text-memo';
import type { CastQuery } from './script';

/**
 * Where a scene is set, as its heading says: the canon places the heading names. A heading names
 * a place by its name or an alias, word for word ("INT. CAPULET'S HOUSE - NIGHT" names "Capulet's
 * house"); a leading "the" and a possessive "'s" are not needed ("CAPULET HOUSE" names it too).
 * A heading naming none of the pack's places says nothing of where the scene is.
 */
export interface PlaceNames {
  /** The place ids a heading's text names, in the pack's order; of a place and one it stands in, the inner one. */
  named(heading: string): readonly string[];
  /** The place and every place it stands in, innermost first: the house, then Verona. */
  around(id: string): readonly string[];
}

/** The pack's place names, as a query of the script (`script.queries.cast(PLACE_NAMES)`): kept by the seam, once per canon. */
export const PLACE_NAMES: CastQuery<PlaceNames> = { ofCast: (cast) => placeNames(cast.pack) };

export function placeNames(pack: CanonPack): PlaceNames {
  return buildPlaceNames(pack);
}

/** The words a name is matched by: no possessive, no leading article. */
function nameWords(text: string): string[] {
  const words = tokenizeWords(text).filter((w) => w !== "'s");
  return words[0] === 'the' ? words.slice(1) : words;
}

function buildPlaceNames(pack: CanonPack): PlaceNames {
  const terms = pack.places.flatMap((place) =>
    [place.name, ...place.aliases].map((name) => ({ id: place.id, words: nameWords(name) })).filter((t) => t.words.length > 0));
  const byId = new Map<string, Place>(pack.places.map((p) => [p.id, p]));
  const memo = new TextMemo<readonly string[]>(1024);
  const read = (heading: string): readonly string[] => {
    const words = nameWords(heading);
    const found = new Set<string>();
    for (const term of terms) if (!found.has(term.id) && containsRun(words, term.words)) found.add(term.id);
    // "LARKHAVEN HARBOUR" names the harbour, which says the town too: the town adds nothing.
    const holding = new Set([...found].flatMap((id) => around(id).slice(1)));
    return pack.places.filter((p) => found.has(p.id) && !holding.has(p.id)).map((p) => p.id);
  };
  const around = (id: string): readonly string[] => {
    const chain = [id];
    for (let at = byId.get(id)?.in; at !== undefined && !chain.includes(at); at = byId.get(at)?.in) chain.push(at);
    return chain;
  };
  return { named: (heading) => memo.get(heading, read), around };
}

function containsRun(words: readonly string[], run: readonly string[]): boolean {
  for (let i = 0; i + run.length <= words.length; i++) {
    let j = 0;
    while (j < run.length && words[i + j] === run[j]) j++;
    if (j === run.length) return true;
  }
  return false;
}
