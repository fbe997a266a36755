import { isScalar } from 'yaml';
import type { Origin, Phrasing } from './model';
import { tokenizeWords } from './pattern';
import type { NodeReader, YamlValue } from './read-node';

export interface ReadPhrasing {
  readonly phrasing: Phrasing;
  readonly patternAt: Origin;
}

/**
 * Phrasings are written as plain pattern strings, or as `{ pattern, context }` when the words
 * alone are too common ("Cassie falls" is only the fall near a roof, an edge or a ledge).
 */
export function readPhrasings(reader: NodeReader, node: YamlValue, path: string, at: Origin): ReadPhrasing[] | undefined {
  const items = reader.items(node, path, at, true);
  if (!items) return undefined;
  const result: ReadPhrasing[] = [];
  items.forEach((item, i) => {
    const itemAt = reader.origin(item, at);
    const read = readOne(reader, item, `${path}[${i}]`, itemAt);
    if (read) result.push(read);
  });
  return result;
}

function readOne(reader: NodeReader, node: YamlValue, path: string, at: Origin): ReadPhrasing | undefined {
  if (isScalar(node) && typeof node.value === 'string') {
    return { phrasing: { pattern: node.value }, patternAt: at };
  }
  const pairs = reader.pairs(node, path, at, ['pattern', 'context']);
  if (!pairs) {
    if (node === null || node === undefined) reader.error(at, `${path}: empty phrasing`);
    return undefined;
  }
  let pattern: string | undefined;
  let patternAt = at;
  let context: string[] | undefined;
  for (const pair of pairs) {
    const valueAt = reader.origin(pair.value, pair.keyAt);
    if (pair.key === 'pattern') {
      pattern = reader.string(pair.value, `${path}.pattern`, valueAt);
      patternAt = valueAt;
    } else {
      context = readContext(reader, pair.value, `${path}.context`, valueAt);
    }
  }
  if (pattern === undefined) {
    reader.error(at, `${path}: missing 'pattern'`);
    return undefined;
  }
  return { phrasing: context ? { pattern, context } : { pattern }, patternAt };
}

/** Context words are compared as single lowercase words, so they are reduced to those here. */
function readContext(reader: NodeReader, node: YamlValue, path: string, at: Origin): string[] | undefined {
  const items = reader.items(node, path, at, true);
  if (!items) return undefined;
  const words: string[] = [];
  items.forEach((item, i) => {
    const itemAt = reader.origin(item, at);
    const text = reader.string(item, `${path}[${i}]`, itemAt);
    if (text === undefined) return;
    const tokens = tokenizeWords(text);
    if (tokens.length !== 1) reader.error(itemAt, `${path}[${i}]: a context entry is one word, got '${text}'`);
    else words.push(tokens[0]);
  });
  return words;
}
