import * as fs from 'fs';
import { baselineFile, baselineOf, CORPUS_SETS, formatTable, longCorpora, measureCorpus, summarise, type ScriptResult } from './long-corpus';

/**
 * `npm run corpus`: the long blind corpora's figures per canon, with every false warning and miss;
 * `npm run corpus -- --update` writes today's as the ratchet's baseline.
 */
function main(argv: readonly string[]): void {
  const verbose = !argv.includes('--quiet');
  for (const set of CORPUS_SETS) {
    const results: ScriptResult[] = [];
    const summaries = longCorpora(set.root).map((corpus) => {
      const measured = measureCorpus(corpus);
      results.push(...measured);
      return summarise(corpus.canon, measured);
    });
    console.log(`\n== ${set.name} (${set.root})\n`);
    if (verbose) {
      for (const r of results) {
        if (r.falseWarnings.length === 0 && r.missed.length === 0) continue;
        console.log(`${r.canon}/${r.name}${r.clean ? ' (clean)' : ''}`);
        for (const f of r.falseWarnings) console.log(`  FALSE ${f.line} ${f.code}\n      | ${f.text}\n      → ${f.message}`);
        for (const m of r.missed) console.log(`  MISS  ${m.line} ${m.code}\n      | ${m.text}`);
      }
      console.log('');
    }
    console.log(formatTable([...summaries, summarise('all', results)]));
    if (argv.includes('--update')) {
      fs.writeFileSync(baselineFile(set.root), `${JSON.stringify(baselineOf(results), null, 2)}\n`);
      console.log(`\nwrote ${baselineFile(set.root)}`);
    }
  }
}

main(process.argv.slice(2));
