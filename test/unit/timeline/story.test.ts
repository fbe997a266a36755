import * as assert from 'node:assert/strict';
import { notCancelled } from '../../../server/core/cancellation';
import { checkStory } from '../../../server/core/check';
import { parse } from '../../../server/core/fountain/parse';
import { stateSpans, storyTimeline, titleOf } from '../../../server/core/timeline/story';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadPack } from '../../../server/core/canon/load';
import { canon } from '../names/support';
import { CHAPTER_ONE, CHAPTER_TWO, exampleTimeline as timeline } from './support';

describe('the story timeline', () => {
  it('lists the scenes of every chapter in order, numbered across the story, with where each starts', () => {
    const t = timeline();
    assert.deepEqual(t.chapters, [{ name: 'chapter-1.fountain', uri: 'file:///story/chapter-1.fountain' }, { name: 'chapter-2.fountain' }]);
    assert.deepEqual(t.scenes.map((s) => [s.number, s.chapter, s.heading, s.line]), [
      [1, 0, 'EXT. ARCHER SCHOOL - ROOF - NIGHT', 4],
      [2, 0, 'INT. HOSPITAL - ICU - NIGHT', 8],
      [3, 1, 'EXT. ARCHER SCHOOL - ROOF - NIGHT (FLASHBACK)', 0],
      [4, 1, 'INT. HOSPITAL - ICU - DAY', 4],
      [5, 1, 'INT. POLICE STATION - DAY', 10],
    ], '"FADE IN:" before the first heading is no scene');
    assert.equal(CHAPTER_TWO.slice(t.scenes[3].offset).split('\n')[0], 'INT. HOSPITAL - ICU - DAY');
  });

  it('places each scene on the canon clock, the next chapter going on from where the last one left it', () => {
    const t = timeline();
    assert.deepEqual(t.scenes.map((s) => s.placeLabel), [
      "after Cassie's fall",
      "after Cassie's fall",
      'off the timeline (FLASHBACK)',
      'after Cassie wakes from her coma',
      'not placed on the canon timeline',
    ]);
    assert.deepEqual(t.scenes[0].place, { kind: 'gap', gap: 0 });
    assert.deepEqual(t.scenes[2].place, { kind: 'off', reason: 'FLASHBACK' });
    assert.deepEqual(t.scenes.map((s) => s.events.map((k) => t.events[k].name)), [["Cassie's fall"], [], [], [], ['The fingerprints clear Bette']]);
  });

  it('says which canon states hold in each scene: the coma from the fall until Cassie wakes', () => {
    const t = timeline();
    assert.deepEqual(t.scenes.map((s) => s.states.map((st) => `${st.character}: ${st.label}`)), [
      ['Cassie: in a coma'], ['Cassie: in a coma'], [], [], [],
    ]);
    assert.deepEqual(t.states, [{ id: 'cassie-coma', character: 'Cassie', label: 'in a coma', from: 0, until: 3 }]);
  });

  it('puts each warning in the scene where it stands, with its line', () => {
    const t = timeline();
    assert.deepEqual(t.scenes.map((s) => s.warnings.map((w) => `${w.line + 1} ${w.ruleId}`)), [
      [], ['13 continuity.state-speaks'], [], [], ['13 continuity.event-order'],
    ]);
  });

  it('reads the story\'s title from the first chapter\'s title page', () => {
    assert.equal(titleOf(parse(CHAPTER_ONE)), 'After the Fall');
    assert.equal(titleOf(parse(CHAPTER_TWO)), undefined);
  });

  it('has no scenes for a script without any, and nothing for no chapters', () => {
    const [result] = checkStory([parse('')], canon().pack, {}, notCancelled);
    assert.deepEqual(storyTimeline([{ name: 'empty.fountain', result }], notCancelled)?.scenes, []);
    assert.equal(storyTimeline([], notCancelled), undefined);
  });

  it('names a state\'s character as warnings do, by the words of the name the cue uses', () => {
    const file = path.resolve(__dirname, '..', '..', '..', '..', 'examples', 'packs', 'midsummer-nights-dream', 'midsummer-nights-dream.canon.yaml');
    const pack = loadPack(fs.readFileSync(file, 'utf8'), file, () => undefined).pack!;
    const bottom = stateSpans(pack).find((s) => s.id === 'bottom-asleep');
    assert.equal(bottom?.character, 'Bottom', 'Nick Bottom is cued BOTTOM: the timeline says Bottom, as the warnings do');
  });
});
