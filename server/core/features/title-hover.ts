import type { FountainDocument } from '../fountain/model';
import { readMode, titlePage } from '../story/conventions';
import type { Hover } from './hover';
import { CANON_MODES, TITLE_PAGE_KEYS } from './title-completion';

/**
 * Help on the title page: on a key Fountain or Canon Keeper knows, what it is for (and whether it
 * prints); on the value of `Canon:`, what that mode does to the checks.
 */
export function titlePageHover(doc: FountainDocument, offset: number): Hover | undefined {
  const page = titlePage(doc);
  if (!page || offset < page.start || offset > page.end) return undefined;
  for (const entry of page.entries) {
    const known = TITLE_PAGE_KEYS.find((k) => k.key.toLowerCase() === entry.key.trim().toLowerCase());
    if (!known) continue;
    if (offset >= entry.keySpan.start && offset <= entry.keySpan.end) {
      return { span: entry.keySpan, markdown: `**${known.key}:** ${known.help}` };
    }
    if (known.key === 'Canon' && offset >= entry.valueSpan.start && offset <= entry.valueSpan.end) {
      const mode = readMode(entry.value);
      const help = CANON_MODES.find((m) => readMode(m.value) === mode);
      return help && { span: entry.valueSpan, markdown: help.help };
    }
  }
  return undefined;
}
