import * as assert from 'assert';
import { loadPack } from '../../../server/core/canon/load';
import { checkFountain } from '../../support/check';
import { continuityCodes, smallPack } from '../../support/small-pack';

/**
 * A canon's backstory and a death scene's last words, as a pack says them: a small pack of its own
 * (a crime story, not the built-in canon), checked the way the CLI and the server check.
 */
const PACK = `
canon: 1
id: harbour
name: The Harbour Murders
characters:
  - id: elena
    name: Elena Moss
    pronouns: she/her
  - id: marco
    name: Marco Vitti
    pronouns: he/him
  - id: guard
    name: Tomas Reyes
events:
  - id: elena-drowns
    name: Elena drowns
    backstory: true
    phrasings: ["{elena} drown"]
  - id: marco-shot
    name: Marco is shot
    phrasings: ["{guard} fire", "{guard} shoot {marco}"]
states:
  - id: elena-dead
    character: elena
    label: dead (drowned before the story)
    from: elena-drowns
    forbids: [speak, act]
  - id: marco-dead
    character: marco
    label: dead (shot on the steps)
    from: marco-shot
    forbids: [speak, act]
    last-words: true
`;

const pack = smallPack(PACK, 'harbour.canon.yaml');

const codes = (text: string): string[] => continuityCodes(text, pack);

describe('backstory and last words', () => {
  it('holds a backstory death from the first page, with no anchor', () => {
    assert.deepStrictEqual(codes('INT. DOCKS - NIGHT\n\nELENA\nYou never came.\n'), ['2 continuity.state-speaks']);
  });

  it('lets the drowned speak in a flashback', () => {
    assert.deepStrictEqual(codes('INT. DOCKS - NIGHT (FLASHBACK)\n\nELENA\nYou never came.\n'), []);
  });

  it('lets the dying speak and act in the scene the death begins, and not after', () => {
    const text = [
      'EXT. STEPS - NIGHT', '', 'Tomas Reyes fires, and Marco crumples on the steps.', '', 'MARCO', 'Tell her...', '',
      'Marco reaches for the railing.', '', 'EXT. HARBOUR - DAY', '', 'MARCO', 'I am back.', '',
    ].join('\n');
    assert.deepStrictEqual(codes(text), ['11 continuity.state-speaks']);
  });

  it('closes the last words where narration says the death itself', () => {
    const dies = [
      'EXT. STEPS - NIGHT', '', 'Tomas Reyes fires, and Marco crumples on the steps.', '', 'MARCO', 'Tell her...', '',
      'Marco dies on the steps. His arm flops off the edge and hangs there.', '', 'MARCO', 'Tell her I tried.', '',
    ].join('\n');
    assert.deepStrictEqual(codes(dies), ['9 continuity.state-speaks']);
    const killed = [
      'EXT. STEPS - NIGHT', '', 'Tomas Reyes fires at Marco.', '', 'MARCO', 'Tell her...', '',
      'Tomas Reyes shoots Marco again and kills him where he lies.', '', 'MARCO', 'Tell her I tried.', '',
    ].join('\n');
    assert.deepStrictEqual(codes(killed), ['9 continuity.state-speaks']);
    const notYet = [
      'EXT. STEPS - NIGHT', '', 'Tomas Reyes fires, and Marco crumples on the steps.', '', 'Marco would rather die than beg.', '',
      'MARCO', 'Tell her...', '',
    ].join('\n');
    assert.deepStrictEqual(codes(notYet), []);
  });

  it('without last words, the state holds from the event on', () => {
    const strict = loadPack(PACK.replace('    last-words: true\n', ''), 'harbour.canon.yaml', () => undefined).pack!;
    const text = ['EXT. STEPS - NIGHT', '', 'Tomas Reyes fires, and Marco crumples on the steps.', '', 'MARCO', 'Tell her...', ''].join('\n');
    assert.deepStrictEqual(checkFountain(text, { pack: strict }).filter((f) => f.code.startsWith('continuity.')).map((f) => `${f.line} ${f.code}`),
      ['4 continuity.state-speaks']);
  });
});
