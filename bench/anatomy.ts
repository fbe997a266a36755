import * as fs from 'fs';
import { performance } from 'perf_hooks';
import type { CanonPack } from '../server/core/canon/model';

/**
 * `node anatomy.js FILE [WARM]`: a cold `canon-keeper check --format json` taken apart, in one
 * fresh process. Prints JSON: how long node took to reach this script, to load the engine, and
 * the CLI's steps (parse, check, the JSON report) the first time, when V8 has compiled nothing,
 * then as medians of WARM runs more, when it has. What separates the two is V8's warm-up: no cold
 * process can be faster than node's start, the loading and the warm steps together (`floor`).
 */
const booted = performance.now();
// The engine as the CLI loads it, the one bundle: what this script runs is loaded after, from the
// compiled modules (the bundle exports only what bin/canon-keeper calls), and is not counted.
const loadStart = performance.now();
const cli = require('../../dist/cli.js') as { tuneForOneShotRun(): void };
const loaded = performance.now() - loadStart;
// V8 as the CLI sets it (bin/canon-keeper), so that the first run here is the CLI's first run.
cli.tuneForOneShotRun();
const { parse } = require('../server/core/fountain/parse') as typeof import('../server/core/fountain/parse');
const { checkStory } = require('../server/core/check') as typeof import('../server/core/check');
const { notCancelled } = require('../server/core/cancellation') as typeof import('../server/core/cancellation');
const { builtinPack } = require('../server/host/builtin') as typeof import('../server/host/builtin');
const { LineIndex } = require('../server/core/lines') as typeof import('../server/core/lines');
const { toDiagnostic } = require('../server/protocol/diagnostics') as typeof import('../server/protocol/diagnostics');
const { formatJson } = require('../server/cli/report') as typeof import('../server/cli/report');
const { ruleFailed } = require('./session') as typeof import('./session');
const { median } = require('./stats') as typeof import('./stats');

export interface Anatomy {
  /** ms from the process's start to the first line of this script. */
  readonly boot: number;
  /** ms to load the CLI's bundle. */
  readonly load: number;
  readonly first: Steps;
  /** Medians of the warm runs. */
  readonly warm: Steps;
}

export interface Steps {
  readonly parse: number;
  readonly check: number;
  readonly report: number;
}

/**
 * One check as the CLI makes it. The built-in pack is loaded before, once per process, and not
 * counted: here it is read from its YAML, where the CLI's bundle reads a snapshot of it.
 */
function run(file: string, pack: CanonPack): { steps: Steps; findings: number } {
  // checkStory without a database keeps nothing from one run to the next: each is cold.
  const text = fs.readFileSync(file, 'utf8');
  const t0 = performance.now();
  const doc = parse(text);
  const t1 = performance.now();
  const [result] = checkStory([doc], pack, { severities: {}, onRuleError: ruleFailed }, notCancelled);
  const t2 = performance.now();
  const lines = new LineIndex(text);
  const output = formatJson([{ path: file, text, diagnostics: result.findings.map((f) => toDiagnostic(f, lines, 'file:///bench.fountain')) }]);
  const t3 = performance.now();
  if (output.length === 0) throw new Error('no report');
  return { steps: { parse: t1 - t0, check: t2 - t1, report: t3 - t2 }, findings: result.findings.length };
}

function main(): void {
  const [file, warmRuns = '5'] = process.argv.slice(2);
  const pack = builtinPack();
  const first = run(file, pack);
  const warm: Steps[] = [];
  for (let i = 0; i < Number(warmRuns); i++) {
    const again = run(file, pack);
    if (again.findings !== first.findings) throw new Error(`a warm run found ${again.findings} problems, the first ${first.findings}`);
    warm.push(again.steps);
  }
  const med = (key: keyof Steps): number => median(warm.map((s) => s[key]));
  const anatomy: Anatomy = { boot: booted, load: loaded, first: first.steps, warm: { parse: med('parse'), check: med('check'), report: med('report') } };
  process.stdout.write(JSON.stringify(anatomy));
}

main();
