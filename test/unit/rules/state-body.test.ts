import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { BODY_CLASSES } from '../../../server/core/body';
import { loadPack } from '../../../server/core/canon/load';
import { checkFountain } from '../../support/check';

/**
 * What a body may still do under a state, as the pack says it (`body:` naming classes of
 * involuntary movement whose words live in server/core/body.json): a small pack of its own, with
 * a coma that allows breathing and a heartbeat but no reflexes, and a death that allows nothing.
 */
const PACK = `
canon: 1
id: ward
name: The Ward
characters:
  - id: ines
    name: Ines Calder
    pronouns: she/her
  - id: pavel
    name: Pavel Ostrov
    pronouns: he/him
  - id: nurse
    name: Ruth Amsel
    pronouns: she/her
events:
  - id: crash
    name: Ines crashes the car
    phrasings: ["{ines} crash the car"]
  - id: pavel-dies
    name: Pavel dies of his wounds
    phrasings: ["{pavel} die of his wounds"]
states:
  - id: ines-coma
    character: ines
    label: in a coma
    from: crash
    forbids: [speak, act]
    body: [breathing, heartbeat]
  - id: pavel-dead
    character: pavel
    label: dead
    from: pavel-dies
    forbids: [speak, act]
    body: none
`;

const load = (text: string) => {
  const result = loadPack(text, 'ward.canon.yaml', () => undefined);
  return { pack: result.pack, errors: result.problems.filter((p) => p.severity === 'error').map((p) => p.message) };
};

const pack = (() => {
  const { pack: loaded, errors } = load(PACK);
  assert.deepStrictEqual(errors, []);
  return loaded!;
})();

const AFTER = 'INT. WARD - NIGHT\n\n[[canon: after Pavel dies of his wounds]]\n\nRuth Amsel checks the drip.\n\n';

const acts = (sentence: string): string[] => checkFountain(`${AFTER}${sentence}\n`, { pack })
  .filter((f) => f.code === 'continuity.state-acts').map((f) => f.message.split(',')[0]);

describe('what the body may still do under a state (body: in the pack)', () => {
  it('lets a coma breathe and keep a heartbeat, as its body: says', () => {
    assert.deepStrictEqual(acts("Ines's chest rises and falls."), []);
    assert.deepStrictEqual(acts('Ruth watches Ines. Her pulse quickens under the tape.'), []);
    assert.deepStrictEqual(acts('Ines breathes.'), []);
  });

  it('holds against a coma the reflexes its body: leaves out', () => {
    assert.deepStrictEqual(acts("Ines's eyelids flutter."), ["Ines's eyelids flutter"]);
    assert.deepStrictEqual(acts('Ines stirs.'), ['Ines stirs']);
  });

  it('reads a hand that closes on something as its owner acting, whatever the body allows', () => {
    assert.deepStrictEqual(acts("Ines's hand closes around the bedrail."), ["Ines's hand closes"]);
    assert.deepStrictEqual(acts("Ines's hand hangs over the edge of the bed."), []);
  });

  it('lets a dead body do nothing of itself: body: none', () => {
    assert.deepStrictEqual(acts("Pavel's chest rises."), ["Pavel's chest rises"]);
    assert.deepStrictEqual(acts('Pavel breathes.'), ['Pavel breathes']);
    assert.deepStrictEqual(acts("Pavel's body lies under the sheet."), []);
  });

  it('allows every class where a state names none, as packs written before body: expect', () => {
    const lenient = load(PACK.replace('    body: [breathing, heartbeat]\n', '')).pack!;
    const found = checkFountain(`${AFTER}Ines's eyelids flutter. Ines stirs. Ines's chest rises.\n`, { pack: lenient })
      .filter((f) => f.code === 'continuity.state-acts');
    assert.deepStrictEqual(found, []);
  });

  it('refuses a class body.json does not have, naming the ones it does', () => {
    const { errors } = load(PACK.replace('body: [breathing, heartbeat]', 'body: [breathing, blinking]'));
    assert.strictEqual(errors.length, 1);
    assert.match(errors[0], /'blinking' is not one of none, breathing, heartbeat, reflexes/);
    assert.deepStrictEqual(BODY_CLASSES, ['breathing', 'heartbeat', 'reflexes']);
  });

  it('offers editors the same classes in the JSON Schema as body.json holds', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'schemas', 'canon-pack.schema.json'), 'utf8')) as {
      definitions: { state: { properties: { body: { oneOf: [{ enum: string[] }, { items: { enum: string[] } }] } } } };
    };
    const { oneOf } = schema.definitions.state.properties.body;
    assert.deepStrictEqual(oneOf[0].enum, ['none', ...BODY_CLASSES]);
    assert.deepStrictEqual(oneOf[1].items.enum, ['none', ...BODY_CLASSES]);
  });
});
