import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { notCancelled } from '../../../server/core/cancellation';
import { loadPack } from '../../../server/core/canon/load';
import { runExamples } from '../../../server/core/pack-tests';
import { memoryResolver, repoRoot } from './support';

describe('docs/canon-packs.md', () => {
  it('has an example pack that loads without problems', () => {
    const doc = fs.readFileSync(path.join(repoRoot, 'docs', 'canon-packs.md'), 'utf8');
    const start = doc.indexOf('```yaml\ncanon: 1');
    assert.ok(start >= 0, 'no example pack in the docs');
    const body = doc.slice(start + '```yaml\n'.length, doc.indexOf('```', start + 7));
    const result = loadPack(body, 'example.canon.yaml', memoryResolver({}));
    assert.deepStrictEqual(result.problems, []);
    assert.strictEqual(result.pack?.characters[0].cue, 'ROMEO');
  });
});

describe('docs/canon-packs.md on examples', () => {
  it('shows examples that pass against the Macbeth pack', () => {
    const doc = fs.readFileSync(path.join(repoRoot, 'docs', 'canon-packs.md'), 'utf8');
    const start = doc.indexOf('```yaml\nexamples:');
    assert.ok(start >= 0, 'no examples in the docs');
    const block = doc.slice(start + '```yaml\n'.length, doc.indexOf('```', start + 7));
    const file = path.join(repoRoot, 'examples', 'packs', 'macbeth', 'macbeth.canon.yaml');
    const pack = fs.readFileSync(file, 'utf8').replace(/\nexamples:[\s\S]*$/, '\n') + block;
    const result = loadPack(pack, file, memoryResolver({}));
    assert.deepStrictEqual(result.problems.map((p) => p.message), []);
    assert.ok(result.pack);
    const results = runExamples(result.pack, {}, notCancelled);
    assert.strictEqual(results.length, 3);
    assert.deepStrictEqual(results.filter((r) => !r.passed).map((r) => [r.example.name, r.missing, r.unexpected]), []);
  });
});
