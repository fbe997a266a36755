import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  DESK, type DocumentParams, type ExportPdfParams, type ExportPdfResult, type PagesResult, type StatsResult,
} from '../../server/protocol/desk';

/** The language client of the moment: it is replaced when the workspace becomes trusted. */
export type ClientRef = () => LanguageClient | undefined;

/** The paper the writer chose for pages and PDFs. */
export function paper(): 'letter' | 'a4' {
  return vscode.workspace.getConfiguration('canonKeeper').get<string>('paper') === 'a4' ? 'a4' : 'letter';
}

function params(document: vscode.TextDocument): DocumentParams {
  return { uri: document.uri.toString(), paper: paper() };
}

/** The server's answers for the writer's desk (server/protocol/desk.ts); undefined while no server runs. */
export class Desk {
  constructor(private readonly client: ClientRef) {}

  stats(document: vscode.TextDocument): Promise<StatsResult | null | undefined> {
    return this.#send<StatsResult | null>(DESK.stats, params(document));
  }

  pages(document: vscode.TextDocument): Promise<PagesResult | null | undefined> {
    return this.#send<PagesResult | null>(DESK.pages, params(document));
  }

  exportPdf(document: vscode.TextDocument, scope: ExportPdfParams['scope'], target: string): Promise<ExportPdfResult | undefined> {
    const fonts = vscode.workspace.getConfiguration('canonKeeper', document.uri).get<string[]>('pdf.fonts', []);
    return this.#send<ExportPdfResult>(DESK.exportPdf, { ...params(document), scope, target, fonts });
  }

  async #send<T>(method: string, body: object): Promise<T | undefined> {
    const client = this.client();
    if (!client?.isRunning()) return undefined;
    return client.sendRequest<T>(method, body);
  }
}

/** The Fountain script a command is about: the one it was run on (title bar), else the active editor's. */
export async function scriptFor(uri: unknown): Promise<vscode.TextDocument | undefined> {
  if (uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(uri);
  const document = vscode.window.activeTextEditor?.document;
  return document?.languageId === 'fountain' ? document : undefined;
}
