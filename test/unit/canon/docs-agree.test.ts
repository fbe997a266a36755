import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { notCancelled } from '../../../server/core/cancellation';
import { loadPack } from '../../../server/core/canon/load';
import { requiredFields } from '../../../server/core/canon/spec';
import { checkScript } from '../../../server/core/check';
import { parse } from '../../../server/core/fountain/parse';
import { builtinText, memoryResolver, repoRoot } from './support';

const doc = fs.readFileSync(path.join(repoRoot, 'docs', 'canon-packs.md'), 'utf8');
const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas', 'canon-pack.schema.json'), 'utf8')) as {
  then: { properties: Record<string, { items: { required: string[] } }> };
};

/** The bold fields of a section's row in the docs' table (for facts, those before the per-kind ones). */
function boldInDocs(section: string): string[] {
  const row = doc.split('\n').find((line) => line.startsWith(`| \`${section}\` |`));
  assert.ok(row, `no row for ${section} in the docs' table`);
  const common = row.split('participant:')[0];
  return [...common.matchAll(/\*\*`([a-z]+)`\*\*/g)].map((m) => m[1]);
}

function neverFact(pattern: string, narration: string): string[] {
  const pack = `canon: 1\nid: gap\nname: Gap\ncharacters:\n  - id: lady-macbeth\n    name: Lady Macbeth\n    first: Lady Macbeth\n  - { id: duncan, name: Duncan }\nfacts:\n  - id: f\n    statement: no\n    phrasings: ["${pattern}"]\n`;
  const loaded = loadPack(pack, 'gap.canon.yaml', memoryResolver({}));
  assert.deepStrictEqual(loaded.problems, []);
  assert.ok(loaded.pack);
  return checkScript(parse(`INT. HALL - NIGHT\n\n${narration}\n`), loaded.pack, {}, notCancelled).findings.map((f) => f.ruleId);
}

describe('the docs, the schema and the loader agree', () => {
  for (const section of Object.keys(requiredFields) as (keyof typeof requiredFields)[]) {
    it(`on what a ${section.replace(/s$/, '')} requires`, () => {
      const required = ['id', ...requiredFields[section]];
      assert.deepStrictEqual(boldInDocs(section), required, 'docs table');
      assert.deepStrictEqual(schema.then.properties[section].items.required, required, 'schema (packs without extends)');
      if (requiredFields[section].length === 0) return;
      const entry = section === 'characters' ? '' : '\ncharacters:\n  - { id: a, name: A }';
      const text = `canon: 1\nid: x\nname: X${entry}\n${section}:\n  - id: only-an-id\n`;
      const messages = loadPack(text, 'x.canon.yaml', memoryResolver({})).problems.map((p) => p.message);
      for (const field of requiredFields[section]) assert.ok(messages.some((m) => m.includes(`missing '${field}'`)), `${field}: ${messages.join('; ')}`);
    });
  }

  it('on how many words may stand between pattern terms: four, not five', () => {
    assert.match(doc, /up to four other words may stand/);
    assert.match(builtinText(), /up to four words may stand between pattern words/);
    assert.deepStrictEqual(neverFact('{duncan} eat bread', 'Duncan eats the very old dark bread.'), ['continuity.never']);
    assert.deepStrictEqual(neverFact('{duncan} eat bread', 'Duncan eats the very old dark brown bread.'), []);
  });

  it('on hyphenated ids as slots', () => {
    assert.match(doc, /`\{lady-macbeth\} sleepwalk`/);
    assert.deepStrictEqual(neverFact('{lady-macbeth} sleepwalk', 'Lady Macbeth sleepwalks.'), ['continuity.never']);
  });
});
