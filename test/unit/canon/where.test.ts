import * as assert from 'assert';
import { notCancelled } from '../../../server/core/cancellation';
import { loadPack } from '../../../server/core/canon/load';
import { checkScript } from '../../../server/core/check';
import { hover } from '../../../server/core/features/hover';
import { parse } from '../../../server/core/fountain/parse';
import { memoryResolver } from './support';

const PACK = `canon: 1
id: where
name: Where a quotation stands
characters:
  - id: duncan
    name: Duncan
    source: "What bloody man is that?"
    where: Act 1, scene 2
events:
  - id: murder
    name: Duncan's murder
    phrasings: ["* murder {duncan}"]
states:
  - id: duncan-dead
    character: duncan
    label: dead
    from: murder
    forbids: [speak]
    source: "Duncan is in his grave"
    where: Act 3, scene 2
`;

describe('where a quotation stands (where:)', () => {
  const result = loadPack(PACK, 'where.canon.yaml', memoryResolver({}));

  it('loads beside source, which stays verbatim', () => {
    assert.deepStrictEqual(result.problems, []);
    assert.strictEqual(result.pack?.states[0].source, 'Duncan is in his grave');
    assert.strictEqual(result.pack?.states[0].where, 'Act 3, scene 2');
  });

  it('is named in messages beside the quotation', () => {
    const pack = result.pack;
    assert.ok(pack);
    const text = 'INT. HALL - NIGHT\n\n[[canon: after Duncan\'s murder]]\n\nDUNCAN\nWho knocks?\n';
    const found = checkScript(parse(text), pack, {}, notCancelled).findings.filter((f) => f.ruleId === 'continuity.state-speaks');
    assert.strictEqual(found.length, 1);
    assert.match(found[0].message, /Canon \(Act 3, scene 2\): “Duncan is in his grave”/);
  });

  it('is shown in hovers after the quotation', () => {
    const pack = result.pack;
    assert.ok(pack);
    const text = 'INT. HALL - NIGHT\n\nDuncan enters.\n';
    const script = checkScript(parse(text), pack, {}, notCancelled).script;
    const card = hover(script, text.indexOf('Duncan') + 1, undefined, notCancelled);
    assert.match(card?.markdown ?? '', /> What bloody man is that\? \(Act 1, scene 2\)/);
  });
});
