import { isScalar } from 'yaml';
import type { DraftEntry, DraftField, FieldValue, Ref, RefKind, Section } from './draft';
import type { Origin, Phrasing, RoleClaim } from './model';
import { parsePattern, slotsOf } from './pattern';
import { NodeReader, type YamlValue } from './read-node';
import { readPhrasings } from './read-phrasing';
import { fieldSpecs, type FieldSpec } from './spec';
import { didYouMean } from './suggest';

/** Ids are how entries refer to each other and how slots name characters: keep them simple. */
export function isValidId(id: string): boolean {
  if (id.length === 0 || id.startsWith('-')) return false;
  for (const c of id) {
    const ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c === '-' || c === '_';
    if (!ok) return false;
  }
  return true;
}

export function suggestId(text: string): string {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '')
    .join('-');
}

interface Read {
  readonly value: FieldValue;
  readonly refs: Ref[];
}

/** Reads one item of a section; undefined when it has no usable id (reported). */
export function readEntry(reader: NodeReader, node: YamlValue, section: Section, path: string, at: Origin): DraftEntry | undefined {
  const specs = fieldSpecs[section];
  const pairs = reader.pairs(node, path, at, Object.keys(specs));
  if (!pairs) {
    if (node === null || node === undefined) reader.error(at, `${path}: empty entry`);
    return undefined;
  }
  const origin = reader.origin(node, at);
  const fields = new Map<string, DraftField>();
  const broken = new Set<string>();
  let id: string | undefined;
  let idAt = origin;
  for (const { key, keyAt, value } of pairs) {
    const valueAt = reader.origin(value, keyAt);
    const fieldPath = `${path}.${key}`;
    if (key === 'id') {
      id = readId(reader, value, fieldPath, valueAt);
      idAt = valueAt;
      continue;
    }
    const read = readField(reader, specs[key], value, fieldPath, valueAt);
    if (read) fields.set(key, { value: read.value, at: valueAt, refs: read.refs });
    else broken.add(key);
  }
  if (id === undefined) {
    if (!pairs.some((p) => p.key === 'id')) reader.error(startOf(origin), `${path}: missing 'id'`);
    return undefined;
  }
  return { section, id, origin: { uri: origin.uri, span: idAt.span }, fields, broken };
}

function startOf(origin: Origin): Origin {
  return { uri: origin.uri, span: { start: origin.span.start, end: origin.span.start } };
}

export function readId(reader: NodeReader, node: YamlValue, path: string, at: Origin): string | undefined {
  const id = reader.string(node, path, at);
  if (id === undefined) {
    if (node === null || node === undefined) reader.error(at, `${path}: the id is empty`);
    return undefined;
  }
  if (!isValidId(id)) {
    const better = suggestId(id);
    const hint = better === '' ? '' : `, e.g. '${better}'`;
    reader.error(at, `${path}: id '${id}' must be lowercase letters, digits and hyphens${hint}`);
    return undefined;
  }
  return id;
}

function readField(reader: NodeReader, spec: FieldSpec, node: YamlValue, path: string, at: Origin): Read | undefined {
  switch (spec.kind) {
    case 'id':
    case 'string':
      return readText(reader, spec, node, path, at);
    case 'strings':
    case 'pair':
      return readTexts(reader, spec, node, path, at);
    case 'boolean': {
      const value = reader.boolean(node, path, at);
      return value === undefined ? undefined : { value: { kind: 'boolean', value }, refs: [] };
    }
    case 'participants':
      return readParticipants(reader, node, path, at);
    case 'phrasings':
      return readPhrasingField(reader, node, path, at);
    case 'claims':
      return readClaims(reader, node, path, at);
  }
}

function readText(reader: NodeReader, spec: FieldSpec, node: YamlValue, path: string, at: Origin): Read | undefined {
  const value = reader.string(node, path, at);
  if (value === undefined || !checkWord(reader, spec, value, path, at)) return undefined;
  return { value: { kind: 'string', value }, refs: refsOf(spec.ref, [[value, at]]) };
}

function readTexts(reader: NodeReader, spec: FieldSpec, node: YamlValue, path: string, at: Origin): Read | undefined {
  const items = reader.items(node, path, at, spec.kind !== 'pair');
  if (!items) return undefined;
  const values: [string, Origin][] = [];
  items.forEach((item, i) => {
    const itemAt = reader.origin(item, at);
    const value = reader.string(item, `${path}[${i}]`, itemAt);
    if (value !== undefined && checkWord(reader, spec, value, `${path}[${i}]`, itemAt)) values.push([value, itemAt]);
  });
  if (spec.kind === 'pair' && items.length !== 2) {
    reader.error(at, `${path}: expected two character ids, got ${items.length}`);
    return undefined;
  }
  return { value: { kind: 'strings', value: values.map(([v]) => v) }, refs: refsOf(spec.ref, values) };
}

