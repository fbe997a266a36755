import * as assert from 'node:assert/strict';
import { notCancelled } from '../../../server/core/cancellation';
import { checkStory } from '../../../server/core/check';
import { parse } from '../../../server/core/fountain/parse';
import type { StoryTimeline } from '../../../server/core/timeline/model';
import { storyTimeline } from '../../../server/core/timeline/story';
import { canon, lines } from '../names/support';

/** Two chapters: the fall and the coma, then a flashback, the awakening and a slip in canon order. */
export const CHAPTER_ONE = lines(
  'Title: _After_ the Fall',
  '',
  'FADE IN:',
  '',
  'EXT. ARCHER SCHOOL - ROOF - NIGHT',
  '',
  'Delia pushes Cassie off the roof.',
  '',
  'INT. HOSPITAL - ICU - NIGHT',
  '',
  'Bette sits by the bed.',
  '',
  'CASSIE',
  'Get out.',
);
export const CHAPTER_TWO = lines(
  'EXT. ARCHER SCHOOL - ROOF - NIGHT (FLASHBACK)',
  '',
  'Cassie laughs at the edge.',
  '',
  'INT. HOSPITAL - ICU - DAY',
  '',
  '[[canon: after Cassie wakes from her coma]]',
  '',
  'Cassie sits up and asks for water.',
  '',
  'INT. POLICE STATION - DAY',
  '',
  'The fingerprints reveal that Bette was framed.',
);

/** The two chapters checked as one story, on the built-in canon. */
export function exampleTimeline(): StoryTimeline {
  const results = checkStory([parse(CHAPTER_ONE), parse(CHAPTER_TWO)], canon().pack, {}, notCancelled);
  const made = storyTimeline([
    { name: 'chapter-1.fountain', uri: 'file:///story/chapter-1.fountain', result: results[0] },
    { name: 'chapter-2.fountain', result: results[1] },
  ], notCancelled);
  assert.ok(made);
  return made;
}

