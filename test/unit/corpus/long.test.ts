import * as assert from 'assert';
import * as fs from 'fs';
import { baselineFile, baselineOf, CORPUS_SETS, formatTable, longCorpora, measureCorpus, summarise, type Baseline, type ScriptResult } from './long-corpus';

/**
 * The ratchet on the long blind corpora: the false warnings and misses of today are written down
 * in test/corpus-long/baseline.json, line by line. A new false warning anywhere, or a new miss,
 * fails; so does one the baseline lists that no longer happens, so that an improvement is written
 * down and kept (`npm run corpus -- --update` rewrites the file; review its diff before committing).
 */
describe('long blind corpora', function () {
  this.timeout(120000);

  for (const set of CORPUS_SETS) it(`${set.name}: no false warning and no miss beyond the ratchet in its baseline.json`, () => {
    const corpora = longCorpora(set.root);
    assert.ok(corpora.length > 0, `${set.root} holds no canon`);
    const results: ScriptResult[] = [];
    const summaries = corpora.map((corpus) => {
      const measured = measureCorpus(corpus);
      results.push(...measured);
      return summarise(corpus.canon, measured);
    });
    console.log(`\n${formatTable(summaries)}\n`);
    const baseline: Baseline = JSON.parse(fs.readFileSync(baselineFile(set.root), 'utf8'));
    const now = baselineOf(results);
    const problems: string[] = [];
    const scripts = new Set([...Object.keys(baseline), ...Object.keys(now)]);
    for (const script of scripts) {
      const was = baseline[script] ?? { false: [], missed: [] };
      const is = now[script] ?? { false: [], missed: [] };
      const result = results.find((r) => `${r.canon}/${r.name}` === script);
      const text = (entry: string, list: 'false' | 'missed'): string => {
        const line = Number(entry.split(' ')[0]);
        const found = (list === 'false' ? result?.falseWarnings : result?.missed)?.find((f) => f.line === line);
        return found ? `\n      | ${found.text}${found.message ? `\n      → ${found.message}` : ''}` : '';
      };
      for (const f of is.false) if (!was.false.includes(f)) problems.push(`new false warning: ${script}:${f}${text(f, 'false')}`);
      for (const m of is.missed) if (!was.missed.includes(m)) problems.push(`new miss: ${script}:${m}${text(m, 'missed')}`);
      for (const f of was.false) if (!is.false.includes(f)) problems.push(`no longer false (ratchet it: npm run corpus -- --update): ${script}:${f}`);
      for (const m of was.missed) if (!is.missed.includes(m)) problems.push(`now found (ratchet it: npm run corpus -- --update): ${script}:${m}`);
    }
    assert.deepStrictEqual(problems, []);
  });
});
