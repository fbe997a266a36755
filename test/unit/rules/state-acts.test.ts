import * as assert from 'assert';
import { checkFountain } from '../../support/check';

const COMA = 'INT. HOSPITAL ROOM - NIGHT\n\n[[canon: after Cassie\'s fall]]\n\n';

describe('continuity.state-acts', () => {
  it('warns once for a paragraph in which Cassie acts twice, naming her, not the conjunction', () => {
    const found = checkFountain(`${COMA}Cassie reaches for the rail and grips it. Then she sits up.\n`).filter((f) => f.code === 'continuity.state-acts');
    assert.deepStrictEqual(found.map((f) => [f.line, f.character]), [[4, 0]]);
    assert.match(found[0].message, /^Cassie reaches, but Cassie is in a coma/);
  });

  it('names Cassie where only the conjunction stands for her', () => {
    const found = checkFountain(`${COMA}Bette cries. Cassie lies still and waves.\n`).filter((f) => f.code === 'continuity.state-acts');
    assert.deepStrictEqual(found.map((f) => f.message.slice(0, 13)), ['Cassie waves,']);
    const later = checkFountain(`${COMA}Bette cries. Cassie lies still, and then blinks and waves.\n`).filter((f) => f.code === 'continuity.state-acts');
    assert.deepStrictEqual(later.map((f) => f.message.slice(0, 14)), ['Cassie blinks,']);
  });

  it('stays quiet on what a body in a coma does and on others acting on her', () => {
    const text = `${COMA}Cassie lies motionless. Her mother holds her hand. Cassie is wheeled to X-ray. Cassie, pale, breathes.\n`;
    assert.deepStrictEqual(checkFountain(text).filter((f) => f.code === 'continuity.state-acts'), []);
  });

  it('does not take someone a sentence only mentions over the last sentence’s subject', () => {
    const text = `${COMA}Bette climbs the stairs to the ward. Cassie's old poster hangs by the lift as she passes it.\n`;
    assert.deepStrictEqual(checkFountain(text).filter((f) => f.code === 'continuity.state-acts'), []);
  });

  it('does not give narration\'s "she" to a voice-over: the voice is not on stage, the one who listens is', () => {
    const text = `${COMA}Neveah reads the card by the bed.\n\nCASSIE (V.O.)\nSee you at the party.\n\nShe holds the card against her mouth.\n`;
    assert.deepStrictEqual(checkFountain(text).filter((f) => f.code === 'continuity.state-acts'), []);
    // Cassie speaking in the room, as a cue without an extension, is who "she" is after it.
    const spoken = `${COMA}Neveah reads the card by the bed.\n\nCASSIE\nSee you at the party.\n\nShe holds the card against her mouth.\n`;
    assert.deepStrictEqual(checkFountain(spoken).filter((f) => f.code === 'continuity.state-acts').map((f) => f.message.slice(0, 10)), ['She holds,']);
  });

  it('reads a future or a vision as off the clock, like a flashback', () => {
    const text = `INT. HOSPITAL ROOM - NIGHT - FLASH FORWARD\n\n[[canon: after Cassie's fall]]\n\nCassie dances across the room.\n`;
    assert.deepStrictEqual(checkFountain(text).filter((f) => f.code === 'continuity.state-acts'), []);
  });
});
