import { isMap, isScalar, visit, type Document, type YAMLError } from 'yaml';

/**
 * The yaml library's messages speak of YAML ("Nested mappings are not allowed in compact
 * mappings", "Map keys must be unique"); a fan writing a pack meets two of them most: a quotation
 * with a colon in it, and a key written twice. Those are told in the writer's words, with the fix.
 */
export function yamlMessage(problem: YAMLError, text: string, doc: Document, lineOf: (offset: number) => number): string {
  if (problem.code === 'BLOCK_AS_IMPLICIT_KEY' || /mapping values are not allowed/i.test(problem.message)) {
    return colonMessage(text, problem.pos[0]) ?? problem.message;
  }
  if (problem.code === 'DUPLICATE_KEY') return duplicateMessage(doc, problem.pos[0], lineOf) ?? problem.message;
  return problem.message;
}

/** `source: He said: go` — the second ": " starts a key in YAML's eyes. */
function colonMessage(text: string, offset: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  const match = /^\s*(?:-\s+)?([A-Za-z_][\w-]*):\s+(.*\S)\s*$/.exec(line);
  if (!match) return undefined;
  const [, key, value] = match;
  if (!/:(\s|$)/.test(value)) return undefined;
  const quoted = value.startsWith('"') || value.startsWith("'");
  const fix = quoted
    ? `the quotes must go around the whole value, from just after '${key}: ' to the end of the line`
    : `put the whole ${key === 'source' ? 'quotation' : 'value'} in double quotes: ${key}: "${value.replace(/"/g, '\\"')}"`;
  return `'${key}:' holds a colon followed by a space, which YAML reads as the start of another key: ${fix}`;
}

/** "Map keys must be unique" becomes which key, and where it first stands. */
function duplicateMessage(doc: Document, offset: number, lineOf: (offset: number) => number): string | undefined {
  let message: string | undefined;
  visit(doc, {
    Map(_, map) {
      if (message !== undefined || !isMap(map)) return message === undefined ? undefined : visit.BREAK;
      const seen = new Map<string, number>();
      for (const pair of map.items) {
        const key = pair.key;
        if (!isScalar(key) || !key.range) continue;
        const name = String(key.value);
        const first = seen.get(name);
        if (first === undefined) seen.set(name, key.range[0]);
        else if (key.range[0] === offset) {
          message = `the key '${name}' is written twice at the same level (first at line ${lineOf(first)}): keep one, or start a new list item with '- ' for a new entry`;
          return visit.BREAK;
        }
      }
      return undefined;
    },
  });
  return message;
}
