import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { checkFountain } from '../../support/check';
import { formatFinding, judge } from './compare';
import { findCorpusEntries } from './corpus-files';
import { parseCorpusScript, type CorpusScript } from './expectations';

/**
 * The blind corpora: scripts labelled from the article and the README alone, by someone who had
 * not read the engine. Its known misses are tolerated up to a bound, so the suite measures how the
 * engine generalises; a false alarm, or a trap that does not stay quiet, fails at once, because a
 * warning a writer cannot trust costs more than a miss.
 */
const ROOTS = ['corpus-blind', 'corpus-blind-2', 'corpus-blind-3'].map((name) => path.resolve(__dirname, '..', '..', '..', '..', 'test', name));
const MIN_RECALL = 0.9;

describe('blind corpora', () => {
  it(`raises no false alarm, keeps every trap quiet, and finds at least ${MIN_RECALL * 100}% of what it should`, () => {
    const read = (file: string): CorpusScript => parseCorpusScript(fs.readFileSync(file, 'utf8'));
    let expected = 0;
    let found = 0;
    const alarms: string[] = [];
    const misses: string[] = [];
    for (const entry of ROOTS.flatMap((root) => findCorpusEntries(root))) {
      const script = read(entry.file);
      const previousChapters = entry.previousChapterFiles.map((f) => read(f).text);
      const verdict = judge(script, checkFountain(script.text, { previousChapters }));
      expected += script.expected.length;
      found += verdict.found;
      alarms.push(...verdict.unexpected.map((f) => `${entry.name} ${formatFinding(script, f)}`));
      alarms.push(...verdict.quietBroken.map((t) => `${entry.name}: trap on line ${script.originalLines[t.line] + 1} (${t.reason})`));
      misses.push(...verdict.missed.map((f) => `${entry.name} ${formatFinding(script, f)}`));
    }
    console.log(`\n  Blind corpus: recall ${found}/${expected}; misses:\n${misses.join('\n')}\n`);
    assert.deepStrictEqual(alarms, []);
    assert.ok(expected > 0 && found / expected >= MIN_RECALL, `recall ${found}/${expected} is below ${MIN_RECALL}`);
  });
});
