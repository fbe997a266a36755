import * as assert from 'assert';
import { lineCodes, smallPack } from '../../support/small-pack';

/**
 * A speech that says, word for word, eight or more words of the quotation a pack gives as an
 * event's source is that moment of canon playing: fans of plays write the canon's own lines into
 * the scenes that hold them. The story stands at that event (just before it or just after), never
 * earlier than it stood. And a waking narration tells without naming the waker ("Someone stirs and
 * wakes.") is the waking of the sleeper whose cue follows it.
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
  - id: silas
    name: Silas Crane
    pronouns: he/him
events:
  - id: drugged
    name: Tam drugs Nell's cup
    phrasings: ["{tam} drug * cup"]
    source: "Drink it all down, Nell, it will warm you through the night."
  - id: nell-wakes
    name: Nell wakes
    phrasings: ["{nell} wake up and see * stranger"]
  - id: silas-leaves
    name: Silas leaves the inn
    phrasings: ["{silas} leave * inn"]
    source: "I will not stay another night under this roof, Tam Reed, not for all your silver."
states:
  - id: nell-asleep
    character: nell
    label: asleep (drugged)
    from: drugged
    until: nell-wakes
    forbids: [speak, act]
`;

const pack = smallPack(PACK, 'lantern.canon.yaml');

const codes = lineCodes(pack);

describe('canon quoted in a speech', () => {
  it('places the story at the event whose words a character says', () => {
    assert.deepStrictEqual(codes(['INT. INN - NIGHT', '', 'Tam drugs Nell\'s cup.', '', 'INT. INN - DAWN', '', 'SILAS',
      'I will not stay another night under this roof, Tam Reed!', '', 'Nell bars the door behind him.', '']), []);
  });

  it('does not count a few words of it, nor move the story back to an earlier event', () => {
    assert.deepStrictEqual(codes(['INT. INN - NIGHT', '', 'Tam drugs Nell\'s cup.', '', 'INT. INN - DAWN', '', 'SILAS', 'Not under this roof, Tam Reed.', '',
      'Nell bars the door behind him.', '']), ['9 continuity.state-acts']);
    assert.deepStrictEqual(codes(['INT. INN - NIGHT', '', 'Tam drugs Nell\'s cup.', '', 'TAM', 'I told her: drink it all down, Nell, it will warm you through.', '',
      'Nell bars the door.', '']), ['7 continuity.state-acts']);
  });

  it('puts the story at the quoted event, not past it: what the event begins is not yet certain', () => {
    assert.deepStrictEqual(codes(['INT. INN - NIGHT', '', 'TAM', 'Drink it all down, Nell, it will warm you through the night.', '', 'Nell bars the door.', '']), []);
    assert.deepStrictEqual(codes(['INT. INN - NIGHT', '', 'Tam drugs Nell\'s cup.', '', 'Nell bars the door.', '']), ['4 continuity.state-acts']);
  });

  it('does not count a voice-over saying the words', () => {
    assert.deepStrictEqual(codes(['INT. INN - NIGHT', '', 'Tam drugs Nell\'s cup.', '', 'SILAS (V.O.)', 'I will not stay another night under this roof, Tam Reed!', '',
      'Nell bars the door.', '']), ['7 continuity.state-acts']);
  });
});

describe('a waking narration tells without naming the waker', () => {
  it('is the waking of the sleeper whose cue follows', () => {
    assert.deepStrictEqual(codes(['INT. INN - NIGHT', '', 'Tam drugs Nell\'s cup.', '', 'Someone stirs and wakes.', '', 'NELL', 'Tam?', '']), []);
  });

  it('is not, where narration names who wakes, or says nobody does', () => {
    assert.deepStrictEqual(codes(['INT. INN - NIGHT', '', 'Tam drugs Nell\'s cup.', '', 'Tam stirs and wakes.', '', 'NELL', 'Tam?', '']), ['6 continuity.state-speaks']);
    assert.deepStrictEqual(codes(['INT. INN - NIGHT', '', 'Tam drugs Nell\'s cup.', '', 'Nobody wakes.', '', 'NELL', 'Tam?', '']), ['6 continuity.state-speaks']);
  });
});
