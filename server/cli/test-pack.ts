import * as path from 'path';
import { parseArgs } from 'util';
import { notCancelled } from '../core/cancellation';
import type { Origin } from '../core/canon/model';
import { LineIndex } from '../core/lines';
import { runExamples, type ExampleResult } from '../core/pack-tests';
import { readText } from '../host/files';
import { loadPackFile, packFilesFrom } from './canon';
import { CommandError } from './inputs';
import { PackProblems, shown } from './pack-report';
import { formatText } from './report';

export const TEST_USAGE = `canon-keeper test [--format text|json] PACK|FOLDER...`;

interface PackRun {
  readonly file: string;
  readonly results: readonly ExampleResult[];
}

/**
 * `canon-keeper test PACK...`: runs each pack's `examples:` with the engine `check` uses, and says
 * which pass and which fail, as a linter's rule tests do. A pack with errors cannot run: its
 * problems are printed as `lint` prints them.
 */
export function runTestPack(argv: readonly string[]): number {
  const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, options: { format: { type: 'string', default: 'text' } } });
  if (values.format !== 'text' && values.format !== 'json') throw new CommandError(`--format must be text or json, not “${values.format}”`);
  if (positionals.length === 0) throw new CommandError('test needs at least one canon pack (a .canon.yaml file, or a folder of them)');
  const problems = new PackProblems();
  const runs: PackRun[] = [];
  for (const file of packFilesFrom(positionals)) {
    const loaded = loadPackFile(file);
    problems.add(loaded.problems.filter((p) => p.severity === 'error'));
    if (loaded.pack) runs.push({ file: shown(file), results: runExamples(loaded.pack, {}, notCancelled) });
  }
  const failed = runs.reduce((n, run) => n + run.results.filter((r) => !r.passed).length, 0);
  if (values.format === 'json') process.stdout.write(JSON.stringify({ version: 1, packs: runs.map(jsonOf), problems: problems.reports() }, null, 2) + '\n');
  else process.stdout.write(formatRuns(runs, problems));
  return failed > 0 || problems.hasErrors ? 1 : 0;
}

function formatRuns(runs: readonly PackRun[], problems: PackProblems): string {
  const out: string[] = [];
  if (problems.hasErrors) out.push(formatText(problems.reports()).trimEnd(), '');
  let passed = 0;
  let total = 0;
  for (const run of runs) {
    const lines = new LineIndex(readText(path.resolve(run.file)) ?? '');
    if (run.results.length === 0) out.push(`${run.file}: no examples to run (add some under 'examples:', see docs/canon-packs.md)`);
    for (const result of run.results) {
      total++;
      if (result.passed) passed++;
      out.push(`${result.passed ? 'pass' : 'FAIL'} ${at(run.file, lines, result.example.origin)} ${result.example.name}`);
      if (!result.passed) out.push(...reasons(result, run.file, lines));
    }
  }
  const broken = problems.reports().filter((r) => r.diagnostics.length > 0).length;
  const notRun = broken === 0 ? '' : ` ${broken} pack${broken === 1 ? '' : 's'} with errors: ${broken === 1 ? 'its' : 'their'} examples were not run.`;
  out.push(`${total} example${total === 1 ? '' : 's'}: ${passed} passed, ${total - passed} failed.${notRun}`);
  return out.join('\n') + '\n';
}

/** Why an example failed, one line each, indented under it. */
function reasons(result: ExampleResult, file: string, lines: LineIndex): string[] {
  const out: string[] = [];
  for (const { expected, suggestion } of result.unknownRules) {
    out.push(`     ${at(file, lines, expected.origin)} no rule '${expected.rule}'${suggestion ? ` (did you mean '${suggestion}'?)` : ''}`);
  }
  for (const want of result.missing) {
    if (result.unknownRules.some((u) => u.expected === want)) continue;
    out.push(`     expected ${want.rule}${want.line === undefined ? '' : ` on line ${want.line}`}, not given`);
  }
  for (const got of result.unexpected) out.push(`     not expected: line ${got.line}: ${got.rule} ${got.message}`);
  return out;
}

function at(file: string, lines: LineIndex, origin: Origin): string {
  const position = lines.positionAt(origin.span.start);
  return `${file}:${position.line + 1}:${position.character + 1}:`;
}

function jsonOf(run: PackRun): unknown {
  return {
    path: run.file,
    examples: run.results.map((r) => ({
      name: r.example.name,
      passed: r.passed,
      missing: r.missing.map((m) => ({ rule: m.rule, ...(m.line === undefined ? {} : { line: m.line }) })),
      unexpected: r.unexpected,
      unknownRules: r.unknownRules.map((u) => u.expected.rule),
    })),
  };
}
