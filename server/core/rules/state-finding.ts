import type { CanonState, Capability } from '../canon/model';
import type { Finding, Fix } from '../finding';
import { absolute, type RelOffset, type Span } from '../span';
import type { Referent } from '../story/clauses';
import { sceneAt, type Scene } from '../story/scenes';
import { baseOf, type ClauseInfo, type Script, writtenAt } from '../story/script';
import { characterName, cite, clockSource, eventName, inLastWords, markDivergence, stateBeginsIn, stateLabel, statesForbidding } from './support';
import { countBefore } from '../sorted';
import type { StoryRule } from './rule';

/**
 * Places the scene after the event that ends the state: moves the scene's own anchor where it has
 * one (a second anchor would be overruled by it), or adds one under the scene heading.
 */
export function anchorFix(script: Script, offset: number, eventId: string): Fix {
  const scene = sceneAt(script.scenes, offset);
  const anchorText = `[[canon: after ${eventName(script, eventId)}]]`;
  const title = `Place this scene after ${eventName(script, eventId)}`;
  const own = lastAnchorBefore(script, offset, scene);
  if (own) return { title, edits: [{ span: own.anchor.span, newText: anchorText }] };
  const heading = scene.heading;
  const newline = newlineOf(script);
  if (!heading) return { title, edits: [{ span: { start: 0, end: 0 }, newText: `${anchorText}${newline}${newline}` }] };
  const at = lineEnd(script.doc.text, heading.end);
  return { title, edits: [{ span: { start: at, end: at }, newText: `${newline}${newline}${anchorText}` }] };
}

/**
 * The scene's last anchor before the offset. Anchors are in script order, so it can only be the
 * last anchor before the offset: found by binary search, since every state finding asks (a filter
 * over all anchors made a long script's check quadratic).
 */
function lastAnchorBefore(script: Script, offset: number, scene: Scene): Script['anchors'][number] | undefined {
  const count = countBefore(script.anchors, (a) => a.anchor.span.start, offset);
  const last = count > 0 ? script.anchors[count - 1] : undefined;
  return last?.scene === scene ? last : undefined;
}

/** The script's line break for inserted lines. */
export function newlineOf(script: Script): string {
  return script.newline;
}

function lineEnd(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return end;
}

/**
 * A finding that a state forbids what the script does: it points to where the state began and
 * offers to mark the line as intended, or to move the scene past the event that ends the state.
 */
export function stateFinding(script: Script, ruleId: string, severity: Finding['severity'], state: CanonState, span: Span, message: string): Finding {
  const began = clockSource(script, span.start);
  const fixes: Fix[] = [markDivergence(script, span)];
  if (state.until) fixes.push(anchorFix(script, span.start, state.until));
  return { ruleId, severity, span, message, related: began ? [began] : undefined, fixes };
}

/** What a clause of narration does against a state: who does it (as written), by which verb, where. */
export interface Breach {
  readonly who: string;
  readonly verb: string;
  readonly start: RelOffset;
  readonly end: RelOffset;
}

/**
 * A rule over narration against the states (state-acts, state-senses): the shape both share, so
 * each rule's file says only what its breach is and what the character cannot do.
 */
export function narrationStateRule<C extends Capability>(id: string, description: string, capabilities: readonly C[],
  breach: (script: Script, info: ClauseInfo, state: CanonState, capability: C) => Breach | undefined,
  cannot: (capability: C) => string): StoryRule<ClauseInfo> {
  const rule: StoryRule<ClauseInfo> = {
    id,
    description,
    defaultSeverity: 'warning',
    scope: 'story',
    items: (script) => script.narration,
    passageOf: (info) => info.passage,
    context: newlineOf,
    pointsBack: true,
    check(script: Script, from: number, to: number, found: (finding: Finding, passage: number) => void): void {
      narrationAgainstStates(script, from, to, rule.id, rule.defaultSeverity, capabilities,
        (info, state, capability) => breach(script, info, state, capability), cannot, found);
    },
  };
  return rule;
}

/**
 * The state rules over narration (state-acts, state-senses): for each clause on the clock, each
 * state forbidding one of `capabilities` that `breach` says the clause goes against, one finding
 * per paragraph and state ("Cassie reaches out and grips the rail" is one slip), except in the
 * paragraph that narrates the state's beginning or in the scene of its last words.
 */
function narrationAgainstStates<C extends Capability>(script: Script, from: number, to: number, ruleId: string,
  severity: Finding['severity'], capabilities: readonly C[], breach: (info: ClauseInfo, state: CanonState, capability: C) => Breach | undefined,
  cannot: (capability: C) => string, found: (finding: Finding, passage: number) => void): void {
  // (The key is made only for a clause that breaches: most clauses in a coma arc do not.)
  const reported = new Set<string>();
  const infos = script.narration;
  for (let i = from; i < to; i++) {
    const info = infos[i];
    for (const capability of capabilities) {
      for (const state of statesForbidding(script, capability, info.clock)) {
        const done = breach(info, state, capability);
        if (!done || stateBeginsIn(script, info.passage, state) || inLastWords(script, info.passage, state)) continue;
        const key = `${info.passage}:${state.id}`;
        if (reported.has(key)) continue;
        reported.add(key);
        const base = baseOf(script, info.passage);
        const span = { start: absolute(base, done.start), end: absolute(base, done.end) };
        found(stateFinding(script, ruleId, severity, state, span,
          `${done.who} ${done.verb}, but ${stateLabel(script, state)} and ${cannot(capability)}.${cite(state)}`), info.passage);
      }
    }
  }
}

/** A clause's subject as the writer wrote it; where a conjunction stands for it, the name it stands for. */
export function writtenSubject(script: Script, passage: number, subject: Referent): string {
  const shared = subject.sharedFrom;
  if (!shared) return writtenAt(script, passage, subject);
  return shared.kind === 'name' ? writtenAt(script, passage, shared) : characterName(script, subject.characterId);
}
