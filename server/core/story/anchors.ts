import type { CanonDay, CanonEvent, CanonPack } from '../canon/model';
import type { Span } from '../span';
import { editDistance } from '../distance';
import { sameWord } from './lemma';
import { tokenize } from './words';

/** Where the story stands against what the anchor names; 'on' is during a day (for an event, after it). */
export type AnchorRelation = 'after' | 'before' | 'on';

/** A `[[canon: after Cassie's fall]]` or `[[canon: on the ides of March]]` note: where the writer pins the story clock. */
export interface Anchor {
  readonly span: Span;
  readonly relation: AnchorRelation;
  /** The words naming the event, and where they stand. */
  readonly target: string;
  readonly targetSpan: Span;
  /** The event the words name, or undefined where none matches (or they name a day). */
  readonly event?: CanonEvent;
  /** The day the words name, where they name one of the pack's days better than any event. */
  readonly day?: CanonDay;
}

const STOP_WORDS = new Set(['the', 'a', 'an', "'s", 'of', 'her', 'his', 'their', 'from', 'to', 'on', 'in', 'at', 'is', 'be',
  'she', 'he', 'they', 'it', 'up', 'was', 'were', 'gets', 'get', 'by']);

function contentWords(text: string): string[] {
  return tokenize(text).words().filter((word) => !STOP_WORDS.has(word));
}

/**
 * How closely two words match: the same word inflected counts fully, a one-letter slip of a longer
 * word half ("Cassy" for "Cassie"), because "takes" and "wakes" are different words, not a typo.
 */
function closeness(a: string, b: string): number {
  if (sameWord(a, b)) return 1;
  return a.length >= 5 && b.length >= 5 && editDistance(a, b, 1) <= 1 ? 0.5 : 0;
}

/** How well the writer's words name a canon event: the share of words on both sides that meet. */
function score(query: readonly string[], name: readonly string[]): number {
  if (query.length === 0 || name.length === 0) return 0;
  const best = (w: string, others: readonly string[]): number => Math.max(0, ...others.map((o) => closeness(w, o)));
  const hitQ = query.reduce((sum, q) => sum + best(q, name), 0);
  const hitN = name.reduce((sum, n) => sum + best(n, query), 0);
  return (hitQ / query.length + hitN / name.length) / 2;
}

/**
 * An event is named by its name, its anchors, its id, and the words of its phrasings: a writer
 * who anchors "after Cassie is unplugged" names the event narration recognises by "unplug".
 */
function eventScore(event: CanonEvent, query: readonly string[], names: ReadonlySet<string>): number {
  let best = 0;
  for (const name of [event.name, ...event.anchors, event.id.replace(/-/g, ' ')]) best = Math.max(best, score(query, contentWords(name)));
  for (const phrasing of event.phrasings) {
    const words = contentWords(phrasing.pattern.replace(/\{[^}]*\}|\*/g, ' '));
    // A phrasing word only names the event together with the writer's other words, so it counts a little less.
    if (words.length > 0) best = Math.max(best, 0.9 * score(query.filter((q) => !names.has(q)), words));
  }
  return best;
}


/** Canon events, best named by the words first. */
export function rankEvents(pack: CanonPack, words: string): CanonEvent[] {
  const names = namesOf(pack);
  const query = contentWords(words);
  return pack.events
    .map((event) => ({ event, score: eventScore(event, query, names) }))
    .filter((e) => e.score > 0)
    .sort((a, b) => b.score - a.score)
    .map((e) => e.event);
}

/**
 * Names of people in an anchor ("Cassie") say whose event it is, not which event. Worked out at
 * each call: a pack has some dozens of names, and a note's anchor is read once per text (the
 * passage cache keeps it).
 */
function namesOf(pack: CanonPack): ReadonlySet<string> {
  return new Set(pack.characters.flatMap((c) => [c.name, c.first ?? '', ...c.aliases, ...c.nicknames]).flatMap((n) => contentWords(n)));
}

/** The canon event best named by the words, if any names it well enough. */
export function resolveEvent(pack: CanonPack, words: string): CanonEvent | undefined {
  return resolveTarget(pack, words).event;
}

/** How well the words name a day: by its name, its anchors and its id, as an event is named. */
function dayScore(day: CanonDay, query: readonly string[]): number {
  return Math.max(...[day.name, ...day.anchors, day.id.replace(/-/g, ' ')].map((name) => score(query, contentWords(name))));
}

/** The event or day best named by the words, if any names it well enough; a day wins a tie. */
function resolveTarget(pack: CanonPack, words: string): { event?: CanonEvent; day?: CanonDay } {
  const names = namesOf(pack);
  const query = contentWords(words);
  let best: { event?: CanonEvent; day?: CanonDay } = {};
  let bestScore = 0;
  for (const day of pack.days) {
    const s = dayScore(day, query);
    if (s > bestScore) [best, bestScore] = [{ day }, s];
  }
  for (const event of pack.events) {
    const s = eventScore(event, query, names);
    if (s > bestScore) [best, bestScore] = [{ event }, s];
  }
  return bestScore >= 0.6 ? best : {};
}

const ANCHOR = /^\[\[\s*canon\s*:\s*(after|before|since|until|on|during)?\b\s*/i;

/**
 * The anchor a note writes (`[[canon: after Cassie's fall]]`), if it is one. `note` is the note's
 * span in `text`, brackets included.
 */
export function readAnchor(text: string, note: Span, pack: CanonPack): Anchor | undefined {
  const raw = text.slice(note.start, note.end);
  const head = ANCHOR.exec(raw);
  if (!head) return undefined;
  const word = (head[1] ?? 'after').toLowerCase();
  const relation: AnchorRelation = word === 'before' || word === 'until' ? 'before' : word === 'on' || word === 'during' ? 'on' : 'after';
  const bodyStart = note.start + head[0].length;
  const closeAt = raw.lastIndexOf(']]');
  const bodyEnd = closeAt >= head[0].length ? note.start + closeAt : note.end;
  const body = text.slice(bodyStart, bodyEnd);
  const target = body.trim();
  const lead = body.length - body.trimStart().length;
  const targetSpan = { start: bodyStart + lead, end: bodyStart + lead + target.length };
  return { span: { start: note.start, end: note.end }, relation, target, targetSpan, ...resolveTarget(pack, target) };
}
