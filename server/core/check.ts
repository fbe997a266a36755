import type { CancellationToken } from './cancellation';
import type { CanonPack } from './canon/model';
import type { Finding, Severity } from './finding';
import type { FountainDocument } from './fountain/model';
import { Database } from './incremental/database';
import { findingsOf } from './incremental/rule-memo';
import { rules as allRules } from './rules/registry';
import type { Rule } from './rules/rule';
import { analyseScript } from './story/analyse-script';
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
  /**
   * Where what earlier checks worked out is kept, for this one to take what an edit did not change
   * (incremental/database.ts): the host's, for as long as it runs. Without one, the check keeps
   * nothing and takes nothing.
   */
  readonly db?: Database;
}

export interface CheckResult {
  readonly findings: Finding[];
  readonly script: Script;
}

/**
 * Checks a parsed script against a canon pack: the one function the CLI and the server both call,
 * so that they never disagree.
 */
export function checkScript(doc: FountainDocument, pack: CanonPack, options: CheckOptions, token: CancellationToken): CheckResult {
  const db = options.db ?? new Database({ reuse: false });
  const script = analyseScript(doc, pack, db.cast(pack), options.startClock, token, db);
  const findings: Finding[] = [];
  for (const rule of options.rules ?? allRules) {
    if (token.isCancellationRequested) break;
    if (options.severities?.[rule.id] === 'off') continue;
    try {
      // One push per finding: a spread passes every finding as an argument, and a rule with
      // some hundred thousand findings (a hostile script) would overflow the stack and lose them.
      // (Rules may also hand out an array they keep: it is only read here.)
      const store = { memo: db.reuse ? db.ruleMemo(rule) : undefined, slots: db.slots };
      for (const finding of findingsOf(rule, script, store, token)) findings.push(finding);
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
  // One database for the chapters: they share the pack's cast and compiled canon.
  options = { ...options, db: options.db ?? new Database() };
  for (const doc of docs) {
    const result = checkScript(doc, pack, { ...options, startClock: clock }, token);
    results.push(result);
    clock = result.script.endClock;
  }
  return results;
}
