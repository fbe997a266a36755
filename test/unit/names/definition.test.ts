import * as assert from 'node:assert/strict';
import { characterAt, referencesOf } from '../../../server/core/features/definition';
import { lines, scriptOf, textOf, withCursor } from './support';

const SCRIPT = [
  'INT. ARCHER SCHOOL - STUDIO - DAY',
  '',
  'CASSIE SHORE (17) stretches. Delia watches Cassie.',
  '',
  'CASSIE (V.O.)',
  "Delia's jealous.",
  '',
  'KAI',
  'Of Cassie? Nevaeh says so.',
];
const HEADING = SCRIPT[0];

function at(fixture: string): { id: string; text: string } | undefined {
  const { text, offset } = withCursor(fixture);
  const found = characterAt(scriptOf(text), offset);
  return found && { id: found.characterId, text: textOf(text, found.span) };
}

describe('character definition and references', () => {
  it('finds the character under the cursor in action, a cue, dialogue, and just after a name', () => {
    assert.deepEqual(at(lines(HEADING, '', 'Delia watches Ca$0ssie.')), { id: 'cassie', text: 'Cassie' });
    assert.deepEqual(at(lines(HEADING, '', 'CAS$0SIE (V.O.)', 'Hi.')), { id: 'cassie', text: 'CASSIE' });
    assert.deepEqual(at(lines(HEADING, '', 'KAI', 'Ask Delia$0.')), { id: 'delia', text: 'Delia' });
    assert.deepEqual(at(lines(HEADING, '', 'Nevaeh$0 stretches.')), { id: 'neveah', text: 'Nevaeh' });
  });

  it('finds nothing on an extension or an ordinary word', () => {
    assert.equal(at(lines(HEADING, '', 'CASSIE (V.$0O.)', 'Hi.')), undefined);
    assert.equal(at(lines(HEADING, '', 'Delia wa$0tches.')), undefined);
  });

  it('gives the script’s own characters an id of their own', () => {
    assert.deepEqual(at(lines(HEADING, '', 'K$0AI', 'Hey.')), { id: 'script:KAI', text: 'KAI' });
  });

  it('lists every cue and mention of a character, in order, full names and possessives included', () => {
    const text = lines(...SCRIPT);
    const script = scriptOf(text);
    assert.deepEqual(
      referencesOf(script, 'cassie').map((span) => textOf(text, span)),
      ['CASSIE SHORE', 'Cassie', 'CASSIE', 'Cassie'],
    );
    assert.deepEqual(referencesOf(script, 'delia').map((span) => textOf(text, span)), ['Delia', 'Delia']);
    assert.deepEqual(referencesOf(script, 'neveah').map((span) => textOf(text, span)), ['Nevaeh']);
    assert.deepEqual(referencesOf(script, 'ramon'), []);
  });
});
