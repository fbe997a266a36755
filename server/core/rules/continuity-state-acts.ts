import type { CanonState } from '../canon/model';
import type { Finding } from '../finding';
import type { Referent } from '../story/clauses';
import { baseForms, canBeVerb, isBe } from '../story/lemma';
import { moodAt, negatedAfter } from '../story/mood';
import { baseOf, type ClauseInfo, type Script, writtenAt } from '../story/script';
import { finiteForm } from '../story/clauses';
import { StoryFindings } from './memo';
import { newlineOf, stateFinding } from './state-finding';
import type { Rule } from './rule';
import { characterName, cite, clockSources, stateBeginsIn, stateLabel, statesForbidding } from './support';

// Verbs and words anyone can be the subject of without acting, whatever the state says.
const STATIVE = new Set(['be', 'have', 'seem', 'look', 'appear', 'remain', 'stay', 'lie', 'lay', 'sleep', 'breathe',
  'rest', 'need', 'deserve', 'asleep', 'unconscious', 'motionless', 'still', 'pale', 'silent', 'unresponsive',
  'alone', 'comatose', 'hooked', 'connected', 'surrounded', 'wrapped',
  // Things that happen to a body rather than things it does.
  'die', 'stir', 'twitch', 'flinch', 'shiver', 'tremble', 'sweat', 'bleed', 'heal', 'fade', 'weaken', 'worsen',
  'improve', 'dream', 'drift', 'float', 'fall', 'wake', 'recover', 'get', 'grow', 'become', 'flatline', 'seize', 'convulse']);
// A verb that starts with one of these is not done: "Cassie never reacts".
const NEGATING = new Set(['never', 'not', 'barely', 'hardly', 'almost', 'nearly', 'cannot', 'can', 'could', 'would',
  'might', 'may', 'will', 'should', 'must', 'tries', 'try', 'tried', 'wants', 'wanted']);
// Words between a subject and its verb that are neither: "Cassie then blinks".
const ADVERBS = new Set(['then', 'still', 'also', 'just', 'again', 'now', 'even', 'finally', 'suddenly', 'already', 'soon']);
// Only these pronouns can be the subject of a verb; "Her mother reads" is not Cassie reading.
const SUBJECT_PRONOUNS = new Set(['she', 'he', 'i']);
// Words before the subject that still leave it the subject: "Then, slowly, Cassie ...".
const LEADING = new Set(['then', 'suddenly', 'now', 'finally', 'still', 'meanwhile', 'later', 'here', 'there', 'again', 'and',
  // Time phrases that open a sentence without a comma: "That night Cassie walks out."
  'that', 'this', 'night', 'morning', 'afternoon', 'evening', 'day', 'week', 'month', 'year', 'next', 'hours', 'minutes',
  'moments', 'soon', 'at', 'dawn', 'midnight', 'noon', 'tonight', 'today', 'eventually', 'afterwards', 'afterward', 'one', 'by']);
// Words after a name that show it is not the subject of a verb.
const NOT_VERBS = new Set(["'s", 'and', 'or', 'with', 'in', 'on', 'at', 'of', 'to', 'from', 'by', 'for', 'who', 'whose',
  'which', 'that', 'the', 'a', 'an', 'her', 'his', 'their', 'shore', 'into', 'under', 'beside', 'near', 'like', 'as']);

export const rule: Rule = {
  id: 'continuity.state-acts',
  description: 'Narration has a character act while a canon state (such as a coma) stops them from acting.',
  defaultSeverity: 'warning',
  check(script: Script): Finding[] {
    // Before and after the edited scene, the findings of the analysis before (memo.ts StoryFindings):
    // the same clauses at the same clocks. A finding points back to where the clock was last set;
    // the line break is the one thing of the whole script a finding's fix uses.
    const run = kept.begin(script, newlineOf(script), clockSources(script));
    // One warning per paragraph and state: "Cassie reaches out and grips the rail" is one slip.
    // (The key is made only for a clause that acts: most clauses in a coma arc do not.)
    const reported = new Set<string>();
    const infos = script.narration;
    const { from, to } = run.range(infos, (c) => baseOf(script, c.passage));
    for (let i = from; i < to; i++) {
      const info = infos[i];
      for (const state of statesForbidding(script, 'act', info.clock)) {
        const act = actingSubjectOf(info, state);
        if (!act || stateBeginsIn(script, info.passage, state)) continue;
        const base = baseOf(script, info.passage);
        const key = `${base}:${state.id}`;
        if (reported.has(key)) continue;
        reported.add(key);
        const span = { start: base + act.referent.start, end: base + act.verbEnd };
        run.push(stateFinding(script, rule.id, rule.defaultSeverity, state, span,
          `${subjectText(script, info.passage, act.referent)} ${act.verb}, but ${stateLabel(script, state)} and cannot act.${cite(state)}`), base);
      }
    }
    return run.finish();
  },
};

const kept = new StoryFindings();

interface Acting {
  readonly referent: Referent;
  readonly verb: string;
  readonly verbEnd: number;
}

