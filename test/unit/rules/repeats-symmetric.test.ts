import * as assert from 'assert';
import { loadPack } from '../../../server/core/canon/load';
import { checkFountain } from '../../support/check';

/**
 * Events that happen more than once, and events whose participants have no fixed roles, as a pack
 * says them: a small pack of its own (a feud with a haunting and a duel), checked the way the CLI
 * and the server check.
 */
const PACK = `
canon: 1
id: feud
name: The Feud
characters:
  - id: orla
    name: Orla Finch
    pronouns: she/her
  - id: piet
    name: Piet Graaf
    pronouns: he/him
  - id: quill
    name: Quill Ash
    pronouns: he/him
events:
  - id: haunting
    name: The ghost walks
    repeats: true
    phrasings: ["ghost walk"]
  - id: duel
    name: Orla duels Piet
    participants: { challenger: orla, challenged: piet }
    symmetric: true
    phrasings: ["{challenger} duel {challenged}", "{challenger} fight {challenged}"]
  - id: piet-falls
    name: Piet falls
    phrasings: ["{piet} fall"]
facts:
  - id: orla-challenged
    statement: Orla fought Piet
    event: duel
    role: challenger
    character: orla
`;

const load = (text: string) => loadPack(text, 'feud.canon.yaml', () => undefined);

const pack = (() => {
  const result = load(PACK);
  assert.deepStrictEqual(result.problems, []);
  return result.pack!;
})();

const codes = (lines: readonly string[], with_ = pack): string[] =>
  checkFountain(['INT. HALL - NIGHT', '', ...lines.flatMap((l) => [l, ''])].join('\n'), { pack: with_ })
    .filter((f) => f.code.startsWith('continuity.')).map((f) => `${f.line} ${f.code}`);

describe('events that repeat', () => {
  it('reads repeats into the model', () => {
    assert.strictEqual(pack.events[0].repeats, true);
    assert.strictEqual(pack.events[1].repeats, undefined);
  });

  it('lets a repeating event be told again after later events, with no order warning', () => {
    assert.deepStrictEqual(codes(['The ghost walks.', 'Orla duels Piet.', 'The ghost walks again.']), []);
  });

  it('still warns for an event that does not repeat', () => {
    assert.deepStrictEqual(codes(['Orla duels Piet.', 'Piet falls.', 'Orla duels Piet again.']), ['6 continuity.event-order']);
  });

  it('keeps the clock where it is when the event returns', () => {
    // After Piet's fall the ghost's return leaves the story after the fall: the duel is still out of order.
    assert.deepStrictEqual(codes(['Piet falls.', 'The ghost walks.', 'Orla duels Piet.']), ['6 continuity.event-order']);
  });
});

describe('events between equals', () => {
  it('reads symmetric into the model', () => {
    assert.strictEqual(pack.events[1].symmetric, true);
  });

  it('matches the participants in either order, with no participant warning', () => {
    assert.deepStrictEqual(codes(['Piet duels Orla.']), []);
    assert.deepStrictEqual(codes(['Orla duels Piet.']), []);
  });

  it('reads either order as the event on the clock', () => {
    assert.deepStrictEqual(codes(['Piet falls.', 'Piet fights Orla.']), ['4 continuity.event-order']);
  });

  it('still names a wrong participant', () => {
    assert.deepStrictEqual(codes(['Quill duels Piet.']), ['2 continuity.participant']);
    assert.deepStrictEqual(codes(['Piet duels Quill.']), ['2 continuity.participant']);
  });

  it('where both roles are known facts, the reversed order is no wrong participant, symmetric or not', () => {
    const both = `${PACK}  - id: piet-challenged
    statement: Piet was challenged by Orla
    event: duel
    role: challenged
    character: piet
`;
    assert.deepStrictEqual(codes(['Piet duels Orla.'], load(both).pack!), []);
    // Without symmetric, both slots open to anyone and neither filled as canon has it: another
    // duel, not this one with two wrong people (it was two false warnings).
    const fixed = load(both.replace('    symmetric: true\n', '')).pack!;
    assert.deepStrictEqual(codes(['Piet duels Orla.'], fixed), []);
  });

  it('reports a symmetric event with fewer than two participants where it says so', () => {
    const broken = PACK.replace('participants: { challenger: orla, challenged: piet }', 'participants: { challenger: orla }')
      .replace('"{challenger} duel {challenged}", "{challenger} fight {challenged}"', '"{challenger} duel {piet}"');
    const problems = load(broken).problems.map((p) => [p.severity, p.span.start, p.message.split(',')[0]]);
    assert.deepStrictEqual(problems, [['error', broken.indexOf('true\n    phrasings: ["{challenger} duel'), "event 'duel' is symmetric"]]);
  });
});
