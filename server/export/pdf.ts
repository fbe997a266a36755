import PDFDocument from 'pdfkit';
import { LINE_HEIGHT, TOP_MARGIN } from '../core/pages/layout';
import type { FountainDocument, TitlePage } from '../core/fountain/model';
import type { PageLine, Pagination, StyledRun } from '../core/pages/model';

const POINTS = 72;
const FONT_SIZE = 12;

/**
 * PDF's 14 standard fonts include Courier in its four styles: every reader has them, so nothing is
 * embedded and nothing has to be downloaded or shipped.
 */
function fontFor(run: StyledRun): string {
  if (run.bold && run.italic) return 'Courier-BoldOblique';
  if (run.bold) return 'Courier-Bold';
  if (run.italic) return 'Courier-Oblique';
  return 'Courier';
}

export interface PdfInfo {
  readonly title?: string;
  readonly author?: string;
}

/** Renders paginated pages to a PDF, one PDF page per page, every line where the layout puts it. */
export function renderPdf(pagination: Pagination, info: PdfInfo = {}): Promise<Buffer> {
  const { paper } = pagination;
  const doc = new PDFDocument({
    size: [paper.width * POINTS, paper.height * POINTS],
    margin: 0,
    autoFirstPage: false,
    // pdfkit reads every key given here, so a missing title is left out rather than undefined.
    info: { Creator: 'Canon Keeper', ...(info.title ? { Title: info.title } : {}), ...(info.author ? { Author: info.author } : {}) },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.fontSize(FONT_SIZE);
  for (const page of pagination.pages) {
    doc.addPage({ size: [paper.width * POINTS, paper.height * POINTS], margin: 0 });
    for (const line of page.lines) drawLine(doc, line);
  }
  doc.end();
  return done;
}

function drawLine(doc: PDFKit.PDFDocument, line: PageLine): void {
  const runs = line.runs.map((run) => ({ run, text: printable(run.text) }));
  const width = runs.reduce((sum, r) => sum + doc.font(fontFor(r.run)).widthOfString(r.text), 0);
  let x = line.x * POINTS - (line.align === 'right' ? width : line.align === 'center' ? width / 2 : 0);
  const y = (TOP_MARGIN + line.row * LINE_HEIGHT) * POINTS;
  for (const { run, text } of runs) {
    doc.font(fontFor(run)).text(text, x, y, { lineBreak: false, underline: run.underline ?? false });
    x += doc.widthOfString(text);
  }
}

/** Arrows and keyboard symbols that scripts about software use, spelt the way a typewriter would. */
const SPELLED: Readonly<Record<string, string>> = { '→': '->', '←': '<-', '⇧': 'Shift-', '⌘': 'Cmd-', '⌥': 'Alt-', '⌃': 'Ctrl-', '↩': 'Return', '⏎': 'Return' };
const SYMBOLS = /[→←⇧⌘⌥⌃↩⏎]/gu;

/**
 * The standard fonts cover Latin text only (WinAnsi). Other letters (Cyrillic, Japanese ...) would
 * print as wrong glyphs, so they print as "?" instead, and the exporter warns (see unprintable).
 */
function spelled(text: string): string {
  return text.replace(SYMBOLS, (s) => SPELLED[s] ?? s);
}

function printable(text: string): string {
  return spelled(text).replace(/[^\u0000-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u2122]/gu, '?');
}

/** Whether some text of the pages cannot be set in the standard Courier fonts. */
export function unprintable(pagination: Pagination): boolean {
  return pagination.pages.some((p) => p.lines.some((l) => l.runs.some((r) => printable(r.text) !== spelled(r.text))));
}

/** The PDF's title and author, from the first chapter's title page, emphasis marks dropped. */
export function pdfInfoOf(docs: readonly FountainDocument[]): PdfInfo {
  const title = docs[0]?.elements.find((e): e is TitlePage => e.type === 'title-page')?.entries;
  const value = (key: string): string | undefined => title?.find((e) => e.key.toLowerCase() === key)?.value.replace(/[*_]/g, '').replace(/\n/g, ' ');
  return { title: value('title'), author: value('author') ?? value('authors') };
}
