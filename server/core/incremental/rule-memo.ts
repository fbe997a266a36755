/**
 * The rules' side of the seam (database.ts): a rule says what its findings depend on (its scope,
 * rules/rule.ts) and is otherwise a pure function of the analysed script; here its findings are
 * taken from its results for the analysis before where the edit cannot have changed them.
 */
import type { Finding, Fix } from '../finding';
import { baseOffset, shiftSpan, type Span } from '../span';
import type { CancellationToken } from '../cancellation';
import type { ClauseRule, PassageRule, Rule, StoryRule } from '../rules/rule';
import { baseOf, type ClauseInfo, type Reused, type Script, type StorySource } from '../story/script';
import { countBefore } from '../sorted';
import type { Tokens } from '../story/words';

/** What the seam keeps for one rule: its results by analysis, and for clause rules its slot in each clause's memo. */
export class RuleMemo {
  readonly slot: number;
  readonly results = new WeakMap<object, Result>();
  readonly passages = new WeakMap<Tokens, Kept>();

  constructor(slot: number) {
    this.slot = slot;
  }
}

/** Where a rule's earlier results are kept, or none (a check with no database keeps nothing). */
export interface RuleStore {
  readonly memo: RuleMemo | undefined;
  /** How many clause memo slots rules have taken: a clause's memo is sized for all of them. */
  readonly slots: number;
}

/** A rule's findings for a script: through its memo where the store has one, else worked out whole. */
export function findingsOf(rule: Rule, script: Script, store: RuleStore, token: CancellationToken): Finding[] {
  switch (rule.scope) {
    case 'clause': return clauseRule(rule, script, store);
    case 'passage': return passageRule(rule, script, store, token);
    case 'story': return storyRule(rule, script, store, rule.context?.(script) ?? '', rule.pointsBack ? script.sources : []);
    default: return rule.check(script, token);
  }
}

/** A rule's findings worked out whole, keeping nothing: for tests of one rule, and checks without a database. */
export function checkRule(rule: Rule, script: Script, token: CancellationToken): Finding[] {
  return findingsOf(rule, script, { memo: undefined, slots: 0 }, token);
}

function clauseRule(rule: ClauseRule, script: Script, store: RuleStore): Finding[] {
  const prepared = rule.prepare(script);
  if (prepared === undefined) return [];
  const infos = script.narration;
  if (rule.readsClock?.(script)) {
    // Judged at the clause's clock: kept as a story rule's findings, over the same clauses.
    return storyRule({
      ...rule, scope: 'story', items: () => infos, passageOf: (info: ClauseInfo) => info.passage,
      check: (s, from, to, found) => {
        for (let i = from; i < to; i++) for (const finding of rule.check(s, infos[i], prepared)) found(finding, infos[i].passage);
      },
    }, script, store, '', []);
  }
  const memo = store.memo;
  if (!memo) return infos.flatMap((info) => rule.check(script, info, prepared));
  const out = new Collector(script, memo.results);
  const { from, to } = out.range(infos, (info) => baseOffset(baseOf(script, info.passage)));
  for (let i = from; i < to; i++) {
    const info = infos[i];
    const base = baseOffset(baseOf(script, info.passage));
    let kept = keptIn(info.clause, memo.slot);
    if (!kept) {
      kept = keep(base, rule.check(script, info, prepared));
      keepIn(info.clause, memo.slot, kept, store.slots);
    }
    out.add(kept, base);
  }
  return out.finish();
}

function passageRule(rule: PassageRule, script: Script, store: RuleStore, token: CancellationToken): Finding[] {
  const memo = store.memo;
  const passages = script.passages;
  if (!memo) return passages.flatMap((passage, i) => rule.check(script, passage, i));
  const out = new Collector(script, memo.results);
  const { from, to } = out.range(script.places.elements, (element) => script.doc.elements[element].start);
  for (let i = from; i < to; i++) {
    if (token.isCancellationRequested) return [];
    const passage = passages[i];
    const base = baseOffset(baseOf(script, i));
    let kept = memo.passages.get(passage.tokens);
    if (!kept) {
      kept = keep(base, rule.check(script, passage, i));
      memo.passages.set(passage.tokens, kept);
    }
    out.add(kept, base);
  }
  return out.finish();
}

