import * as assert from 'assert';
import { notCancelled } from '../../../server/core/cancellation';
import { checkScript } from '../../../server/core/check';
import { parse } from '../../../server/core/fountain/parse';
import { builtinPack } from '../../../server/host/builtin';

/** The "place this scene after" fix of the coma warning, as the text the writer would get by applying it. */
function placeAfter(text: string): string[] {
  const { findings } = checkScript(parse(text), builtinPack(), {}, notCancelled);
  return findings.filter((f) => f.ruleId === 'continuity.state-speaks').map((f) => {
    const fix = f.fixes?.find((x) => x.title.startsWith('Place this scene after'));
    assert.ok(fix, `no placing fix in ${JSON.stringify(f.fixes)}`);
    const [edit] = fix.edits;
    return text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
  });
}

const FALL = 'EXT. ROOF - NIGHT\n\n[[canon: after Cassie\'s fall]]\n\n';
const SPEAKS = 'CASSIE\nWhere am I?\n';

describe('the fix that places a scene after the event ending a state', () => {
  it('rewrites the scene\'s own anchor rather than adding a second one', () => {
    const text = `INT. HOSPITAL - DAY\n\n[[canon: after Cassie's fall]]\n\n${SPEAKS}`;
    assert.deepStrictEqual(placeAfter(text), [`INT. HOSPITAL - DAY\n\n[[canon: after Cassie wakes from her coma]]\n\n${SPEAKS}`]);
  });

  it('adds an anchor under the heading when only an earlier scene has one', () => {
    const text = `${FALL}INT. HOSPITAL - DAY\n\n${SPEAKS}`;
    assert.deepStrictEqual(placeAfter(text), [`${FALL}INT. HOSPITAL - DAY\n\n[[canon: after Cassie wakes from her coma]]\n\n${SPEAKS}`]);
  });

  it('leaves an anchor after the line alone and adds one under the heading', () => {
    const text = `${FALL}INT. HOSPITAL - DAY\n\n${SPEAKS}\n[[canon: after Cassie's fall]]\n`;
    assert.deepStrictEqual(placeAfter(text)[0], `${FALL}INT. HOSPITAL - DAY\n\n[[canon: after Cassie wakes from her coma]]\n\n${SPEAKS}\n[[canon: after Cassie's fall]]\n`);
  });
});
