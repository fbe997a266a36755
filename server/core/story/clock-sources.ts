import { countBefore } from '../sorted';
import { baseOffset } from '../span';
import { at, baseOf, type AnchorInfo, type EventOccurrence, type Placed, type StorySource } from './script';

/** What the clock walk recorded, where the clock is set: its events narrated and its anchors. */
export interface WalkRecords extends Placed {
  readonly occurrences: readonly EventOccurrence[];
  readonly anchors: readonly AnchorInfo[];
}

/**
 * The places the clock is set in [from, to), both scene starts (or the ends of the script): narrated
 * events, then anchors, sorted by where each starts and otherwise in that order.
 */
export function sourcesBetween(script: WalkRecords, from: number, to: number): StorySource[] {
  const sources: StorySource[] = [];
  const { occurrences, anchors } = script;
  const passageStart = (o: EventOccurrence): number => baseOffset(baseOf(script, o.info.passage));
  for (let i = countBefore(occurrences, passageStart, from); i < occurrences.length && passageStart(occurrences[i]) < to; i++) {
    const o = occurrences[i];
    if (o.mood === 'irrealis') continue;
    const span = at(script, o.info.passage, o.match);
    sources.push({ start: span.start, related: { span, message: `${o.compiled.event.name} happens here` } });
  }
  for (let i = countBefore(anchors, (a) => a.anchor.span.start, from); i < anchors.length && anchors[i].anchor.span.start < to; i++) {
    const a = anchors[i];
    const named = a.anchor.event ?? a.anchor.day;
    if (!named || a.offClock) continue;
    sources.push({ start: a.anchor.span.start, related: { span: a.anchor.span, message: `The story is placed ${a.anchor.relation} ${named.name} here` } });
  }
  sources.sort((a, b) => a.start - b.start);
  return sources;
}
