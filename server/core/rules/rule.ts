import type { CancellationToken } from '../cancellation';
import type { Finding, Severity } from '../finding';
import type { ClauseInfo, Passage, Script } from '../story/script';

/**
 * A check on an analysed script. One rule per file; the registry (registry.ts) lists them.
 * Rules whose id starts with `continuity.` are silenced in AU scripts, turned into hints after a
 * `[[diverge: ...]]` note, and never run on off-the-clock scenes; `names.` rules always run.
 *
 * A rule is pure: it reads the analysed script and returns findings, and keeps nothing. What its
 * findings depend on is said by its `scope`, and the seam that keeps results between versions
 * (incremental/rule-memo.ts) uses that to work out only what an edit can have changed:
 * - 'script' (or none): the whole script at once, at every analysis;
 * - 'clause': each clause of narration on its own (the clause, its passage's text, the canon);
 * - 'passage': each passage on its own (its text and the canon);
 * - 'story': each item in the light of the story up to it (the clock, what was said before).
 */
export type Rule = ScriptRule | ClauseRule | PassageRule | StoryRule;

export interface RuleInfo {
  /** Dotted kebab-case, stable: it is the diagnostic's code and the settings key. */
  readonly id: string;
  readonly description: string;
  readonly defaultSeverity: Severity;
}

/** Findings carry `severity: rule.defaultSeverity`; the pipeline applies settings afterwards. */
export interface ScriptRule extends RuleInfo {
  readonly scope?: 'script';
  check(script: Script, token: CancellationToken): Finding[];
}

/**
 * A rule whose findings in a clause of narration depend on that clause, its passage's text and
 * the canon alone. `prepare` works out, once per script, what every clause is checked with (or
 * undefined where the rule has nothing to look for); `check` finds one clause's findings.
 */
export interface ClauseRule<P = unknown> extends RuleInfo {
  readonly scope: 'clause';
  prepare(script: Script): P | undefined;
  /**
   * True where, for this script's canon, a clause's findings depend on its clock too (continuity.role
   * with roles held over time): its findings are then kept as a story rule's.
   */
  readsClock?(script: Script): boolean;
  check(script: Script, info: ClauseInfo, prepared: P): Finding[];
}

/** A rule whose findings in a passage depend on the passage's own text and the canon alone. */
export interface PassageRule extends RuleInfo {
  readonly scope: 'passage';
  /** `index` is the passage's in Script.passages, for where it stands. */
  check(script: Script, passage: Passage, index: number): Finding[];
}

/**
 * A rule whose findings at an item (a clause, a cue, an event narrated) depend on the story up to
 * it, on `context` (facts of the whole script the findings use, such as its line break) and, where
 * `pointsBack`, on the places the story was last set (Script.sources), which findings may point to.
 */
export interface StoryRule<T = unknown> extends RuleInfo {
  readonly scope: 'story';
  /** The items, in passage order. */
  items(script: Script): readonly T[];
  /** The passage (index into Script.passages) an item was read from. */
  passageOf(item: T): number;
  context?(script: Script): string;
  readonly pointsBack?: boolean;
  /**
   * The findings of items [from, to), each given to `found` with the passage it belongs to. A range
   * never splits a scene, so a rule may look at the items of one passage together.
   */
  check(script: Script, from: number, to: number, found: (finding: Finding, passage: number) => void): void;
}