function checkWord(reader: NodeReader, spec: FieldSpec, value: string, path: string, at: Origin): boolean {
  if (!spec.oneOf || spec.oneOf.includes(value)) return true;
  const otherwise = spec.otherwise ? `; ${spec.otherwise}` : '';
  const synonym = spec.synonyms?.[value.toLowerCase()];
  const hint = synonym && spec.oneOf.includes(synonym) ? ` — say it as '${synonym}'` : didYouMean(value, spec.oneOf);
  reader.error(at, `${path}: '${value}' is not one of ${spec.oneOf.join(', ')}${hint}${otherwise}`);
  return false;
}

function refsOf(kind: RefKind | undefined, values: readonly [string, Origin][]): Ref[] {
  return kind ? values.map(([id, at]) => ({ kind, id, at })) : [];
}

function readParticipants(reader: NodeReader, node: YamlValue, path: string, at: Origin): Read | undefined {
  const pairs = reader.pairs(node, path, at, undefined);
  if (!pairs) return undefined;
  const value: Record<string, string[]> = {};
  const refs: Ref[] = [];
  // A role holds one character, or several hands in one event: `stabbers: [casca, brutus]`.
  for (const pair of pairs) {
    const valueAt = reader.origin(pair.value, pair.keyAt);
    const items = reader.items(pair.value, `${path}.${pair.key}`, valueAt, true);
    if (!items) continue;
    if (items.length === 0) {
      reader.error(valueAt, `${path}.${pair.key}: name who holds the role (a character id, or a list of them), or leave the role out`);
      continue;
    }
    const holders: string[] = [];
    items.forEach((item, i) => {
      const itemAt = reader.origin(item, valueAt);
      const character = reader.string(item, items.length === 1 ? `${path}.${pair.key}` : `${path}.${pair.key}[${i}]`, itemAt);
      if (character === undefined) return;
      holders.push(character);
      refs.push({ kind: 'character', id: character, at: itemAt });
    });
    if (holders.length > 0) value[pair.key] = holders;
  }
  return { value: { kind: 'map', value }, refs };
}

function readPhrasingField(reader: NodeReader, node: YamlValue, path: string, at: Origin): Read | undefined {
  const read = readPhrasings(reader, node, path, at);
  if (!read) return undefined;
  const refs: Ref[] = [];
  const value: Phrasing[] = [];
  for (const { phrasing, patternAt } of read) {
    const terms = parsePattern(phrasing.pattern);
    if (typeof terms === 'string') {
      reader.error(patternAt, `pattern '${phrasing.pattern}': ${terms}`);
      continue;
    }
    value.push(phrasing);
    for (const slot of slotsOf(phrasing.pattern)) refs.push({ kind: 'slot', id: slot, at: patternAt });
  }
  return { value: { kind: 'phrasings', value }, refs };
}

function readClaims(reader: NodeReader, node: YamlValue, path: string, at: Origin): Read | undefined {
  const items = reader.items(node, path, at, false);
  if (!items) return undefined;
  const value: RoleClaim[] = [];
  const refs: Ref[] = [];
  items.forEach((item, i) => {
    const claim = readClaim(reader, item, `${path}[${i}]`, reader.origin(item, at), refs);
    if (claim) value.push(claim);
  });
  return { value: { kind: 'claims', value }, refs };
}

/**
 * A role claim is `{ role, at, from, until, source, where }`, or just the role id when nothing more
 * is known; `from` and `until` name the events between which the role is held.
 */
function readClaim(reader: NodeReader, node: YamlValue, path: string, at: Origin, refs: Ref[]): RoleClaim | undefined {
  if (isScalar(node) && typeof node.value === 'string') {
    refs.push({ kind: 'role', id: node.value, at });
    return { role: node.value, origin: at };
  }
  const pairs = reader.pairs(node, path, at, ['role', 'at', 'from', 'until', 'source', 'where']);
  if (!pairs) return undefined;
  const fields: Record<string, string> = {};
  for (const pair of pairs) {
    const valueAt = reader.origin(pair.value, pair.keyAt);
    const value = reader.string(pair.value, `${path}.${pair.key}`, valueAt);
    if (value === undefined) continue;
    fields[pair.key] = value;
    if (pair.key === 'role') refs.push({ kind: 'role', id: value, at: valueAt });
    if (pair.key === 'at') refs.push({ kind: 'place', id: value, at: valueAt });
    if (pair.key === 'from' || pair.key === 'until') refs.push({ kind: 'event', id: value, at: valueAt });
  }
  if (fields.role === undefined) {
    reader.error(at, `${path}: missing 'role'`);
    return undefined;
  }
  return {
    role: fields.role, at: fields.at, source: fields.source,
    ...(fields.from === undefined ? {} : { from: fields.from }),
    ...(fields.until === undefined ? {} : { until: fields.until }),
    ...(fields.where === undefined ? {} : { where: fields.where }),
    origin: at,
  };
}
