import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { notCancelled } from '../../../server/core/cancellation';
import { capabilities, factKinds, fieldSpecs, relationKinds } from '../../../server/core/canon/spec';
import { capabilityDocs, factKindDocs, relationKindDocs, vocabularyDocs } from '../../../server/core/canon/kind-docs';
import { loadPack } from '../../../server/core/canon/load';
import { packCompletions } from '../../../server/core/features/pack-completion';
import { packContextAt } from '../../../server/core/features/pack-context';
import { rules } from '../../../server/core/rules/registry';
import { memoryResolver, repoRoot } from '../canon/support';
import { script, withCursor } from './cursor';

/** A pack being written: the entries above the cursor are what completion offers. */
const HEAD = script(
  'canon: 1',
  'id: verona',
  'name: Verona',
  'characters:',
  '  - id: romeo',
  '    name: Romeo Montague',
  '  - { id: juliet, name: Juliet Capulet }',
  'places:',
  '  - { id: verona, name: Verona }',
  '  - { id: mantua, name: Mantua }',
  'roles:',
  '  - id: prince',
  'events:',
  '  - id: banishment',
  '    name: Romeo is banished',
  '  - { id: romeo-dies, name: Romeo dies }',
  'states:',
  '  - { id: romeo-banished, character: romeo, label: banished, from: banishment, away-from: verona }',
  '',
);

function offeredIn(fixture: string): string[] {
  const { text, offset } = withCursor(fixture);
  return packCompletions(text, offset, undefined, rules, notCancelled).map((c) => c.label);
}

/** What is offered at `$0` in a section written after the head. */
function offered(fixture: string): string[] {
  return offeredIn(HEAD + fixture);
}

const characters = ['romeo', 'juliet'];
const events = ['banishment', 'romeo-dies'];

