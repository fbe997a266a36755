import * as fs from 'fs';
import { parseArgs } from 'util';
import { parse } from '../core/fountain/parse';
import { paginate } from '../core/pages/paginate-script';
import { readChapters, CommandError } from './inputs';

export const EXPORT_USAGE = `canon-keeper export --pdf OUT.pdf [--paper letter|a4] [--scene-numbers] [--no-title-page] [--font FONT.ttf ...] FILE|FOLDER`;

/** `canon-keeper export --pdf OUT FILE|FOLDER`: the script, or a folder's chapters in order, as one PDF. */
export async function runExport(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      pdf: { type: 'string' },
      paper: { type: 'string', default: 'letter' },
      'scene-numbers': { type: 'boolean', default: false },
      'no-title-page': { type: 'boolean', default: false },
      font: { type: 'string', multiple: true, default: [] },
    },
  });
  if (!values.pdf) throw new CommandError('export needs --pdf OUT.pdf');
  if (values.paper !== 'letter' && values.paper !== 'a4') throw new CommandError(`--paper must be letter or a4, not “${values.paper}”`);
  if (positionals.length !== 1) throw new CommandError('export takes one FILE or FOLDER');
  const chapters = readChapters(positionals[0]);
  const docs = chapters.map((c) => parse(c.text));
  const pages = paginate(docs, { paper: values.paper, sceneNumbers: values['scene-numbers'], titlePage: !values['no-title-page'] });
  // Loaded only here: pdfkit and its font metrics cost every other command's start-up 20-40 ms.
  const { pdfInfoOf, renderPdf, unprintable, unprintableMessage } = await import('../export/pdf');
  const { fallbackFonts } = await import('../export/fonts');
  const problems: string[] = [];
  const fonts = fallbackFonts(values.font, problems);
  if (problems.length > 0) throw new CommandError(problems.join('; '));
  const pdf = await renderPdf(pages, pdfInfoOf(docs), fonts);
  const missing = unprintableMessage(unprintable(pages, fonts), 'Name a font that has them with --font FILE.ttf.');
  if (missing) process.stderr.write(`canon-keeper: ${missing}\n`);
  try {
    fs.writeFileSync(values.pdf, pdf);
  } catch (error) {
    throw new CommandError(`cannot write ${values.pdf}: ${(error as Error).message}`, false);
  }
  process.stdout.write(`${values.pdf}: ${pages.pages.length} pages (${pages.bodyPages} of script)\n`);
  return 0;
}
