import type { Cue, FountainDocument } from '../fountain/model';
import type { Span } from '../span';

export interface Speaker {
  /** The name as first written in a cue. */
  readonly name: string;
  /** How many cues the script gives this character. */
  readonly count: number;
}

/**
 * The order in which the script's characters are likely to speak next at `offset`, as Final Draft
 * guesses it. In the scene around the cursor, speakers are taken by how recently they spoke; the one
 * who spoke before the last speaker goes on top (in an exchange between two, they answer next), and
 * the last speaker goes after the scene's others (they may speak again, after action, but seldom
 * straight away). Then come those who speak only later in the scene, then the rest of the script,
 * most frequent first. Names are the same character whatever their case.
 */
export function speakerOrder(doc: FountainDocument, cues: readonly Cue[], offset: number): Speaker[] {
  const counts = countCues(cues);
  const scene = sceneAround(doc, offset);
  const inScene = cues.filter((cue) => cue.start >= scene.start && cue.start < scene.end);
  const keys = distinct([
    ...byRecency(inScene.filter((cue) => cue.start < offset)),
    ...inScene.filter((cue) => cue.start >= offset).map(key),
    ...[...counts.keys()].sort((a, b) => (counts.get(b)?.count ?? 0) - (counts.get(a)?.count ?? 0)),
  ]);
  return keys.map((name) => counts.get(name) as Speaker);
}

/** Speakers before the cursor, the one before the last first and the last one last. */
function byRecency(before: readonly Cue[]): string[] {
  const recent = distinct(before.map(key).reverse());
  if (recent.length < 2) return recent;
  const [last, previous, ...others] = recent;
  return [previous, ...others, last];
}

/** From the scene heading at or before `offset` to the next one; the whole script before any heading. */
function sceneAround(doc: FountainDocument, offset: number): Span {
  let start = 0;
  let end = doc.text.length;
  for (const element of doc.elements) {
    if (element.type !== 'scene-heading') continue;
    if (element.start <= offset) start = element.start;
    else {
      end = element.start;
      break;
    }
  }
  return { start, end };
}

/** Cue counts by name in capitals, in order of first appearance, with the first spelling kept. */
function countCues(cues: readonly Cue[]): Map<string, Speaker> {
  const counts = new Map<string, Speaker>();
  for (const cue of cues) {
    const seen = counts.get(key(cue));
    if (cue.name.trim() !== '') counts.set(key(cue), { name: seen?.name ?? cue.name.trim(), count: (seen?.count ?? 0) + 1 });
  }
  return counts;
}

function key(cue: Cue): string {
  return cue.name.trim().toUpperCase();
}

function distinct(keys: readonly string[]): string[] {
  return [...new Set(keys.filter((name) => name !== ''))];
}
