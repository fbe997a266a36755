import type { FountainDocument, TitlePage } from './model';

/**
 * A title page's value for a key (any case) as one line of text: emphasis marks dropped, its lines
 * joined by a space; undefined where the script has no title page, no such key, or an empty value.
 */
export function titlePageValue(doc: FountainDocument, key: string): string | undefined {
  const page = doc.elements.find((e): e is TitlePage => e.type === 'title-page');
  const value = page?.entries.find((e) => e.key.toLowerCase() === key)?.value;
  return value?.replace(/[*_]/g, '').replace(/\s+/g, ' ').trim() || undefined;
}
