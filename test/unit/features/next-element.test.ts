import * as assert from 'node:assert/strict';
import { notCancelled } from '../../../server/core/cancellation';
import { parse } from '../../../server/core/fountain/parse';
import { cueCompletions } from '../../../server/core/features/cue-completion';
import { nextElement } from '../../../server/core/features/next-element';
import { sceneHeadingCompletions } from '../../../server/core/features/scene-completion';
import { script, withCursor } from './cursor';

/** What an empty line offers: cues, scene heading prefixes, or both (as the labels' kinds say). */
function offered(fixture: string): string {
  const { text, offset } = withCursor(fixture);
  const doc = parse(text);
  const cues = cueCompletions(doc, offset, notCancelled).length > 0;
  const headings = sceneHeadingCompletions(doc, offset, notCancelled).length > 0;
  assert.equal(nextElement(doc, offset) === 'cue', cues || !headings, 'nextElement and the completions agree');
  return cues && headings ? 'both' : cues ? 'cues' : headings ? 'headings' : 'nothing';
}

const SCENE = ['INT. GARAGE - DAY', '', 'ALICE', 'Is it ready?', ''];

describe('an empty line offers cues or scene headings, as the context says', () => {
  it('offers scene headings at the start of a script and after its title page', () => {
    assert.equal(offered('$0'), 'headings');
    assert.equal(offered(script('Title: Garage', 'Author: Me', '', '$0')), 'headings');
  });

  it('offers scene headings after a transition, FADE IN:, a section or a synopsis', () => {
    assert.equal(offered(script(...SCENE, 'CUT TO:', '', '$0')), 'headings');
    assert.equal(offered(script('FADE IN:', '', '$0')), 'headings');
    assert.equal(offered(script(...SCENE, '# Act two', '', '$0')), 'headings');
    assert.equal(offered(script(...SCENE, '= Pete comes back', '', '$0')), 'headings');
  });

  it('offers cues after dialogue, action or a scene heading, and a note changes nothing', () => {
    assert.equal(offered(script(...SCENE, '$0')), 'cues');
    assert.equal(offered(script(...SCENE, 'Pete wipes his hands.', '', '$0')), 'cues');
    assert.equal(offered(script(...SCENE, 'INT. KITCHEN - NIGHT', '', '$0')), 'cues');
    assert.equal(offered(script(...SCENE, 'CUT TO:', '', '[[a note]]', '', '$0')), 'headings');
  });

  it('still offers the heading prefixes once the writer starts one', () => {
    const { text, offset } = withCursor(script(...SCENE, 'in$0'));
    assert.deepEqual(sceneHeadingCompletions(parse(text), offset, notCancelled).map((c) => c.label).slice(0, 1), ['INT.']);
  });
});

describe('a cue begun in lower case', () => {
  it('offers the script’s characters whose names it begins, to replace it in capitals', () => {
    const { text, offset } = withCursor(script(...SCENE, 'PETE', 'Nearly.', '', 'al$0'));
    const items = cueCompletions(parse(text), offset, notCancelled);
    assert.deepEqual(items.map((c) => c.label), ['ALICE']);
    assert.deepEqual(items[0].replace, { start: offset - 2, end: offset });
  });

  it('offers nothing for a word no name begins, nor in the middle of a paragraph', () => {
    const none = (fixture: string): number => {
      const { text, offset } = withCursor(fixture);
      return cueCompletions(parse(text), offset, notCancelled).length;
    };
    assert.equal(none(script(...SCENE, 'the$0')), 0);
    assert.equal(none(script(...SCENE, 'Pete waits.', 'al$0')), 0);
  });
});
