import { spawnSync } from 'child_process';
import * as path from 'path';
import { median } from './stats';

export const CAP_MS = 20_000;
const ROOT = path.resolve(__dirname, '..', '..');

/** What a cold run of each contender is: a whole node process on one file. */
function commands(file: string): Record<string, string[]> {
  const quoted = JSON.stringify(file);
  return {
    'canon-keeper': [path.join(ROOT, 'bin', 'canon-keeper'), 'check', '--format', 'json', file],
    'aw-parser': ['-e', `const t=require('fs').readFileSync(${quoted},'utf8');`
      + `require('aw-parser').parser.parse(t,{print_actions:true,print_headers:true,print_dialogues:true});`],
    'fountain-js': ['-e', `const t=require('fs').readFileSync(${quoted},'utf8');`
      + `const {Fountain}=require('fountain-js');new Fountain().parse(t,true).tokens;`],
  };
}

export interface ColdResult {
  /** Median wall time per contender, in ms; Infinity where the run passed the cap. */
  readonly medians: Record<string, number>;
}

/**
 * Runs every contender once per round, round after round, so that each ratio compares runs made
 * under the same load. A contender that passes the cap once is not run again.
 */
export function cold(file: string, rounds: number): ColdResult {
  const runs: Record<string, number[]> = {};
  const capped = new Set<string>();
  for (let r = 0; r < rounds; r++) {
    for (const [name, args] of Object.entries(commands(file))) {
      if (capped.has(name)) continue;
      const start = process.hrtime.bigint();
      const run = spawnSync(process.execPath, args, { cwd: ROOT, timeout: CAP_MS, maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
      const took = Number(process.hrtime.bigint() - start) / 1e6;
      if (run.error || run.signal) {
        capped.add(name);
        continue;
      }
      if (run.status !== 0 && !(name === 'canon-keeper' && run.status === 1)) {
        throw new Error(`${name} failed on ${file}: ${run.stderr.toString().slice(0, 500)}`);
      }
      (runs[name] ??= []).push(took);
    }
  }
  const medians: Record<string, number> = {};
  for (const name of Object.keys(commands(file))) medians[name] = capped.has(name) ? Infinity : median(runs[name] ?? []);
  return { medians };
}
