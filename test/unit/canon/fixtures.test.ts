import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadPack } from '../../../server/core/canon/load';
import { compare, inlineExpectations, sidecarExpectations } from './expectations';
import { fileResolver, fixturesDir } from './support';

const brokenDir = path.join(fixturesDir, 'broken');
const fixtures = fs.readdirSync(brokenDir).filter((name) => name.endsWith('.canon.yaml') || name.endsWith('.canon.json'));

describe('canon pack fixtures (expectations written inline)', () => {
  it('has broken packs to check', () => {
    assert.ok(fixtures.length >= 12, `only ${fixtures.length} fixtures in ${brokenDir}`);
  });

  for (const name of fixtures) {
    it(name, () => {
      const file = path.join(brokenDir, name);
      const text = fs.readFileSync(file, 'utf8');
      const expected = name.endsWith('.json') ? sidecarExpectations(fs.readFileSync(`${file}.expect`, 'utf8')) : inlineExpectations(text);
      assert.ok(expected.length > 0, 'a broken fixture must expect at least one problem');
      const result = loadPack(text, file, fileResolver);
      // Problems in other files (a cycle seen from both ends) are checked by those files' fixtures.
      const own = result.problems.filter((p) => p.uri === file);
      const verdict = compare(text, own, expected);
      assert.deepStrictEqual(verdict, { missing: [], unexpected: [] });
      const hasError = expected.some((e) => e.severity === 'error');
      assert.strictEqual(result.pack === undefined, hasError, hasError ? 'errors must withhold the pack' : 'warnings must keep the pack');
    });
  }
});
