import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, reparse } from '../../../server/core/fountain/parse';
import { hasSharedFountain, sharedFountain, skipWithoutShared } from './sharedData';

/** Median wall time of `runs` calls, in milliseconds. */
function median(runs: number, work: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    work();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)];
}

/**
 * The parser's speed on Big Fish ten times over (about 46,000 lines, 1.4 MB). The bounds are loose
 * so that a slow machine passes; the printed figures are the ones worth watching.
 */
describe('Fountain parser performance', function () {
  this.timeout(60000);
  before(function () {
    skipWithoutShared(this);
  });

  const text = hasSharedFountain() ? fs.readFileSync(path.join(sharedFountain, 'samples', 'big-fish.fountain'), 'utf8').repeat(10) : '';

  it('parses Big Fish x10 well under a second', () => {
    parse(text);
    const ms = median(7, () => parse(text));
    console.log(`      parse Big Fish x10 (${text.split('\n').length} lines): median ${ms.toFixed(1)} ms`);
    assert.ok(ms < 700, `${ms} ms`);
  });

  it('reparses a keystroke in the middle far faster than a full parse', () => {
    const document = parse(text);
    const at = text.indexOf('EDWARD', text.length >> 1);
    const ms = median(15, () => reparse(document, { start: at, end: at, newText: 'x' }));
    const full = median(5, () => parse(text));
    console.log(`      reparse one keystroke: median ${ms.toFixed(2)} ms (full parse ${full.toFixed(1)} ms)`);
    assert.ok(ms < full / 3, `${ms} ms vs ${full} ms`);
  });
});
