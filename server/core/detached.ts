/** V8 keeps a substring of this many characters or more as a view into the string it was cut from. */
const SLICED_FROM = 13;

/**
 * The same text, holding no reference to the string it was cut from. V8 keeps a longer substring
 * as a view into its parent, so a passage's text kept in a cache would keep the whole document it
 * was cut from alive: at every keystroke, one more copy of the script for as long as the entry
 * lives. Prefixing a character and cutting it off again makes V8 copy just these characters.
 * For whatever text from a document outlives the document's version: cache keys, kept readings.
 */
export function detached(text: string): string {
  return text.length < SLICED_FROM ? text : (' ' + text).slice(1);
}
