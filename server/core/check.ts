import type { CancellationToken } from './cancellation';
import type { CanonPack } from './canon/model';
import type { Finding, Severity } from './finding';
import type { FountainDocument } from './fountain/model';
import { rules as allRules } from './rules/registry';
import type { Rule } from './rules/rule';
import { analyseScript } from './story/analyse-script';
import { Cast } from './story/cast';
import type { Clock, Script } from './story/script';

export type SeveritySetting = Severity | 'off';

export interface CheckOptions {
  /** Severity per rule id, from settings; 'off' drops the rule's findings. */
  readonly severities?: Readonly<Record<string, SeveritySetting>>;
  /** Where the story clock stands when this script begins: the end of the previous chapter. */
  readonly startClock?: Clock;
  /** Told once per failing rule per check; the other rules still run. */
  readonly onRuleError?: (ruleId: string, error: unknown) => void;
  readonly rules?: readonly Rule[];
}

export interface CheckResult {
  readonly findings: Finding[];
  readonly script: Script;
}

const casts = new WeakMap<CanonPack, Cast>();

/** The cast of a pack, built once per pack. */
export function castOf(pack: CanonPack): Cast {
  let cast = casts.get(pack);
  if (!cast) {
    cast = new Cast(pack);
    casts.set(pack, cast);
  }
  return cast;
}

/**
 * Checks a parsed script against a canon pack: the one function the CLI and the server both call,
 * so that they never disagree.
 */
export function checkScript(doc: FountainDocument, pack: CanonPack, options: CheckOptions, token: CancellationToken): CheckResult {
  const script = analyseScript(doc, pack, castOf(pack), options.startClock, token);
  const findings: Finding[] = [];
  for (const rule of options.rules ?? allRules) {
    if (token.isCancellationRequested) break;
    if (options.severities?.[rule.id] === 'off') continue;
    try {
      // One push per finding: a spread passes every finding as an argument, and a rule with
      // some hundred thousand findings (a hostile script) would overflow the stack and lose them.
      // (Rules may also hand out an array they keep: it is only read here.)
      for (const finding of rule.check(script, token)) findings.push(finding);
    } catch (error) {
      options.onRuleError?.(rule.id, error);
    }
  }
  return { findings: applyConventions(script, findings, options), script };
}

/** Fan fiction's conventions and the writer's settings, applied to what the rules found. */
function applyConventions(script: Script, findings: readonly Finding[], options: CheckOptions): Finding[] {
  const { mode, divergeAt, ignoredLines } = script.conventions;
  const out: Finding[] = [];
  for (const finding of findings) {
    const continuity = finding.ruleId.startsWith('continuity.');
    if (continuity && mode === 'au') continue;
    if (ignoredLines.size > 0 && ignoredLines.has(script.lineOf(finding.span.start))) continue;
    let severity: Severity = options.severities?.[finding.ruleId] as Severity | undefined ?? finding.severity;
    if (continuity && divergeAt !== undefined && finding.span.start > divergeAt) severity = 'hint';
    out.push(severity === finding.severity ? finding : { ...finding, severity });
  }
  return out.sort((a, b) => a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId));
}

/** Checks the chapters of one story in order, each starting where the previous one left the clock. */
export function checkStory(docs: readonly FountainDocument[], pack: CanonPack, options: CheckOptions, token: CancellationToken): CheckResult[] {
  const results: CheckResult[] = [];
  let clock = options.startClock;
  for (const doc of docs) {
    const result = checkScript(doc, pack, { ...options, startClock: clock }, token);
    results.push(result);
    clock = result.script.endClock;
  }
  return results;
}
