import PDFDocument from 'pdfkit';
import { CHAR_WIDTH, LINE_HEIGHT, TOP_MARGIN } from '../core/pages/layout';
import { printedWidth } from '../core/pages/wrap';
import type { FallbackFont, FontFile } from './fonts';
import type { FountainDocument } from '../core/fountain/model';
import { titlePageValue } from '../core/fountain/title-values';
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

/**
 * Renders paginated pages to a PDF, one PDF page per page, every line where the layout puts it.
 * Letters the standard Courier has no glyph for are set from the first of `fonts` that has them
 * (embedded, only the glyphs used), each in its own cells so the columns stay a typewriter's.
 */
export function renderPdf(pagination: Pagination, info: PdfInfo = {}, fonts: readonly FontFile[] = []): Promise<Buffer> {
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
  const letters = new LetterFonts(fonts);
  for (const page of pagination.pages) {
    doc.addPage({ size: [paper.width * POINTS, paper.height * POINTS], margin: 0 });
    for (const line of page.lines) drawLine(doc, line, letters);
  }
  doc.end();
  return done;
}

const CELL = CHAR_WIDTH * POINTS;
/**
 * pdfkit places text by the top of its font's ascender; every font's is different, so a letter from
 * another font is set on Courier's baseline instead (Courier's ascender: 629/1000 em, from its AFM).
 */
const COURIER_BASELINE = -(629 / 1000) * FONT_SIZE;

/** A stretch of one run set in one font: Courier's stretches whole, a fallback font's letter by letter. */
interface Piece {
  readonly text: string;
  readonly font: string;
  readonly cells: number;
  readonly underline: boolean;
  readonly fallback: boolean;
}

function drawLine(doc: PDFKit.PDFDocument, line: PageLine, letters: LetterFonts): void {
  const pieces = line.runs.flatMap((run) => letters.pieces(doc, run));
  const width = pieces.reduce((sum, p) => sum + p.cells, 0) * CELL;
  let x = line.x * POINTS - (line.align === 'right' ? width : line.align === 'center' ? width / 2 : 0);
  const y = (TOP_MARGIN + line.row * LINE_HEIGHT) * POINTS;
  for (const piece of pieces) {
    if (piece.fallback) drawFallback(doc, piece, x, y);
    else doc.font(piece.font).text(piece.text, x, y, { lineBreak: false, underline: piece.underline });
    x += piece.cells * CELL;
  }
}

/** A letter of another font, on Courier's baseline, underlined where Courier's underline runs. */
function drawFallback(doc: PDFKit.PDFDocument, piece: Piece, x: number, y: number): void {
  const underlineY = y + doc.font('Courier').currentLineHeight() - 1;
  doc.font(piece.font).text(piece.text, x, y, { lineBreak: false, baseline: COURIER_BASELINE });
  if (piece.underline) doc.save().lineWidth(1).moveTo(x, underlineY).lineTo(x + piece.cells * CELL, underlineY).stroke().restore();
}

/** Which font sets each letter, decided once per letter per export. */
class LetterFonts {
  private readonly chosen = new Map<number, string | null>();
  private readonly registered = new Set<string>();

  constructor(private readonly files: readonly FontFile[]) {}

  pieces(doc: PDFKit.PDFDocument, run: StyledRun): Piece[] {
    const out: Piece[] = [];
    const underline = run.underline ?? false;
    let courier = '';
    const flush = (): void => {
      if (courier) out.push({ text: courier, font: fontFor(run), cells: courier.length, underline, fallback: false });
      courier = '';
    };
    for (const ch of spelled(run.text)) {
      if (inCourier(ch)) {
        courier += ch;
        continue;
      }
      const font = this.fontOf(doc, ch);
      if (!font) {
        courier += '?';
        continue;
      }
      flush();
      out.push({ text: ch, font, cells: printedWidth(ch), underline, fallback: true });
    }
    flush();
    return out;
  }

  /** The name of the registered fallback font that has the letter, or undefined if none has it. */
  private fontOf(doc: PDFKit.PDFDocument, ch: string): string | undefined {
    const code = ch.codePointAt(0) ?? 0;
    let name = this.chosen.get(code);
    if (name === undefined) {
      const font = this.files.map((f) => f.open()).find((f): f is FallbackFont => f !== undefined && f.has(code));
      name = font ? this.register(doc, font) : null;
      this.chosen.set(code, name);
    }
    return name ?? undefined;
  }

  private register(doc: PDFKit.PDFDocument, font: FallbackFont): string {
    const name = `fallback:${font.file}:${font.postscriptName ?? ''}`;
    if (!this.registered.has(name)) {
      doc.registerFont(name, font.file, font.postscriptName as string);
      this.registered.add(name);
    }
    return name;
  }
}

/** Arrows and keyboard symbols that scripts about software use, spelt the way a typewriter would. */
const SPELLED: Readonly<Record<string, string>> = { '→': '->', '←': '<-', '⇧': 'Shift-', '⌘': 'Cmd-', '⌥': 'Alt-', '⌃': 'Ctrl-', '↩': 'Return', '⏎': 'Return' };
const SYMBOLS = /[→←⇧⌘⌥⌃↩⏎]/gu;

function spelled(text: string): string {
  return text.replace(SYMBOLS, (s) => SPELLED[s] ?? s);
}

/** The standard fonts cover Latin text only (WinAnsi): other letters need a font of the computer's. */
function inCourier(ch: string): boolean {
  return /^[\u0000-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u2122]$/u.test(ch);
}

/**
 * The letters of the pages that neither Courier nor any of the fonts has (they print as "?"),
 * each once, in the order they first appear: what the exporter tells the writer.
 */
export function unprintable(pagination: Pagination, fonts: readonly FontFile[] = []): string[] {
  const missing = new Set<string>();
  const known = new Map<string, boolean>();
  for (const page of pagination.pages) for (const line of page.lines) for (const run of line.runs) for (const ch of spelled(run.text)) {
    if (inCourier(ch)) continue;
    let has = known.get(ch);
    if (has === undefined) {
      const code = ch.codePointAt(0) ?? 0;
      has = fonts.some((f) => f.open()?.has(code) ?? false);
      known.set(ch, has);
    }
    if (!has) missing.add(ch);
  }
  return [...missing];
}

/** What the writer is told when letters print as "?": which ones, and how to give them a font. */
export function unprintableMessage(missing: readonly string[], how: string): string | undefined {
  if (missing.length === 0) return undefined;
  const shown = missing.slice(0, 12).join(' ') + (missing.length > 12 ? ` and ${missing.length - 12} more` : '');
  return `no font on this computer has these letters, which print as "?": ${shown}. ${how}`;
}

/** The PDF's title and author, from the first chapter's title page, emphasis marks dropped. */
export function pdfInfoOf(docs: readonly FountainDocument[]): PdfInfo {
  const first = docs[0];
  if (!first) return {};
  return { title: titlePageValue(first, 'title'), author: titlePageValue(first, 'author') ?? titlePageValue(first, 'authors') };
}
