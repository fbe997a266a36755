import * as assert from 'assert';
import { lineCodes, smallPack } from '../../support/small-pack';

/**
 * A sleep a pack ends with an event it phrases narrowly ("Nell wakes and sees the stranger"): a
 * script that says only "Nell wakes" has woken her all the same, while she is certainly asleep.
 * A small pack of its own, checked the way the CLI and the server check.
 */
const PACK = `
canon: 1
id: lantern
name: The Lantern Inn
characters:
  - id: nell
    name: Nell Garrow
    pronouns: she/her
  - id: tam
    name: Tam Reed
    pronouns: he/him
  - id: stranger
    name: Silas Crane
    pronouns: he/him
events:
  - id: drugged
    name: Tam drugs Nell's cup
    phrasings: ["{tam} drug * cup"]
  - id: nell-sees-silas
    name: Nell wakes and sees Silas
    participants: { waker: nell, seen: stranger }
    phrasings: ["{nell} wake * see {stranger}"]
  - id: silas-leaves
    name: Silas leaves the inn
    phrasings: ["{stranger} leave * inn"]
states:
  - id: nell-asleep
    character: nell
    label: asleep (drugged)
    from: drugged
    until: nell-sees-silas
    forbids: [speak, act]
`;

const pack = smallPack(PACK, 'lantern.canon.yaml');

const codes = lineCodes(pack);

describe('a waking ends a sleep', () => {
  it('warns the sleeper who speaks before she wakes', () => {
    assert.deepStrictEqual(codes(['INT. INN - NIGHT', '', 'Tam drugs her cup and watches her drink.', '', 'NELL', 'Who is there?', '']), ['4 continuity.state-speaks']);
  });

  it('lets her speak and act once narration says she wakes, however it says it', () => {
    for (const waking of ['Nell wakes.', "Nell's eyes open.", "Nell's eyes fly open.", 'Hours later Nell opens her eyes.', 'At dawn she wakes, cold.']) {
      assert.deepStrictEqual(codes(['INT. INN - NIGHT', '', 'Tam drugs Nell\'s cup and watches her drink.', '', waking, '', 'NELL', 'Who is there?', '',
        'Nell gets up and crosses to the door.', '']), [], waking);
    }
  });

  it('does not count a waking before the sleep, nor one that does not happen', () => {
    assert.deepStrictEqual(codes(['INT. INN - NIGHT', '', 'Nell wakes early and lights the lamps.', '', 'Tam drugs her cup.', '', 'NELL', 'Who is there?', '']),
      ['6 continuity.state-speaks']);
    assert.deepStrictEqual(codes(['INT. INN - NIGHT', '', 'Tam drugs Nell\'s cup.', '', 'Nell does not wake.', '', 'NELL', 'Who is there?', '']),
      ['6 continuity.state-speaks']);
  });

  it('does not count what a sleeper does in her sleep as acting', () => {
    assert.deepStrictEqual(codes(['INT. INN - NIGHT', '', 'Tam drugs Nell\'s cup.', '', 'Nell turns over in her sleep and murmurs his name.', '']), []);
    assert.deepStrictEqual(codes(['INT. INN - NIGHT', '', 'Tam drugs Nell\'s cup.', '', 'Nell turns over and reaches for the lamp.', '']),
      ['4 continuity.state-acts']);
  });

  it('counts a waking a cue\'s direction says, for that speech and after it', () => {
    assert.deepStrictEqual(codes(['INT. INN - NIGHT', '', 'Tam drugs Nell\'s cup.', '', 'NELL', '(waking, rubbing her eyes)', 'Who is there?', '',
      'NELL', 'Tam?', '']), []);
    assert.deepStrictEqual(codes(['INT. INN - NIGHT', '', 'Tam drugs Nell\'s cup.', '', 'NELL', '(not waking)', 'Who is there?', '']),
      ['4 continuity.state-speaks']);
  });
});