describe('completion in pack files', () => {
  it('offers character ids where a field names characters', () => {
    assert.deepStrictEqual(offered('relations:\n  - id: r\n    between: [romeo, $0'), characters);
    assert.deepStrictEqual(offered('relations:\n  - id: r\n    between:\n      - ju$0'), characters);
    assert.deepStrictEqual(offered('relations:\n  - { id: r, kind: married, between: [$0'), characters);
    assert.deepStrictEqual(offered('relations:\n  - id: r\n    older: $0'), characters);
    assert.deepStrictEqual(offered('events:\n  - id: duel\n    participants: { killer: $0'), characters);
    assert.deepStrictEqual(offered('events:\n  - id: duel\n    participants:\n      killer: ro$0'), characters);
    assert.deepStrictEqual(offered('facts:\n  - id: f\n    character: $0'), characters);
    assert.deepStrictEqual(offered('states:\n  - { id: s, character: $0'), characters);
    // The entry being written is in the list too: the file has one characters section.
    assert.deepStrictEqual(offeredIn(HEAD.replace('places:', '  - id: ghost\n    of: $0\nplaces:')), [...characters, 'ghost']);
  });

  it('offers event, place, role and state ids where those are named', () => {
    assert.deepStrictEqual(offered('states:\n  - id: s\n    from: $0'), events);
    assert.deepStrictEqual(offeredIn(HEAD.replace('states:', '  - { id: e, requires: [$0] }\nstates:')), [...events, 'e']);
    assert.deepStrictEqual(offered('states:\n  - id: s\n    away-from: [$0'), ['verona', 'mantua']);
    assert.deepStrictEqual(offeredIn(HEAD.replace('roles:', '  - { id: house, name: House, in: $0 }\nroles:')), ['verona', 'mantua', 'house']);
    const escalus = (lines: string): string[] => offeredIn(HEAD.replace('places:', `  - id: escalus\n${lines}\nplaces:`));
    assert.deepStrictEqual(escalus('    roles: [$0]'), ['prince']);
    assert.deepStrictEqual(escalus('    roles:\n      - { role: prince, at: $0 }'), ['verona', 'mantua']);
    assert.deepStrictEqual(escalus('    roles:\n      - role: prince\n        until: $0'), events);
    assert.deepStrictEqual(offered('remove:\n  states: [$0'), ['romeo-banished']);
  });

  it('offers the kinds with a line on each', () => {
    const { text, offset } = withCursor(`${HEAD}relations:\n  - id: r\n    kind: un$0`);
    const items = packCompletions(text, offset, undefined, rules, notCancelled);
    assert.deepStrictEqual(items.map((i) => i.label), [...relationKinds]);
    const uncle = items.find((i) => i.label === 'uncle');
    assert.strictEqual(uncle?.documentation, relationKindDocs.uncle);
    assert.strictEqual(text.slice(uncle.replace.start, uncle.replace.end), 'un');
    assert.deepStrictEqual(offered('states:\n  - id: s\n    forbids: [speak, $0'), [...capabilities]);
    assert.deepStrictEqual(offered('facts:\n  - { id: f, kind: $0'), [...factKinds]);
  });

  it('offers rule ids in an example\'s expect', () => {
    const ids = rules.map((r) => r.id);
    assert.deepStrictEqual(offered('examples:\n  - script: "Romeo enters."\n    expect: [continuity.$0'), ids);
    assert.deepStrictEqual(offered('examples:\n  - script: "Romeo enters."\n    expect:\n      - { rule: $0'), ids);
  });

  it('offers nothing on a key, in a quotation, a comment or free text', () => {
    assert.deepStrictEqual(offered('relations:\n  - id: r\n    ki$0'), []);
    assert.deepStrictEqual(offered('relations:\n  - { id: r, ki$0'), []);
    assert.deepStrictEqual(offered('relations:\n  - id: r\n    kind:$0'), []);
    assert.deepStrictEqual(offered('relations:\n  - id: r\n    source: "my cousin: $0'), []);
    assert.deepStrictEqual(offered('relations:\n  - id: r  # kind: $0'), []);
    assert.deepStrictEqual(offered('characters:\n  - id: tybalt\n    name: $0'), []);
  });

  it('offers a fact\'s role from its event\'s participants, written in this file or in the pack it extends', () => {
    const duel = 'events:\n  - id: duel\n    name: Romeo kills Tybalt\n    participants: { killer: romeo, victim: tybalt }\n';
    assert.deepStrictEqual(offeredIn(`${duel}facts:\n  - id: who-killed\n    event: duel\n    role: $0\n    character: romeo\n`), ['killer', 'victim']);
    assert.deepStrictEqual(offeredIn(`${duel}facts:\n  - id: no-event\n    role: $0\n`), [], 'no event, no roles to offer');
    const base = loadPack('canon: 1\nid: base\nname: Base\ncharacters:\n  - { id: tybalt, name: Tybalt }\n  - { id: romeo, name: Romeo }\nevents:\n  - { id: duel, name: The duel, participants: { killer: romeo, victim: tybalt } }\n', 'base.canon.yaml', memoryResolver({})).pack;
    const { text, offset } = withCursor('facts:\n  - id: f\n    event: duel\n    role: vi$0\n');
    const items = packCompletions(text, offset, base, rules, notCancelled);
    assert.deepStrictEqual(items.map((i) => [i.label, i.documentation]), [['killer', 'In canon: `romeo`.'], ['victim', 'In canon: `tybalt`.']]);
  });

  it('offers an event\'s participant roles, then character ids, as a `{` opens a slot in a phrasing', () => {
    const duel = 'events:\n  - id: duel\n    name: Romeo kills Tybalt\n    participants: { killer: romeo, victim: [tybalt, mercutio] }\n';
    const roles = ['killer', 'victim', ...characters];
    assert.deepStrictEqual(offered(`${duel}    phrasings: ["{$0`), roles);
    assert.deepStrictEqual(offered(`${duel}    phrasings: ["{killer} kill {vi$0}"]`), roles);
    assert.deepStrictEqual(offered(`${duel}    phrasings:\n      - "{killer} stab {$0"\n    repeats: true\n`), roles);
    assert.deepStrictEqual(offered(`${duel}    phrasings:\n      - { pattern: "{$0", context: [sword] }\n`), roles);
    assert.deepStrictEqual(offered(`${duel}    said: ["It was {$0"]`), roles);
    assert.deepStrictEqual(offered('facts:\n  - id: f\n    phrasings: ["{$0'), characters, 'a never fact\'s slots are character ids');
    assert.deepStrictEqual(offered(`${duel}    phrasings: [{$0`), [], 'outside quotes `{` is YAML');
    assert.deepStrictEqual(offered(`${duel}    description: "a {$0"`), [], 'not a phrasing');
    const { text, offset } = withCursor(`${HEAD}${duel}    phrasings: ["{$0"]`);
    const victim = packCompletions(text, offset, undefined, rules, notCancelled).find((i) => i.label === 'victim');
    assert.strictEqual(victim?.documentation, 'In canon: `tybalt`, `mercutio`.');
  });

  it('offers the participant roles of an event the pack extends, by the nearest id above a phrasing mid-edit', () => {
    const base = loadPack('canon: 1\nid: base\nname: Base\ncharacters:\n  - { id: tybalt, name: Tybalt }\n  - { id: romeo, name: Romeo }\nevents:\n  - { id: duel, name: The duel, participants: { killer: romeo, victim: tybalt } }\n', 'base.canon.yaml', memoryResolver({})).pack;
    const { text, offset } = withCursor('events:\n  - id: duel\n    phrasings: ["{$0\n');
    assert.deepStrictEqual(packCompletions(text, offset, base, rules, notCancelled).map((i) => `${i.label} ${i.kind}`), ['killer vocabulary', 'victim vocabulary', 'tybalt characters', 'romeo characters']);
  });

  it('offers character ids for each of many hands', () => {
    assert.deepStrictEqual(offered('events:\n  - id: stabbing\n    participants: { stabbers: [romeo, $0'), characters);
    assert.deepStrictEqual(offered('events:\n  - id: stabbing\n    participants:\n      stabbers:\n        - ju$0'), characters);
    assert.deepStrictEqual(offered('facts:\n  - id: f\n    character: [romeo, $0'), characters);
  });

  it('offers what a role\'s holders may say', () => {
    assert.deepStrictEqual(offered('roles:\n  - id: king\n    holders: $0'), ['none']);
  });

  it('offers the events a day begins and ends with', () => {
    assert.deepStrictEqual(offered('days:\n  - id: the-day\n    first: $0'), events);
    assert.deepStrictEqual(offered('days:\n  - { id: the-day, first: banishment, last: $0'), events);
  });

  it('reads the keys above the cursor by indentation', () => {
    const { text, offset } = withCursor('events:\n  - id: e\n    participants:\n      killer: romeo\n    requires:\n    - ev$0');
    assert.deepStrictEqual(packContextAt(text, offset)?.path, ['events', 'requires']);
    const crlf = withCursor('relations:\r\n  - id: r\r\n    kind: $0');
    assert.deepStrictEqual(packContextAt(crlf.text, crlf.offset)?.path, ['relations', 'kind'], 'lines ending in CR LF');
  });

  it('adds the ids of the packs a pack extends, after its own', () => {
    const base = loadPack('canon: 1\nid: base\nname: Base\ncharacters:\n  - { id: tybalt, name: Tybalt }\n', 'base.canon.yaml', memoryResolver({})).pack;
    const { text, offset } = withCursor(`${HEAD}relations:\n  - { id: r, kind: cousin, between: [juliet, $0`);
    const items = packCompletions(text, offset, base, rules, notCancelled);
    assert.deepStrictEqual(items.map((i) => `${i.label} ${i.detail}`), ['romeo Romeo Montague', 'juliet Juliet Capulet', 'tybalt Tybalt']);
  });

  it('has a line on every word of every closed vocabulary, and the schema shows the same', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas', 'canon-pack.schema.json'), 'utf8')) as {
      definitions: Record<string, { properties: Record<string, { enum?: string[]; enumDescriptions?: string[]; oneOf?: { enum?: string[]; enumDescriptions?: string[]; items?: { enum?: string[]; enumDescriptions?: string[] } }[] }> }>;
    };
    for (const [section, fields] of Object.entries(fieldSpecs)) {
      for (const [field, spec] of Object.entries(fields)) {
        if (!spec.oneOf) continue;
        const docs = vocabularyDocs(spec.oneOf);
        for (const word of spec.oneOf) assert.ok(docs[word], `${section}.${field}: no line on '${word}' in canon/kind-docs.ts`);
        const property = schema.definitions[section.replace(/s$/, '')].properties[field];
        const enums = [property, ...(property.oneOf ?? []).flatMap((b) => [b, ...(b.items ? [b.items] : [])])].filter((e) => e.enum);
        assert.ok(enums.length > 0, `${section}.${field}: no enum in the schema`);
        for (const e of enums) assert.deepStrictEqual(e.enumDescriptions, e.enum?.map((w) => docs[w]), `${section}.${field}: the schema's enumDescriptions`);
      }
    }
    assert.ok(capabilityDocs.speak && factKindDocs.never);
  });
});
