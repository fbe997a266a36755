import * as assert from 'assert';
import { loadPack } from '../../../server/core/canon/load';
import type { CanonPack } from '../../../server/core/canon/model';
import { builtinText, fileResolver, memoryResolver } from './support';

const base = `canon: 1
id: base
name: Base
characters:
  - { id: romeo, name: Romeo Montague, pronouns: he/him, aliases: [Romeo] }
  - { id: juliet, name: Juliet Capulet, pronouns: she/her }
  - { id: tybalt, name: Tybalt }
events:
  - { id: meet, name: The ball }
  - { id: wed, name: The wedding }
  - { id: exile, name: Romeo's exile }
`;

function load(child: string, files: Record<string, string> = { 'base.canon.yaml': base }): CanonPack {
  const result = loadPack(child, 'child.canon.yaml', memoryResolver(files));
  assert.deepStrictEqual(result.problems, []);
  assert.ok(result.pack);
  return result.pack;
}

const header = 'canon: 1\nid: child\nname: Child\nextends: base.canon.yaml\n';

describe('extends: merging packs', () => {
  it('replaces an entry field by field, child fields winning, keeping its place', () => {
    const pack = load(`${header}characters:\n  - { id: romeo, pronouns: they/them }\n`);
    const romeo = pack.characters[0];
    assert.deepStrictEqual([romeo.id, romeo.name, romeo.pronouns, romeo.aliases], ['romeo', 'Romeo Montague', 'they/them', ['Romeo']]);
    assert.strictEqual(romeo.origin?.uri, 'child.canon.yaml');
    assert.deepStrictEqual(pack.origins, ['child.canon.yaml', 'base.canon.yaml']);
  });

  it('appends new entries', () => {
    const pack = load(`${header}characters:\n  - { id: mercutio, name: Mercutio }\nevents:\n  - { id: duel, name: The duel }\n`);
    assert.deepStrictEqual(pack.characters.map((c) => c.id), ['romeo', 'juliet', 'tybalt', 'mercutio']);
    assert.deepStrictEqual(pack.events.map((e) => e.id), ['meet', 'wed', 'exile', 'duel']);
  });

  it('removes entries, and a removed id redefined is replaced whole', () => {
    const pack = load(`${header}remove:\n  characters: [tybalt, romeo]\n  events: [exile]\ncharacters:\n  - { id: romeo, name: Romeo }\n`);
    assert.deepStrictEqual(pack.characters.map((c) => c.id), ['juliet', 'romeo']);
    assert.strictEqual(pack.characters[1].pronouns, undefined);
    assert.deepStrictEqual(pack.events.map((e) => e.id), ['meet', 'wed']);
  });

  it('inserts events after the one they name, in the order written', () => {
    const pack = load(
      `${header}events:\n  - { id: duel, name: The duel, after: wed }\n  - { id: death, name: Mercutio dies, after: duel }\n  - { id: balcony, name: The balcony, after: meet }\n  - { id: tomb, name: The tomb }\n`,
    );
    assert.deepStrictEqual(pack.events.map((e) => e.id), ['meet', 'balcony', 'wed', 'duel', 'death', 'exile', 'tomb']);
  });

  it('reports a reference to a removed entry at the removal', () => {
    const result = loadPack(`${header}remove:\n  characters: [juliet]\nrelations:\n  - { id: lovers, kind: married, between: [romeo, juliet] }\n`, 'child.canon.yaml', memoryResolver({ 'base.canon.yaml': base }));
    assert.strictEqual(result.pack, undefined);
    assert.deepStrictEqual(result.problems.map((p) => [p.uri, p.message.slice(0, 55)]), [
      ['child.canon.yaml', "removing character 'juliet' leaves relation 'lovers' (c"],
    ]);
  });

  it('limits how deep extends goes', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`p${i}`] = `canon: 1\nid: p${i}\nname: P${i}\nextends: p${i + 1}\n`;
    files.p12 = 'canon: 1\nid: p12\nname: P12\n';
    const result = loadPack(files.p0, 'p0', memoryResolver(files));
    assert.strictEqual(result.pack, undefined);
    assert.ok(result.problems.some((p) => p.uri === 'p0' && p.message.startsWith('extends goes more than 8 packs deep')), JSON.stringify(result.problems));
  });

  it('extends the built-in pack by the ref builtin:tiny-pretty-things', () => {
    const fixit = `canon: 1\nid: fix-it\nname: Bette gets a break\nextends: builtin:tiny-pretty-things\nremove:\n  facts: [cassie-survives]\nevents:\n  - id: bette-apologises\n    name: Cassie forgives Bette\n    after: fingerprints\n    phrasings: ["{cassie} forgive {bette}"]\n`;
    const result = loadPack(fixit, '/ws/fix.canon.yaml', fileResolver);
    assert.deepStrictEqual(result.problems, []);
    assert.deepStrictEqual(result.pack?.origins, ['/ws/fix.canon.yaml', 'builtin:tiny-pretty-things']);
    assert.strictEqual(result.pack?.events[result.pack.events.length - 1].id, 'bette-apologises');
    assert.deepStrictEqual(result.pack?.facts.map((f) => f.id), ['delia-pushed-cassie', 'neveah-took-cassies-place', 'cassie-accused-bette']);
    assert.ok(builtinText().length > 0);
  });

  it('reports a resolver that throws or fails at the ref, without throwing', () => {
    const throwing = loadPack(header, 'child', () => {
      throw new Error('outside the workspace');
    });
    assert.match(throwing.problems[0].message, /cannot read 'base.canon.yaml': outside the workspace/);
    const failing = loadPack(header, 'child', () => ({ error: 'permission denied' }));
    assert.match(failing.problems[0].message, /permission denied/);
  });
});
