import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadPack } from '../../../server/core/canon/load';
import type { CanonPack } from '../../../server/core/canon/model';
import { builtinText, fileResolver, repoRoot } from './support';

const seedPath = path.resolve(repoRoot, '..', 'shared', 'seed', 'tiny-pretty-things-article.txt');

function builtin(): CanonPack {
  const result = loadPack(builtinText(), 'builtin:tiny-pretty-things', fileResolver);
  assert.deepStrictEqual(result.problems, []);
  assert.ok(result.pack);
  return result.pack;
}

/** Every `source` anywhere in the pack, with where it stands, for the verbatim check. */
function sources(pack: CanonPack): { where: string; source: string }[] {
  const found: { where: string; source: string }[] = [];
  const walk = (value: unknown, where: string): void => {
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${where}[${i}]`));
    else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === 'source' && typeof child === 'string') found.push({ where, source: child });
        else if (key !== 'origin') walk(child, `${where}.${key}`);
      }
    }
  };
  walk(pack, 'pack');
  return found;
}

describe('the built-in Tiny Pretty Things pack', () => {
  it('loads with no problems', () => {
    const pack = builtin();
    assert.strictEqual(pack.id, 'tiny-pretty-things');
    assert.deepStrictEqual(
      pack.characters.map((c) => c.id),
      ['cassie', 'bette', 'delia', 'neveah', 'ramon', 'monique'],
    );
    assert.deepStrictEqual(pack.events.map((e) => e.id), [
      'fall',
      'neveah-takes-cassies-place',
      'life-support',
      'cassie-wakes',
      'cassie-recovers',
      'accusation',
      'fingerprints',
    ]);
  });

  it('fills in the defaults the format promises', () => {
    const pack = builtin();
    const cassie = pack.characters.find((c) => c.id === 'cassie');
    assert.deepStrictEqual([cassie?.cue, cassie?.first, cassie?.surname], ['CASSIE', 'Cassie', 'Shore']);
    const graduate = pack.roles.find((r) => r.id === 'graduate');
    assert.deepStrictEqual(graduate?.conflicts, ['student'], 'conflicts are made symmetric');
    const coma = pack.states[0];
    assert.deepStrictEqual([coma.from, coma.until, coma.forbids], ['fall', 'cassie-wakes', ['speak', 'act']]);
  });

  it('cites only what the article says, verbatim', function () {
    if (!fs.existsSync(seedPath)) {
      console.log(`      (skipped: the seed article is not at ${seedPath})`);
      this.skip();
    }
    const article = fs.readFileSync(seedPath, 'utf8');
    const pack = builtin();
    const all = sources(pack);
    assert.ok(all.length >= 25, `only ${all.length} sources`);
    const invented = all.filter((s) => !article.includes(s.source));
    assert.deepStrictEqual(invented, []);
    for (const entry of [...pack.characters, ...pack.relations, ...pack.events, ...pack.states, ...pack.facts, ...pack.roles]) {
      assert.ok(entry.source, `${entry.id} has no source`);
    }
  });
});
