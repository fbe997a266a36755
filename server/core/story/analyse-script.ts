import type { CancellationToken } from '../cancellation';
import type { CanonPack } from '../canon/model';
import type { FountainDocument } from '../fountain/model';
import { LineIndex } from '../lines';
import type { Cast } from './cast';
import { ClockWalk, walkClock } from './clock-walk';
import { sourcesBetween } from './clock-sources';
import { readConventions } from './conventions';
import { Database } from '../incremental/database';
import { reusedList } from '../incremental/rule-memo';
import { shiftSpan } from '../span';
import { findScenes } from './scenes';
import { narratesInPast } from './tense';
import type { Clock, Script } from './script';
import { forgetLineage } from '../fountain/state';

/**
 * Reads the whole script: scenes, passages, the story clock through it, events narrated and said.
 * `db` is where what earlier analyses read is kept (incremental/database.ts); without one, nothing
 * is taken from them or kept.
 */
export function analyseScript(doc: FountainDocument, pack: CanonPack, cast: Cast, start: Clock | undefined,
  token: CancellationToken, db = new Database({ reuse: false })): Script {
  db.beginAnalysis();
  // Built when first asked: most analyses ask no line at all.
  let lines: LineIndex | undefined;
  const lineOf = (offset: number): number => (lines ??= new LineIndex(doc.text)).positionAt(offset).line;
  const canon = db.compiled(pack);
  // A story nothing earlier places starts after the canon's backstory, where the pack has one.
  const startClock = start ?? canon.backstoryClock;
  const conventions = readConventions(doc, lineOf);
  // How the passages are built: afresh, or through the seam taking what an earlier analysis of
  // this document read (incremental/passage-reuse.ts). This code does not know which.
  const builder = db.passageBuilder(doc, cast, pack, startClock);
  const landmarks = builder.landmarks(doc);
  const { scenes, offClock } = findScenes(doc.elements, doc.text.length, landmarks);
  const built = builder.build(doc, cast, scenes);
  const { passages, places } = built;
  const pastIsBackstory = !narratesInPast(built.tense);
  const walk = new ClockWalk(canon, cast, startClock, offClock, pastIsBackstory, builder.reader());
  const anchors = builder.anchors(doc, pack);
  const placed = { doc, places };
  const from = builder.walkStart({ walk, placed, scenes, offClock, anchors, pastIsBackstory, startClock });
  const { complete, walked } = walkClock(walk, { placed, passages, scenes, anchors }, token, from);
  const stats = db.stats;
  stats.walked = walked;
  stats.keyed = builder.keyed;
  const version = {};
  const reused = builder.keep({ doc, built, landmarks, complete, version, walk, placed, scenes, offClock, anchors, pastIsBackstory, startClock });
  // The document's lineage (which elements an edit kept) served this analysis only.
  forgetLineage(doc);
  const records = { doc, places, occurrences: walk.occurrences, anchors: walk.anchors };
  // Where the clock is set: before and after the edited scene the events and notes are the earlier
  // analysis's, so their places are too, those after it moved; only the edited scene's are found again.
  const sources = reusedList({ version, reused }, db.sourceLists, (s) => s.start, (from, to) => sourcesBetween(records, from, to),
    ({ start, related }, delta) => ({ start: start + delta, related: { ...related, span: shiftSpan(related.span, delta) } }));
  const queries = db.queriesFor();
  const script: Script = {
    doc, pack, cast, canon, passages, places, scenes, conventions, lineOf,
    anchors: walk.anchors, narration: walk.narration, occurrences: walk.occurrences, said: walk.said, cues: walk.cues,
    startClock, endClock: walk.clock, sources, newline: doc.text.includes('\r\n') ? '\r\n' : '\n', queries, version, reused,
    clockAt: (offset) => walk.clockAt(offset),
  };
  queries.bind(script);
  return script;
}
