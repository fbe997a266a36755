import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { span } from '../span';
import { emptyEntries, sections, type DraftEntry, type DraftField, type DraftFile, type ExtendsRef, type Removal, type Section } from './draft';
import type { Origin, PackExample } from './model';
import type { ProblemSink } from './problems';
import { readEntry, readId } from './read-entry';
import { readExamples } from './read-examples';
import { describe, NodeReader, type KeyedValue, type YamlValue } from './read-node';
import { singular, topLevelKeys } from './spec';
import { yamlMessage } from './yaml-errors';

/**
 * The largest pack read, in UTF-16 code units. The yaml library needs about eighty bytes of
 * memory per character of input (measured: 10 MB took 6.6 s and 800 MB of heap), and a
 * language server must not fall over because someone saved a huge file named *.canon.yaml.
 * Real packs are tens of kilobytes; a whole long-running show fits in a few hundred.
 */
export const maxPackLength = 2 * 1024 * 1024;

export const formatVersion = 1;

/** Reads one pack file into drafts, reporting every problem found in it; never throws. */
export function readFile(text: string, uri: string, sink: ProblemSink): DraftFile {
  const top: Origin = { uri, span: span(0, 0) };
  const empty: DraftFile = { uri, header: new Map(), entries: emptyEntries(), removals: [], extends: [], top };
  if (text.length > maxPackLength) {
    const megabytes = (text.length / (1024 * 1024)).toFixed(1);
    sink.error(uri, top.span, `the pack is too large (${megabytes} MB; canon packs are limited to ${maxPackLength / (1024 * 1024)} MB)`);
    return empty;
  }
  reportReplacementCharacter(text, uri, sink);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, schema: 'core', uniqueKeys: true });
  const lineOf = (offset: number): number => lines.linePos(offset).line;
  for (const problem of doc.errors) sink.error(uri, span(problem.pos[0], problem.pos[1]), yamlMessage(problem, text, doc, lineOf));
  for (const problem of doc.warnings) sink.warning(uri, span(problem.pos[0], problem.pos[1]), problem.message);
  // A quotation with a colon reads as a map: its "expected a string" would only repeat the fix above.
  const colonErrors = doc.errors.filter((e) => e.code === 'BLOCK_AS_IMPLICIT_KEY').map((e) => e.pos[0]);
  const reader = new NodeReader(uri, sink, lines, colonErrors);
  const contents: YamlValue = doc.contents;
  if (contents === null || contents === undefined || (isScalar(contents) && contents.value === null)) {
    if (doc.errors.length === 0) sink.error(uri, top.span, "the pack is empty: a pack is a map starting with 'canon: 1', 'id:' and 'name:'");
    return empty;
  }
  if (!isMap(contents)) {
    reader.error(reader.origin(contents, top), `the pack must be a map (key: value lines) at the top, got ${describe(contents)}`);
    return empty;
  }
  const pairs = reader.pairs(contents, '', top, topLevelKeys) ?? [];
  return readTop(reader, pairs, empty);
}

/**
 * The caller decodes bytes; when it decoded invalid UTF-8 the text carries U+FFFD, and a pack
 * silently holding mangled names would match nothing. Say so where the first one stands.
 */
function reportReplacementCharacter(text: string, uri: string, sink: ProblemSink): void {
  const at = text.indexOf('\uFFFD');
  if (at < 0) return;
  sink.error(uri, span(at, at + 1), 'the file is not valid UTF-8 (it contains U+FFFD replacement characters): save it as UTF-8');
}

function readTop(reader: NodeReader, pairs: KeyedValue[], empty: DraftFile): DraftFile {
  const header = new Map<string, DraftField>();
  const entries = emptyEntries();
  let removals: Removal[] = [];
  let refs: ExtendsRef[] = [];
  let examples: PackExample[] | undefined;
  for (const { key, keyAt, value } of pairs) {
    const at = reader.origin(value, keyAt);
    if (key === 'canon') readVersion(reader, value, at);
    else if (key === 'examples') examples = readExamples(reader, value, at);
    else if (key === 'extends') refs = readExtends(reader, value, at);
    else if (key === 'remove') removals = readRemovals(reader, value, at);
    else if (isSection(key)) entries[key] = readSection(reader, key, value, at);
    else if (key === 'id') {
      const id = readId(reader, value, 'id', at);
      if (id !== undefined) header.set(key, { value: { kind: 'string', value: id }, at, refs: [] });
    } else {
      const text = reader.string(value, key, at);
      if (text !== undefined) header.set(key, { value: { kind: 'string', value: text }, at, refs: [] });
    }
  }
  for (const required of ['id', 'name']) {
    if (!pairs.some((p) => p.key === required)) reader.error(empty.top, `missing '${required}:' at the top of the pack (every pack file has its own id and name)`);
  }
  if (!pairs.some((p) => p.key === 'canon')) {
    reader.warning(empty.top, `missing 'canon: ${formatVersion}' (the pack format version) at the top of the pack`);
  }
  return { ...empty, header, entries, removals, extends: refs, ...(examples ? { examples } : {}) };
}

function isSection(key: string): key is Section {
  return (sections as readonly string[]).includes(key);
}

function readVersion(reader: NodeReader, node: YamlValue, at: Origin): void {
  const value = isScalar(node) ? node.value : undefined;
  if (value === formatVersion) return;
  reader.error(at, `canon: expected ${formatVersion} (the only pack format version so far), got ${describe(node)}${typeof value === 'number' ? ` ${value}` : ''}`);
}

function readExtends(reader: NodeReader, node: YamlValue, at: Origin): ExtendsRef[] {
  const items = reader.items(node, 'extends', at, true) ?? [];
  const refs: ExtendsRef[] = [];
  items.forEach((item, i) => {
    const itemAt = reader.origin(item, at);
    const ref = reader.string(item, `extends[${i}]`, itemAt);
    if (ref !== undefined && ref.trim() !== '') refs.push({ ref: ref.trim(), at: itemAt });
    else if (ref !== undefined) reader.error(itemAt, `extends[${i}]: empty reference`);
  });
  return refs;
}

function readSection(reader: NodeReader, section: Section, node: YamlValue, at: Origin): DraftEntry[] {
  const items = reader.items(node, section, at, false) ?? [];
  const result: DraftEntry[] = [];
  const seen = new Map<string, Origin>();
  items.forEach((item, i) => {
    const entry = readEntry(reader, item, section, `${section}[${i}]`, reader.origin(item, at));
    if (!entry) return;
    const first = seen.get(entry.id);
    if (first) {
      reader.error(entry.origin, `duplicate id '${entry.id}' (first defined at line ${reader.lineOf(first.span.start)})`);
      return;
    }
    seen.set(entry.id, entry.origin);
    result.push(entry);
  });
  return result;
}

function readRemovals(reader: NodeReader, node: YamlValue, at: Origin): Removal[] {
  const pairs = reader.pairs(node, 'remove', at, sections) ?? [];
  const removals: Removal[] = [];
  for (const { key, keyAt, value } of pairs) {
    const section = key as Section;
    const items = reader.items(value, `remove.${key}`, reader.origin(value, keyAt), true) ?? [];
    items.forEach((item, i) => {
      const itemAt = reader.origin(item, keyAt);
      const id = reader.string(item, `remove.${key}[${i}]`, itemAt);
      if (id !== undefined) removals.push({ section, id, at: itemAt });
    });
  }
  return removals;
}

export function describeEntry(section: Section, id: string): string {
  return `${singular[section]} '${id}'`;
}
