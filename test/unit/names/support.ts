import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { notCancelled } from '../../../server/core/cancellation';
import type { CanonPack } from '../../../server/core/canon/model';
import { loadPack } from '../../../server/core/canon/load';
import type { Finding } from '../../../server/core/finding';
import { parse } from '../../../server/core/fountain/parse';
import type { Rule } from '../../../server/core/rules/rule';
import { checkRule } from '../../../server/core/incremental/rule-memo';
import { analyseScript } from '../../../server/core/story/analyse-script';
import { Cast } from '../../../server/core/story/cast';
import type { Script } from '../../../server/core/story/script';
import type { Span } from '../../../server/core/span';

/** The repository root, from out/test/unit/names once compiled. */
const repoRoot = path.resolve(__dirname, '../../../..');
const builtinPath = path.join(repoRoot, 'canon', 'tiny-pretty-things.canon.yaml');

let builtin: { pack: CanonPack; cast: Cast } | undefined;

/** The built-in Tiny Pretty Things pack and its cast, loaded once for the whole run. */
export function canon(): { pack: CanonPack; cast: Cast } {
  if (builtin === undefined) {
    const result = loadPack(fs.readFileSync(builtinPath, 'utf8'), builtinPath, () => undefined);
    assert.ok(result.pack, `the built-in pack loads: ${JSON.stringify(result.problems)}`);
    builtin = { pack: result.pack, cast: new Cast(result.pack) };
  }
  return builtin;
}

/** A small pack of the given characters (YAML flow list), for rankings the built-in cast cannot show. */
export function packOf(characters: string): CanonPack {
  const result = loadPack(`canon: 1\nid: test\nname: Test\ncharacters: ${characters}\n`, 'test.canon.yaml', () => undefined);
  assert.ok(result.pack, `the test pack loads: ${JSON.stringify(result.problems)}`);
  return result.pack;
}

/** A script analysed against the built-in canon, as the CLI and the server analyse it. */
export function scriptOf(text: string): Script {
  const { pack, cast } = canon();
  return analyseScript(parse(text), pack, cast, undefined, notCancelled);
}

/** Lines joined with LF, so that fixtures read as scripts without template-literal indentation. */
export function lines(...text: string[]): string {
  return text.join('\n');
}

/** A fixture with one `$0` cursor marker, split into the text without it and the cursor's offset. */
export function withCursor(fixture: string): { text: string; offset: number } {
  const offset = fixture.indexOf('$0');
  assert.ok(offset >= 0 && fixture.indexOf('$0', offset + 1) < 0, 'a cursor fixture needs exactly one $0');
  return { text: fixture.slice(0, offset) + fixture.slice(offset + 2), offset };
}

/** A finding as a test reads it: the text it points at, its message, and its fixes applied. */
export interface SeenFinding {
  readonly text: string;
  readonly message: string;
  readonly fixes: readonly string[];
}

export function run(rule: Rule, text: string): SeenFinding[] {
  return checkRule(rule, scriptOf(text), notCancelled).map((finding) => seen(text, finding));
}

function seen(text: string, finding: Finding): SeenFinding {
  const fixes = (finding.fixes ?? []).map((fix) => {
    const edits = fix.edits.map((edit) => `${textOf(text, edit.span)} -> ${edit.newText}`).join(', ');
    return `${fix.title}${fix.preferred ? ' (preferred)' : ''}: ${edits}`;
  });
  return { text: textOf(text, finding.span), message: finding.message, fixes };
}

export function textOf(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}
