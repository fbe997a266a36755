import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { notCancelled } from '../../../server/core/cancellation';
import { loadPack } from '../../../server/core/canon/load';
import { runExamples } from '../../../server/core/pack-tests';
import { checkFountain } from '../../support/check';
import { fileResolver, repoRoot } from '../canon/support';
import { formatFinding, judge } from '../corpus/compare';
import { parseCorpusScript } from '../corpus/expectations';

/**
 * Rules that need a canon the built-in pack cannot express (uncles, step-parents, titles, ghosts):
 * each folder of test/fixtures/packs holds one pack and scripts with their verdicts written inline,
 * as in test/corpus. Every canon finding must be expected, and every expected finding found.
 */
const root = path.join(repoRoot, 'test', 'fixtures', 'packs');
const folders = fs.readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

describe('rules on fixture packs (expectations written inline)', () => {
  it('has fixture packs', () => assert.ok(folders.length > 0));

  for (const folder of folders) {
    const dir = path.join(root, folder);
    const packFile = fs.readdirSync(dir).find((name) => name.endsWith('.canon.yaml'));
    const scripts = fs.readdirSync(dir).filter((name) => name.endsWith('.fountain')).sort();

    describe(folder, () => {
      it('loads without a problem', () => {
        assert.ok(packFile, `no *.canon.yaml in ${dir}`);
        const file = path.join(dir, packFile);
        const result = loadPack(fs.readFileSync(file, 'utf8'), file, fileResolver);
        assert.deepStrictEqual(result.problems.map((p) => p.message), []);
      });

      it('passes its own examples, as canon-keeper test runs them', () => {
        const file = path.join(dir, packFile ?? '');
        const pack = loadPack(fs.readFileSync(file, 'utf8'), file, fileResolver).pack;
        assert.ok(pack);
        const failed = runExamples(pack, {}, notCancelled).filter((r) => !r.passed);
        assert.deepStrictEqual(failed.map((r) => [r.example.name, r.missing.map((m) => m.rule), r.unexpected.map((u) => `${u.rule} (line ${u.line})`)]), []);
      });

      for (const name of scripts) {
        it(name, () => {
          const file = path.join(dir, packFile ?? '');
          const pack = loadPack(fs.readFileSync(file, 'utf8'), file, fileResolver).pack;
          assert.ok(pack);
          const script = parseCorpusScript(fs.readFileSync(path.join(dir, name), 'utf8'));
          const verdict = judge(script, checkFountain(script.text, { pack }));
          const report = [
            ...verdict.missed.map((f) => `missed:${formatFinding(script, f)}`),
            ...verdict.unexpected.map((f) => `unexpected:${formatFinding(script, f)}`),
          ];
          assert.deepStrictEqual(report, []);
        });
      }
    });
  }
});
