import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadPack } from '../../../server/core/canon/load';
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
