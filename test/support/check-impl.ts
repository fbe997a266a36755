import { notCancelled } from '../../server/core/cancellation';
import { checkStory } from '../../server/core/check';
import { parse } from '../../server/core/fountain/parse';
import { LineIndex } from '../../server/core/lines';
import type { CanonPack } from '../../server/core/canon/model';
import { builtinPack } from '../../server/host/builtin';
import type { CheckedFinding } from './checked-finding';

/** Checks a script (after its earlier chapters, if any) against a canon pack, the built-in one by default. */
export function checkFountain(text: string, options: { previousChapters?: readonly string[]; pack?: CanonPack } = {}): CheckedFinding[] {
  const chapters = [...(options.previousChapters ?? []), text].map((t) => parse(t));
  const results = checkStory(chapters, options.pack ?? builtinPack(), {}, notCancelled);
  const lines = new LineIndex(text);
  return results[results.length - 1].findings.map((f) => {
    const start = lines.positionAt(f.span.start);
    const end = lines.positionAt(f.span.end);
    return {
      line: start.line, character: start.character, endLine: end.line, endCharacter: end.character,
      severity: f.severity, code: f.ruleId, message: f.message,
    };
  });
}