/**
 * Who acts in a clause depends on the clause and the state alone (offsets count from the passage),
 * so it is worked out once per clause the passage cache keeps; whether the state holds there is
 * the clock's business, asked at every analysis.
 */
const acting = new WeakMap<ClauseInfo['clause'], Map<string, Acting | undefined>>();

function actingSubjectOf(info: ClauseInfo, state: CanonState): Acting | undefined {
  // Most clauses do not name the state's character at all: no memo to look up for them.
  if (!names(info.clause, state.character)) return undefined;
  let known = acting.get(info.clause);
  if (!known) {
    known = new Map();
    acting.set(info.clause, known);
  }
  if (!known.has(state.id)) known.set(state.id, actingSubject(info, state));
  return known.get(state.id);
}

function names(clause: ClauseInfo['clause'], characterId: string): boolean {
  for (const referent of clause.referents) if (referent.characterId === characterId) return true;
  return false;
}

const allowedSets = new WeakMap<CanonState, ReadonlySet<string>>();

/** What anyone may do, and what the state allows: one set per state, not one per clause. */
function allowedBy(state: CanonState): ReadonlySet<string> {
  let allowed = allowedSets.get(state);
  if (!allowed) {
    allowed = new Set([...STATIVE, ...state.allows]);
    allowedSets.set(state, allowed);
  }
  return allowed;
}

/** The state's character as the subject of an action verb that really happens in this clause. */
function actingSubject(info: ClauseInfo, state: CanonState): Acting | undefined {
  const { clause } = info;
  const allowed = allowedBy(state);
  for (const referent of clause.referents) {
    if (referent.characterId !== state.character || !leadsClause(info, referent)) continue;
    const tokens = clause.tokens;
    if (referent.kind === 'pronoun' && !SUBJECT_PRONOUNS.has(tokens.word(referent.tokenStart))) continue;
    let v = skipInsertion(clause, referent.tokenEnd);
    while (v < clause.to && tokens.isWord(v) && (tokens.word(v).endsWith('ly') || ADVERBS.has(tokens.word(v)))) v++;
    if (v >= clause.to) continue;
    const verb = tokens.wordAt(v);
    if (verb === undefined || NOT_VERBS.has(verb) || tokens.capitalized(v) || NEGATING.has(verb)) continue;
    // A word no verb could be ("Capulet bareheaded"), or a bare "-ing" with no "is" before it, a
    // shot's description rather than a sentence ("Cassie turning. Cassie stretching."), acts not.
    if (!canBeVerb(verb) || !finiteForm(verb)) continue;
    if (moodAt(clause, v) !== 'actual' || negatedAfter(clause, v)) continue;
    if (isBe(verb) && !progressiveAction(info, v, allowed)) continue;
    if (baseForms(verb).some((f) => allowed.has(f))) continue;
    return { referent, verb, verbEnd: tokens.end(v) };
  }
  return undefined;
}

/** "is dancing" acts; "is wheeled in", "is asleep", "is lying there" do not. */
function progressiveAction(info: ClauseInfo, be: number, allowed: ReadonlySet<string>): boolean {
  const next = info.clause.tokens.wordAt(be + 1);
  if (next === undefined || !next.endsWith('ing') || next === 'being') return false;
  return !baseForms(next).some((f) => allowed.has(f));
}

function leadsClause(info: ClauseInfo, referent: Referent): boolean {
  const { clause } = info;
  // An opening phrase set off by a comma leaves the name the subject: "That night, Cassie walks out."
  const tokens = clause.tokens;
  const before = referent.tokenStart - 1;
  if (referent.tokenStart > clause.from && tokens.kind(before) === 'comma' && !clause.referents.some((r) => r.tokenStart < referent.tokenStart)) return true;
  for (let i = clause.from; i < referent.tokenStart; i++) {
    const kind = tokens.kind(i);
    if (kind === 'comma') continue;
    if (kind === 'word' && (LEADING.has(tokens.word(i)) || tokens.word(i).endsWith('ly'))) continue;
    return false;
  }
  return true;
}

/**
 * "Cassie, in her coma, mouths a word": an aside between commas stands between subject and verb.
 * Where no second comma closes it, what follows the name is a description, not a verb:
 * "CASSIE SHORE, struck through.", "Cassie, still as the sheets around her."
 */
function skipInsertion(clause: ClauseInfo['clause'], at: number): number {
  if (at >= clause.tokens.length || clause.tokens.kind(at) !== 'comma') return at;
  for (let i = at + 1; i < Math.min(clause.to, at + 9); i++) {
    if (clause.tokens.kind(i) === 'comma') return i + 1;
  }
  return clause.to;
}

/** The subject as the writer wrote it, where a conjunction stands for it the name it stands for. */
function subjectText(script: Script, passage: number, referent: Referent): string {
  const shared = referent.sharedFrom;
  if (!shared) return writtenAt(script, passage, referent);
  return shared.kind === 'name' ? writtenAt(script, passage, shared) : characterName(script, referent.characterId);
}
