import type { CancellationToken } from './cancellation';
import type { CanonPack, ExpectedFinding, PackExample } from './canon/model';
import { closest } from './canon/suggest';
import { checkScript, type SeveritySetting } from './check';
import type { Finding } from './finding';
import { parse } from './fountain/parse';
import { LineIndex } from './lines';
import { rules } from './rules/registry';

/** A finding of an example, with its line in the example's script (from 1). */
export interface ExampleFinding {
  readonly rule: string;
  readonly line: number;
  readonly message: string;
}

export interface ExampleResult {
  readonly example: PackExample;
  readonly passed: boolean;
  /** Expected and not given (a false negative), as the pack wrote them. */
  readonly missing: readonly ExpectedFinding[];
  /** Given and not expected (a false positive). Hints, the editor's faint suggestions, never count here. */
  readonly unexpected: readonly ExampleFinding[];
  /** Expected rules that do not exist, with a suggestion where one is close. */
  readonly unknownRules: readonly { readonly expected: ExpectedFinding; readonly suggestion?: string }[];
}

/**
 * Runs a pack's examples with the engine `check` uses (checkScript), each script on its own, as a
 * linter runs its rule tests: expected findings must each be given (on their line, where one is
 * written), and nothing else may be, besides hints.
 */
export function runExamples(pack: CanonPack, options: { severities?: Readonly<Record<string, SeveritySetting>> }, token: CancellationToken): ExampleResult[] {
  const results: ExampleResult[] = [];
  for (const example of pack.examples ?? []) {
    if (token.isCancellationRequested) break;
    results.push(runExample(pack, example, options.severities ?? {}, token));
  }
  return results;
}

function runExample(pack: CanonPack, example: PackExample, severities: Readonly<Record<string, SeveritySetting>>, token: CancellationToken): ExampleResult {
  const known = rules.map((r) => r.id);
  const unknownRules = example.expect.filter((e) => !known.includes(e.rule)).map((expected) => ({ expected, suggestion: closest(expected.rule, known) }));
  const lines = new LineIndex(example.script);
  const findings = checkScript(parse(example.script), pack, { severities }, token).findings.map((f) => ({ finding: f, used: false, line: lines.positionAt(f.span.start).line + 1 }));
  const missing: ExpectedFinding[] = [];
  for (const want of example.expect) {
    const found = findings.find((f) => !f.used && f.finding.ruleId === want.rule && (want.line === undefined || f.line === want.line));
    if (found) found.used = true;
    else missing.push(want);
  }
  const unexpected = findings.filter((f) => !f.used && counts(f.finding)).map((f) => ({ rule: f.finding.ruleId, line: f.line, message: f.finding.message }));
  return { example, passed: missing.length === 0 && unexpected.length === 0 && unknownRules.length === 0, missing, unexpected, unknownRules };
}

function counts(finding: Finding): boolean {
  return finding.severity !== 'hint';
}
