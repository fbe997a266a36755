import { parseArgs } from 'util';
import { loadPackFile, packFilesFrom } from './canon';
import { CommandError } from './inputs';
import { PackProblems } from './pack-report';
import { formatJson, formatText } from './report';

export const LINT_USAGE = `canon-keeper lint [--format text|json] PACK|FOLDER...`;

/** `canon-keeper lint PACK...`: the packs alone, each problem at its file, line and column. */
export function runLint(argv: readonly string[]): number {
  const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, options: { format: { type: 'string', default: 'text' } } });
  if (values.format !== 'text' && values.format !== 'json') throw new CommandError(`--format must be text or json, not “${values.format}”`);
  if (positionals.length === 0) throw new CommandError('lint needs at least one canon pack (a .canon.yaml file, or a folder of them)');
  const problems = new PackProblems();
  for (const file of packFilesFrom(positionals)) {
    problems.read(file);
    problems.add(loadPackFile(file).problems);
  }
  const reports = problems.reports(true);
  process.stdout.write(values.format === 'json' ? formatJson(reports) : formatText(reports));
  return problems.hasErrors ? 1 : 0;
}