function storyRule(rule: StoryRule, script: Script, store: RuleStore, context: string, sources: readonly StorySource[]): Finding[] {
  const items = rule.items(script);
  const memo = store.memo;
  if (!memo) {
    const findings: Finding[] = [];
    rule.check(script, 0, items.length, (finding) => findings.push(finding));
    return findings;
  }
  const run = new Collector(script, memo.results, context, sources);
  const { from, to } = run.range(items, (item) => baseOffset(baseOf(script, rule.passageOf(item))));
  rule.check(script, from, to, (finding, passage) => run.push(finding, baseOffset(baseOf(script, passage))));
  return run.finish();
}

/**
 * A rule's findings for a script, with the passage base each came from (ascending), kept under the
 * script's version for the analysis after it, with the facts of the whole script they were found
 * with (`context`) and, for story rules, the places the story was set that they may point back to.
 */
export interface Result {
  readonly findings: readonly Finding[];
  readonly bases: readonly number[];
  readonly context: string;
  readonly sources?: readonly StorySource[];
}

/**
 * Collects a rule's findings item by item (in passage order), taking those of the parts of the
 * script an analysis took from the one before (Script.reused) from the rule's result for that
 * analysis: before the edit unchanged, after it moved. There every item is the earlier one. Saves
 * a pass over every clause or passage the edit did not reach.
 */
class Collector {
  readonly #findings: Finding[] = [];
  readonly #bases: number[] = [];
  readonly #script: Script;
  readonly #results: WeakMap<object, Result>;
  readonly #context: string;
  readonly #sources: readonly StorySource[] | undefined;
  readonly #earlier: Result | undefined;
  readonly #headEnd: number;
  readonly #tail: Reused['tail'];
  /** Where the last place the story was set before the tail was in the earlier analysis, and where it is now. */
  readonly #source: SourceMove | undefined;

