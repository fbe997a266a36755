import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { parseArgs } from 'util';
import { notCancelled } from '../core/cancellation';
import { parse } from '../core/fountain/parse';
import { timelineHtml } from '../core/timeline/html';
import { titleOf } from '../core/timeline/story';
import { timelineSvg } from '../core/timeline/svg';
import { Project } from '../host/project';
import { projectRootOf } from '../host/project-root';
import { projectTimeline } from '../host/timeline';
import { PACK_ERRORS, packFromFlags } from './canon';
import { CommandError, readChapters } from './inputs';
import { PackProblems } from './pack-report';
import { formatText } from './report';

export const TIMELINE_USAGE = `canon-keeper timeline [--canon PACK]... [--format svg|html] [--out FILE] FILE|FOLDER`;

/**
 * `canon-keeper timeline FILE|FOLDER`: the story's scenes placed on the canon clock, as an SVG
 * picture or a self-contained HTML page (the picture, its scenes in a table, the canon), the same
 * picture the editor's Show Timeline draws. A FOLDER is its chapters in order.
 */
export function runTimeline(argv: readonly string[]): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { format: { type: 'string', default: 'svg' }, out: { type: 'string' }, canon: { type: 'string', multiple: true } },
  });
  if (values.format !== 'svg' && values.format !== 'html') throw new CommandError(`--format must be svg or html, not “${values.format}”`);
  if (positionals.length !== 1) throw new CommandError('timeline takes one FILE or FOLDER');
  const input = positionals[0];
  const chapters = readChapters(input);
  const project = new Project({ roots: [projectRootOf(path.resolve(chapters[0].path))], trusted: true });
  const problems = new PackProblems();
  // --canon, as check has it: the packs given stand for the one the project would find.
  const given = packFromFlags(values.canon ?? [], problems);
  const found = given ? undefined : project.canonFor(path.resolve(chapters[0].path));
  if (found?.file) problems.add(project.packs.result(found.file)?.problems ?? []);
  if (problems.hasErrors) {
    process.stdout.write(formatText(problems.reports()));
    process.stderr.write(`canon-keeper: ${PACK_ERRORS}\n`);
    return 2;
  }
  const inputs = chapters.map((c) => {
    const file = path.resolve(c.path);
    return { key: file, file, doc: parse(c.text), text: c.text, name: path.basename(c.path), uri: pathToFileURL(file).href };
  });
  const onRuleError = (id: string, error: unknown): void => {
    process.stderr.write(`canon-keeper: rule ${id} failed and was skipped: ${(error as Error).message}\n`);
  };
  const made = projectTimeline(project, inputs, notCancelled, onRuleError, given);
  if (!made) throw new CommandError(`${input} holds no scenes`, false);
  const named = titleOf(inputs[0].doc) ?? path.basename(path.resolve(input)).replace(/\.(fountain|spmd)$/i, '');
  const title = `${named}: the story on the canon timeline`;
  const output = values.format === 'svg' ? timelineSvg(made.timeline, { embedStyle: true }) + '\n' : timelineHtml(made.timeline, made.canon, title);
  if (!values.out) {
    process.stdout.write(output);
    return 0;
  }
  try {
    fs.writeFileSync(values.out, output);
  } catch (error) {
    throw new CommandError(`cannot write ${values.out}: ${(error as Error).message}`, false);
  }
  const warnings = made.timeline.scenes.reduce((n, s) => n + s.warnings.length, 0);
  process.stdout.write(`${values.out}: ${made.timeline.scenes.length} scenes, ${warnings} warnings, against ${made.timeline.pack.name}\n`);
  return 0;
}
