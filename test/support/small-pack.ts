import * as assert from 'assert';
import { loadPack } from '../../server/core/canon/load';
import type { CanonPack } from '../../server/core/canon/model';
import { checkFountain } from './check';

/**
 * A small pack a test writes out in YAML, loaded as the CLI and the server load a pack file; the
 * test fails at once, with the messages, where the pack has an error.
 */
export function smallPack(yaml: string, file: string): CanonPack {
  const result = loadPack(yaml, file, () => undefined);
  assert.deepStrictEqual(result.problems.filter((p) => p.severity === 'error').map((p) => p.message), []);
  return result.pack!;
}

/** The continuity warnings a script gets against a pack, as "line code" (0-based lines). */
export function continuityCodes(text: string, pack: CanonPack): string[] {
  return checkFountain(text, { pack }).filter((f) => f.code.startsWith('continuity.')).map((f) => `${f.line} ${f.code}`);
}

/** The continuity codes of a script written as its lines, against a pack: each test's `codes(lines)`. */
export function lineCodes(pack: CanonPack): (lines: readonly string[]) => string[] {
  return (lines) => continuityCodes(lines.join('\n'), pack);
}
