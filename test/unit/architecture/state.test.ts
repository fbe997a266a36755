import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, sourceFiles } from './import-graph';

/**
 * Core keeps no state of its own between calls (docs/architecture.md): what one analysis keeps
 * for the next lives in the database its host owns (core/incremental/database.ts), which a test
 * can turn off. A module-level `let`, a module-level WeakMap or WeakSet (a cache by nature), or a
 * module-level Map, Set, array or object that the module writes to would be a second, hidden
 * place for reuse, which no test could turn off.
 */

/** The module-level mutable state a file declares, as "file name". */
function moduleState(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const found: string[] = [];
  for (const line of text.split('\n')) {
    const binding = /^(?:export\s+)?(let|var|const)\s+(\w+)\s*(?::[^=]+)?=\s*(.*)$/.exec(line);
    if (!binding) continue;
    const [, kind, name, init] = binding;
    if (kind !== 'const') {
      found.push(`${file} ${name}`);
      continue;
    }
    if (/^new\s+(WeakMap|WeakSet)\b/.test(init)) {
      found.push(`${file} ${name}`);
      continue;
    }
    if (!/^(new\s+(Map|Set)\b|\[|\{)/.test(init)) continue;
    const written = new RegExp(`\\b${name}(\\.(set|add|delete|clear|push|pop|shift|unshift|splice|sort)\\(|\\[[^\\]]+\\]\\s*(\\?\\?|\\+|-|\\|\\|)?=[^=]|\\.\\w+\\s*(=[^=]|\\+\\+|--|\\+=|-=))`);
    if (written.test(text)) found.push(`${file} ${name}`);
  }
  return found;
}

describe('core', () => {
  const files = sourceFiles('server/core').filter((f) => !f.endsWith('.test.ts'));

  it('keeps no mutable state at module level, none at all', () => {
    // There is no list of exceptions: what an analysis keeps for the next belongs in the
    // database, what the parser keeps for a re-parse on the document it made.
    assert.deepEqual(files.flatMap(moduleState), []);
  });

  it('is seen to keep state where it does', () => {
    // The check itself, on the kinds of state it must see.
    const dir = fs.mkdtempSync(path.join(ROOT, 'out', 'state-check-'));
    const file = path.relative(ROOT, path.join(dir, 'sample.ts'));
    fs.writeFileSync(path.join(ROOT, file), [
      'let count = 0;', 'const cache = new WeakMap<object, number>();', 'const seen = new Set<string>();',
      'const WORDS = new Set([\'a\']);', 'export const stats = { walked: 0 };',
      'export function f(x: string) { seen.add(x); stats.walked++; return WORDS.has(x) || count > 0; }',
    ].join('\n'));
    try {
      assert.deepEqual(moduleState(file).map((f) => f.split(' ')[1]), ['count', 'cache', 'seen', 'stats']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