  /**
   * `sources`, for findings that may point back to where the story was last set: the part after
   * the edit is taken only where that place before it is the same one.
   */
  constructor(script: Script, results: WeakMap<object, Result>, context = '', sources?: readonly StorySource[]) {
    this.#script = script;
    this.#results = results;
    this.#context = context;
    this.#sources = sources;
    const reused = script.reused;
    const earlier = reused && results.get(reused.earlier);
    this.#earlier = earlier?.context === context ? earlier : undefined;
    this.#headEnd = this.#earlier && reused ? reused.headEnd : 0;
    const tail = this.#earlier && reused?.tail;
    const source = tail && sources ? sameSourceBefore(sources, tail.offset, this.#earlier?.sources ?? [], tail.offset - tail.delta, this.#headEnd) : NOT_MOVED;
    this.#tail = tail && source ? tail : undefined;
    this.#source = source && source !== NOT_MOVED ? source : undefined;
  }

  /**
   * Which of `items` (in passage order) to go through, by index: those in neither part taken.
   * Takes the earlier findings before the first of them.
   */
  range<T>(items: readonly T[], baseOf: (item: T) => number): { from: number; to: number } {
    const earlier = this.#earlier;
    if (earlier) {
      const head = countBefore(earlier.bases, (b) => b, this.#headEnd);
      for (let i = 0; i < head; i++) this.push(earlier.findings[i], earlier.bases[i]);
    }
    return {
      from: countBefore(items, baseOf, this.#headEnd),
      to: this.#tail ? countBefore(items, baseOf, this.#tail.offset) : items.length,
    };
  }

  /** A finding of the item whose passage stands at `base`. */
  push(finding: Finding, base: number): void {
    this.#findings.push(finding);
    this.#bases.push(base);
  }

  /** Findings kept with an item, moved to where it stands now. */
  add(kept: Kept, base: number): void {
    for (const finding of kept.findings) this.push(kept.base === base ? finding : moved(finding, base - kept.base), base);
  }

  /**
   * The findings, with those of the part taken after the edit appended, moved (what they point
   * back to before it stays), kept for the analysis after this one.
   */
  finish(): Finding[] {
    const tail = this.#tail;
    const earlier = this.#earlier;
    if (tail && earlier) {
      const from = tail.offset - tail.delta;
      for (let i = countBefore(earlier.bases, (b) => b, from); i < earlier.findings.length; i++) {
        this.push(movedFrom(earlier.findings[i], from, tail.delta, this.#source), earlier.bases[i] + tail.delta);
      }
    }
    this.#results.set(this.#script.version, { findings: this.#findings, bases: this.#bases, context: this.#context, sources: this.#sources });
    return this.#findings;
  }
}

/** What a clause's memo (Clause.memo) holds for the rule in `slot`; undefined where it has not looked. */
function keptIn(clause: { readonly memo?: number | unknown[] }, slot: number): Kept | undefined {
  const memo = clause.memo;
  if (memo === undefined) return undefined;
  if (typeof memo === 'number') return slot < 31 && (memo & (1 << slot)) !== 0 ? NOTHING : undefined;
  return memo[slot] as Kept | undefined;
}

/**
 * Keeps a rule's findings in a clause's memo. Most clauses have none for any rule: their memo is
 * a bit per rule that looked, and becomes one slot per rule (sized once, as the rules took their
 * slots as they loaded) only for a clause where a rule found something. One array per clause was
 * 4 MB of a 200k-line script's heap.
 */
function keepIn(clause: { memo?: number | unknown[] }, slot: number, kept: Kept, slots: number): void {
  const memo = clause.memo;
  if (typeof memo === 'object') {
    memo[slot] = kept;
  } else if (kept === NOTHING && slot < 31) {
    clause.memo = (memo ?? 0) | (1 << slot);
  } else {
    const slotted: unknown[] = new Array(slots);
    for (let i = 0; i < 31 && i < slots; i++) if (memo !== undefined && (memo & (1 << i)) !== 0) slotted[i] = NOTHING;
    slotted[slot] = kept;
    clause.memo = slotted;
  }
}

/** Findings worked out where their clause or passage stood at `base`. */
export interface Kept {
  readonly base: number;
  readonly findings: readonly Finding[];
}

/**
 * Most clauses and passages have no finding for a rule: they all share this one, which moves
 * nowhere. (One object and one array per clause per rule was 15 MB of a 200k-line script's heap.)
 */
const NOTHING: Kept = Object.freeze({ base: 0, findings: Object.freeze([]) });

function keep(base: number, findings: readonly Finding[]): Kept {
  return findings.length === 0 ? NOTHING : { base, findings };
}

/**
 * A list in offset order kept per analysis (in `lists`, by Script.version), for `script` from the
 * one kept for the analysis it took from (Script.reused): the earlier items before the edited scene
 * as they were, `between(from, to)` for the offsets the analysis read again, and the earlier items
 * after it, moved by the edit's delta. The whole list is `between(0, Infinity)` where nothing was
 * taken. What a rule that keeps such a list does at every keystroke, instead of going through every
 * clause or passage of the script.
 */
export function reusedList<T>(script: Pick<Script, 'version' | 'reused'>, lists: WeakMap<object, readonly T[]>, startOf: (item: T) => number,
  between: (from: number, to: number) => T[], move: (item: T, delta: number) => T): readonly T[] {
  const known = lists.get(script.version);
  if (known) return known;
  const reused = script.reused;
  const earlier = reused && lists.get(reused.earlier);
  let list: T[];
  if (earlier && reused) {
    list = [];
    for (let i = 0; i < earlier.length && startOf(earlier[i]) < reused.headEnd; i++) list.push(earlier[i]);
    for (const item of between(reused.headEnd, reused.tail?.offset ?? Infinity)) list.push(item);
    if (reused.tail) {
      const { offset, delta } = reused.tail;
      for (let i = countBefore(earlier, startOf, offset - delta); i < earlier.length; i++) list.push(move(earlier[i], delta));
    }
  } else {
    list = between(0, Infinity);
  }
  lists.set(script.version, list);
  return list;
}

/** Where a finding of the tail that pointed back to the place the story was last set (`from`) now points (`to`). */
interface SourceMove {
  readonly from: Span;
  readonly to: Span;
}

/** The source did not move, or there is none: what the tail points back to stays. */
const NOT_MOVED: SourceMove = Object.freeze({ from: Object.freeze({ start: -1, end: -1 }), to: Object.freeze({ start: -1, end: -1 }) });

/**
 * Whether the last place the story was set before `offset` is, in both analyses, the same place,
 * or in neither there is one; false where they differ. Before `headEnd` neither analysis moved it.
 * In the scene read again (the place set by an anchor or an event there, typing after or before it
 * in the scene) it is the same where it says the same and only moved: then what the tail's findings
 * point back to is moved with it (SourceMove). Where the clock stands at the tail the walk has
 * already checked (walk-reuse.ts spliceWalk).
 */
function sameSourceBefore(now: readonly StorySource[], offset: number, earlier: readonly StorySource[], earlierOffset: number,
  headEnd: number): SourceMove | false {
  const a = now[countBefore(now, (s) => s.start, offset) - 1];
  const b = earlier[countBefore(earlier, (s) => s.start, earlierOffset) - 1];
  if (!a || !b) return !a && !b ? NOT_MOVED : false;
  if (a.related.message !== b.related.message) return false;
  const shift = a.start - b.start;
  const spanMoved = a.related.span.start - b.related.span.start === shift && a.related.span.end - b.related.span.end === shift;
  if (a.start < headEnd || b.start < headEnd) return shift === 0 && spanMoved ? NOT_MOVED : false;
  if (!spanMoved) return false;
  return shift === 0 ? NOT_MOVED : { from: b.related.span, to: a.related.span };
}

/**
 * The finding with what stands at or after `from` moved by `delta`: what points back before it
 * stays, but for the place the story was set in the scene read again, which `source` moves.
 */
function movedFrom(finding: Finding, from: number, delta: number, source?: SourceMove): Finding {
  const by = (span: Span): Span => {
    if (span.start >= from) return shiftSpan(span, delta);
    return source && span.start === source.from.start && span.end === source.from.end ? source.to : span;
  };
  const { ruleId, severity, message } = finding;
  const span = by(finding.span);
  const related = finding.related?.map((r) => (r.uri === undefined ? { span: by(r.span), message: r.message } : r));
  const fixes = finding.fixes?.map((fix) => movedFix(fix, by));
  // Made whole, with the fields the finding has, in the rules' order: a spread copy kept the
  // fields after it in a store of its own, and every keystroke moves every finding after the edit.
  if ('related' in finding) return 'fixes' in finding ? { ruleId, severity, span, message, related, fixes } : { ruleId, severity, span, message, related };
  return 'fixes' in finding ? { ruleId, severity, span, message, fixes } : { ruleId, severity, span, message };
}

/** A fix with its edits in this document moved (`by`); those in other files stay. */
function movedFix(fix: Fix, by: (span: Span) => Span): Fix {
  const edits = fix.edits.map((e) => (e.uri === undefined ? { span: by(e.span), newText: e.newText } : e));
  return 'preferred' in fix ? { title: fix.title, edits, preferred: fix.preferred } : { title: fix.title, edits };
}

/** The finding `delta` characters further on: its span, its related places in this document and its edits. */
export function moved(finding: Finding, delta: number): Finding {
  return movedFrom(finding, -Infinity, delta);
}
