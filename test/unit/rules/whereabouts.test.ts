import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { notCancelled } from '../../../server/core/cancellation';
import { loadPack } from '../../../server/core/canon/load';
import type { CanonPack } from '../../../server/core/canon/model';
import { checkScript } from '../../../server/core/check';
import { parse } from '../../../server/core/fountain/parse';
import { checkFountain } from '../../support/check';
import { memoryResolver, repoRoot } from '../canon/support';

/**
 * States that say where someone is (`at:`) or where they cannot be (`away-from:`), as the docs
 * write them: the docs' own example, completed with the characters and events it names, is the pack.
 */
const doc = fs.readFileSync(path.join(repoRoot, 'docs', 'canon-packs.md'), 'utf8');

function docsBlock(): string {
  const section = doc.indexOf('## Where someone is');
  assert.ok(section >= 0, 'no section on where someone is in docs/canon-packs.md');
  const start = doc.indexOf('```yaml\n', section) + '```yaml\n'.length;
  return doc.slice(start, doc.indexOf('```', start));
}

const HEAD = `canon: 1
id: whereabouts
name: Whereabouts
characters:
  - { id: romeo, name: Romeo Montague, pronouns: he/him }
  - { id: juliet, name: Juliet Capulet, pronouns: she/her }
  - { id: nell, name: Nell Quill, pronouns: she/her }
events:
  - { id: romeo-leaves, name: Romeo leaves for Mantua, phrasings: ["{romeo} leave for mantua"] }
  - { id: nell-sails, name: Nell sets sail, phrasings: ["{nell} set sail"] }
  - { id: romeo-returns, name: Romeo returns, phrasings: ["{romeo} return to verona"] }
  - { id: nell-comes-home, name: Nell comes home, phrasings: ["{nell} come home"] }
`;

function load(text: string): CanonPack {
  const result = loadPack(text, 'whereabouts.canon.yaml', memoryResolver({}));
  assert.deepStrictEqual(result.problems.map((p) => p.message), []);
  assert.ok(result.pack);
  return result.pack;
}

const pack = load(HEAD + docsBlock());

function found(script: string, canon = pack): string[] {
  return checkFountain(script, { pack: canon }).filter((f) => f.code.startsWith('continuity.')).map((f) => `${f.line + 1} ${f.code}`);
}

const scene = (heading: string, anchor: string, ...lines: string[]): string => [heading, '', `[[canon: after ${anchor}]]`, '', ...lines, ''].join('\n');

describe('states that say where someone is', () => {
  it('reads the docs example into the model', () => {
    const banished = pack.states.find((s) => s.id === 'romeo-banished');
    assert.deepStrictEqual(banished?.awayFrom, ['verona']);
    assert.deepStrictEqual(pack.states.find((s) => s.id === 'nell-at-sea')?.at, ['sea']);
    assert.strictEqual(pack.places.find((p) => p.id === 'capulet-house')?.in, 'verona');
  });

  it('warns when the banished act or speak in a place inside the one they are banished from', () => {
    assert.deepStrictEqual(found(scene('INT. CAPULET HOUSE - NIGHT', 'Romeo leaves for Mantua', 'Romeo climbs the stairs.')), ['5 continuity.state-place']);
    assert.deepStrictEqual(found(scene('EXT. VERONA - A STREET - DAY', 'Romeo leaves for Mantua', 'ROMEO', 'I am back.')), ['5 continuity.state-place']);
  });

  it('names the place and the state in the message, and points to the heading', () => {
    const { findings: [finding] } = checkScript(parse(scene('INT. CAPULET HOUSE - NIGHT', 'Romeo leaves for Mantua', 'Romeo climbs the stairs.')), pack, {}, notCancelled);
    assert.match(finding.message, /^Romeo climbs in a scene set at Capulet's house, in Verona, but Romeo is banished from Verona \(from Romeo leaves for Mantua until Romeo returns\) and cannot be there\.$/);
    assert.deepStrictEqual(finding.related?.map((r) => r.message), ["The scene is set at Capulet's house, in Verona here", 'The story is placed after Romeo leaves for Mantua here']);
    assert.deepStrictEqual(finding.fixes?.map((f) => f.title), ['Mark as intended divergence ([[canon-ignore]])', 'Place this scene after Romeo returns']);
  });

  it('is quiet where they may be: the place they are at, a ship at sea, a place holding theirs', () => {
    assert.deepStrictEqual(found(scene('EXT. MANTUA - DAY', 'Romeo leaves for Mantua', 'Romeo paces the square.')), []);
    assert.deepStrictEqual(found(scene('INT. THE GULL - HOLD - NIGHT', 'Nell sets sail', 'NELL', 'Hold steady.')), []);
    assert.deepStrictEqual(found(scene('EXT. THE OPEN SEA - NIGHT', 'Nell sets sail', 'Nell hauls the nets.')), []);
    assert.deepStrictEqual(found(scene('INT. CAPULET HOUSE - NIGHT', 'Nell sets sail', 'Nell knocks at the door.')), ['5 continuity.state-place']);
  });

  it('reads where the scene is from the heading\'s location, not from the time after its last dash', () => {
    assert.deepStrictEqual(found(scene('INT. KITCHEN - VERONA', 'Romeo leaves for Mantua', 'Romeo climbs the stairs.')), []);
    assert.deepStrictEqual(found(scene('INT. VERONA - KITCHEN - DAY', 'Romeo leaves for Mantua', 'Romeo climbs the stairs.')), ['5 continuity.state-place']);
  });

  it('is quiet before the state and after it ends', () => {
    assert.deepStrictEqual(found('INT. CAPULET HOUSE - NIGHT\n\nRomeo climbs the stairs.\n'), []);
    assert.deepStrictEqual(found(scene('INT. CAPULET HOUSE - NIGHT', 'Romeo returns', 'Romeo climbs the stairs.')), []);
  });

  it('is quiet on the phone, in a dream, and in dialogue about them', () => {
    assert.deepStrictEqual(found(scene('INT. CAPULET HOUSE - NIGHT', 'Romeo leaves for Mantua', 'ROMEO (ON PHONE)', 'I miss you.')), []);
    assert.deepStrictEqual(found(scene('INT. CAPULET HOUSE - NIGHT - DREAM', 'Romeo leaves for Mantua', 'Romeo climbs the stairs.')), []);
    assert.deepStrictEqual(found(scene('INT. CAPULET HOUSE - NIGHT', 'Romeo leaves for Mantua', 'JULIET', 'Romeo climbs walls for me.')), []);
  });

  it('says nothing of a state without places: the engine reads at and away-from', () => {
    const placeless = load(HEAD + docsBlock().replace('    away-from: verona         # not in Verona, nor anywhere in it\n', ''));
    assert.deepStrictEqual(found(scene('INT. CAPULET HOUSE - NIGHT', 'Romeo leaves for Mantua', 'Romeo climbs the stairs.'), placeless), []);
  });

  it('takes its severity from the settings like any rule', () => {
    const text = scene('INT. CAPULET HOUSE - NIGHT', 'Romeo leaves for Mantua', 'Romeo climbs the stairs.');
    const off = checkScript(parse(text), pack, { severities: { 'continuity.state-place': 'off' } }, notCancelled);
    assert.deepStrictEqual(off.findings.map((f) => f.ruleId), []);
    const error = checkScript(parse(text), pack, { severities: { 'continuity.state-place': 'error' } }, notCancelled);
    assert.deepStrictEqual(error.findings.map((f) => `${f.ruleId} ${f.severity}`), ['continuity.state-place error']);
  });
});
