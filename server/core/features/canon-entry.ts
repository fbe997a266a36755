import type { CanonPack, Origin } from '../canon/model';
import type { Span } from '../span';

/**
 * A read-only document showing one character as a pack file has them: their entry, then the
 * relations and states that name them, each as written in the pack (comments above an entry are
 * the next entry's, so they are left out). What Go to Definition opens for the built-in pack,
 * whose file lies inside the extension's install folder, where a writer should not edit it.
 * `span` is where the character's id stands in the text.
 */
export function canonEntryDocument(pack: CanonPack, packText: string, characterId: string, packRef: string): { text: string; span: Span } | undefined {
  const character = pack.characters.find((c) => c.id === characterId);
  if (!character?.origin || character.origin.uri !== packRef) return undefined;
  const entry = entryAt(packText, character.origin);
  if (!entry) return undefined;
  const header = [
    `# ${character.name}, as Canon Keeper's built-in canon pack has them: ${pack.name}.`,
    '# Read-only. To change the canon for your story, write a pack of your own that extends this one',
    `# (extends: ${packRef}); see "Canon packs" in Canon Keeper's README.`,
    '',
    'characters:',
  ].join('\n') + '\n';
  const sections = [
    section('relations', pack.relations.filter((r) => r.between.includes(characterId)).map((r) => r.origin), packText, packRef),
    section('states', pack.states.filter((s) => s.character === characterId).map((s) => s.origin), packText, packRef),
  ].join('');
  const start = header.length + (character.origin.span.start - entry.start);
  return {
    text: `${header}${packText.slice(entry.start, entry.end)}\n${sections}`,
    span: { start, end: start + (character.origin.span.end - character.origin.span.start) },
  };
}

function section(key: string, origins: readonly (Origin | undefined)[], packText: string, packRef: string): string {
  const entries = origins.flatMap((o) => {
    const entry = o && o.uri === packRef ? entryAt(packText, o) : undefined;
    return entry ? [packText.slice(entry.start, entry.end)] : [];
  });
  return entries.length === 0 ? '' : `\n${key}:\n${entries.join('\n\n')}\n`;
}

/**
 * The list item of a YAML sequence that holds `origin` (an id's value): from its "- " line to the
 * last line indented deeper than that dash, trailing blank and comment lines left out.
 */
export function entryAt(text: string, origin: Origin): Span | undefined {
  const lines = lineStarts(text);
  let line = lineIndex(lines, origin.span.start);
  const indentOf = (l: number): number => /^ */.exec(text.slice(lines[l], endOf(text, lines, l)))?.[0].length ?? 0;
  const isDash = (l: number): boolean => /^ *- /.test(text.slice(lines[l], endOf(text, lines, l)));
  while (line > 0 && !isDash(line)) line--;
  if (!isDash(line)) return undefined;
  const dash = indentOf(line);
  let last = line;
  for (let l = line + 1; l < lines.length; l++) {
    const content = text.slice(lines[l], endOf(text, lines, l));
    if (content.trim() === '' || /^\s*#/.test(content)) continue;
    if (indentOf(l) <= dash) break;
    last = l;
  }
  return { start: lines[line], end: endOf(text, lines, last) };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function lineIndex(starts: readonly number[], offset: number): number {
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return line;
}

/** Where line `l` ends, its line break (and a carriage return) not included. */
function endOf(text: string, starts: readonly number[], l: number): number {
  let end = l + 1 < starts.length ? starts[l + 1] - 1 : text.length;
  if (end > starts[l] && text[end - 1] === '\r') end--;
  return end;
}
