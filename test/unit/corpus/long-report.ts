import * as fs from 'fs';
import { BASELINE_FILE, baselineOf, formatTable, longCorpora, measureCorpus, summarise, type ScriptResult } from './long-corpus';

/**
 * `npm run corpus`: the long blind corpora's figures per canon, with every false warning and miss;
 * `npm run corpus -- --update` writes today's as the ratchet's baseline.
 */
function main(argv: readonly string[]): void {
  const verbose = !argv.includes('--quiet');
  const results: ScriptResult[] = [];
  const summaries = longCorpora().map((corpus) => {
    const measured = measureCorpus(corpus);
    results.push(...measured);
    return summarise(corpus.canon, measured);
  });
  if (verbose) {
    for (const r of results) {
      if (r.falseWarnings.length === 0 && r.missed.length === 0) continue;
      console.log(`${r.canon}/${r.name}${r.clean ? ' (clean)' : ''}`);
      for (const f of r.falseWarnings) console.log(`  FALSE ${f.line} ${f.code}\n      | ${f.text}\n      → ${f.message}`);
      for (const m of r.missed) console.log(`  MISS  ${m.line} ${m.code}\n      | ${m.text}`);
    }
    console.log('');
  }
  const all = summarise('all', results);
  console.log(formatTable([...summaries, all]));
  if (argv.includes('--update')) {
    fs.writeFileSync(BASELINE_FILE, `${JSON.stringify(baselineOf(results), null, 2)}\n`);
    console.log(`\nwrote ${BASELINE_FILE}`);
  }
}

main(process.argv.slice(2));
