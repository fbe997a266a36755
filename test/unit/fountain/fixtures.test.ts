import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkFixture, prepareFixture } from './fixtureHarness';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const fixtureDir = path.join(repoRoot, 'test', 'fixtures', 'fountain');

function fixtureFiles(): string[] {
  return fs
    .readdirSync(fixtureDir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.fountain'))
    .sort();
}

describe('fountain fixtures', () => {
  const files = fixtureFiles();

  it('finds fixtures by glob', () => {
    assert.ok(files.length >= 5, `only ${files.length} fixtures found in ${fixtureDir}`);
  });

  for (const file of files) {
    it(file, () => {
      const content = fs.readFileSync(path.join(fixtureDir, file), 'utf8');
      assert.ok(prepareFixture(content).expectations.length > 0, 'a fixture must expect something');
      const verdict = checkFixture(content, file);
      const report = [
        verdict.missing.length > 0 ? `False negatives (expected, not found):\n  ${verdict.missing.join('\n  ')}` : '',
        verdict.unexpected.length > 0 ? `False positives (found, not expected):\n  ${verdict.unexpected.join('\n  ')}` : '',
      ].filter((part) => part !== '');
      assert.ok(report.length === 0, report.join('\n'));
    });
  }
});

describe('fountain fixture harness', () => {
  it('reports a missing element and an unexpected one separately', () => {
    const verdict = checkFixture('Hello.\n[[^ character]]\n', 'self-test.fountain');
    assert.equal(verdict.missing.length, 1);
    assert.match(verdict.missing[0], /line 1: expected character \(found action "Hello\."\)/);
    assert.deepEqual(verdict.unexpected, ['line 1: action "Hello."']);
  });

  it('removes expectation lines before parsing and maps lines back', () => {
    const prepared = prepareFixture('JOHN\n[[^ character]]\nHi.\n/*^^ dialogue "Hi." */\n');
    assert.equal(prepared.source, 'JOHN\nHi.\n');
    assert.deepEqual(prepared.expectations, [
      { fixtureLine: 1, type: 'character' },
      { fixtureLine: 3, type: 'dialogue', text: 'Hi.' },
    ]);
    assert.deepEqual(checkFixture('JOHN\n[[^ character]]\nHi.\n/*^^ dialogue "Hi." */\n', 'x.fountain'), { missing: [], unexpected: [] });
  });
});
