import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { ResponseError, type Connection } from 'vscode-languageserver/node';
import type { CancellationToken } from '../core/cancellation';
import type { CheckResult } from '../core/check';
import { scriptStats } from '../core/features/stats';
import { parse } from '../core/fountain/parse';
import type { FountainDocument } from '../core/fountain/model';
import { pageMarks } from '../core/pages/marks';
import { paginate } from '../core/pages/paginate-script';
import { readText } from '../host/files';
import { chaptersOf } from '../host/story';
import {
  DESK, type DocumentParams, type ExportPdfParams, type ExportPdfResult, type PagesResult, type StatsResult,
} from '../protocol/desk';
import type { Documents, OpenScript } from './documents';
import { uriToPath } from './workspace';

export interface DeskContext {
  readonly documents: Documents;
  /** The analysis of an open script as it is now. */
  readonly analysed: (uri: string, token: CancellationToken) => { script: OpenScript; result: CheckResult } | undefined;
  readonly guard: <T>(run: () => T, fallback: T) => T;
}

/**
 * The writer's desk requests (protocol/desk.ts): statistics and the canon in force for the status
 * bar and the statistics view, pages for the preview, and the PDF. Each is a few lines over the
 * core; the PDF is written here, beside the parsed text the server already holds, so the client
 * stays free of parsing and of pdfkit.
 */
export function registerDesk(connection: Connection, desk: DeskContext): void {
  connection.onRequest(DESK.stats, (params: DocumentParams, token) => desk.guard((): StatsResult | null => {
    const a = desk.analysed(params.uri, token);
    if (!a) return null;
    const { pack, conventions } = a.result.script;
    return { stats: scriptStats([a.script.doc], { paper: params.paper }, token), canon: { pack: pack.name, mode: conventions.mode } };
  }, null));

  connection.onRequest(DESK.pages, (params: DocumentParams, token) => desk.guard((): PagesResult | null => {
    const a = desk.analysed(params.uri, token);
    if (!a) return null;
    const pagination = paginate(a.script.doc, { paper: params.paper }, token);
    return { paper: pagination.paper, pages: pagination.pages, marks: pageMarks(pagination, a.result.findings) };
  }, null));

  connection.onRequest(DESK.exportPdf, async (params: ExportPdfParams): Promise<ExportPdfResult> => {
    // pdfkit is loaded on the first export, not when the server starts: most sessions never export.
    const { pdfInfoOf, renderPdf, unprintable } = await import('../export/pdf');
    const { fallbackFonts } = await import('../export/fonts');
    const docs = chaptersToPrint(desk.documents, params);
    const pagination = paginate(docs, { paper: params.paper });
    const fontProblems: string[] = [];
    const fonts = fallbackFonts(params.fonts ?? [], fontProblems);
    const pdf = await renderPdf(pagination, pdfInfoOf(docs), fonts);
    try {
      fs.writeFileSync(params.target, pdf);
    } catch (error) {
      throw new ResponseError(1, `Cannot write ${params.target}: ${(error as Error).message}`);
    }
    return { target: params.target, pages: pagination.pages.length, chapters: docs.length, unprintable: unprintable(pagination, fonts), fontProblems };
  });
}

/** The script, or its folder's chapters in order; an open chapter as the editor has it, unsaved edits too. */
function chaptersToPrint(documents: Documents, params: ExportPdfParams): FountainDocument[] {
  const open = documents.get(params.uri);
  const file = uriToPath(params.uri);
  if (params.scope === 'script' || !file) {
    if (open) return [open.doc];
    const text = file ? readText(file) : undefined;
    if (text === undefined) throw new ResponseError(1, `Cannot read ${params.uri}`);
    return [parse(text)];
  }
  const chapters = chaptersOf(file);
  if (!chapters.some((c) => path.resolve(c) === path.resolve(file))) chapters.push(file);
  return chapters.map((chapter) => {
    const doc = documents.get(pathToFileURL(chapter).href)?.doc;
    return doc ?? parse(readText(chapter) ?? '');
  });
}
