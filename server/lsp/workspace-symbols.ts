import * as path from 'path';
import { pathToFileURL } from 'url';
import { SymbolKind, type Connection, type SymbolInformation } from 'vscode-languageserver/node';
import type { CancellationToken } from '../core/cancellation';
import { sceneSymbols } from '../core/features/scene-symbols';
import { parse } from '../core/fountain/parse';
import { LineIndex } from '../core/lines';
import { findFiles, isScriptFile, readText } from '../host/files';
import { toRange } from '../protocol/diagnostics';
import type { FountainDocument } from '../core/fountain/model';
import type { Documents } from './documents';
import { uriToPath } from './workspace';

/** At most this many scripts are read per request, and this many symbols answered. */
const MAX_SCRIPTS = 500;
const MAX_SYMBOLS = 2_000;

export interface WorkspaceSymbolContext {
  readonly documents: Documents;
  /** The workspace folders, as the latest `initialize` gave them. */
  readonly roots: () => readonly string[];
  readonly guard: <T>(run: () => T, fallback: T) => T;
}

/**
 * Go to Symbol in Workspace: the scenes and sections of every script of the workspace, open or
 * not (a story's chapters are seldom all open), each named with its chapter. Open scripts are read
 * as the editor has them; the walk of the folders is bounded (findFiles), as for references.
 */
export function registerWorkspaceSymbols(connection: Connection, context: WorkspaceSymbolContext): void {
  connection.onWorkspaceSymbol((params, token) => context.guard(() => workspaceSymbols(context, params.query, token), []));
}

function workspaceSymbols(context: WorkspaceSymbolContext, query: string, token: CancellationToken): SymbolInformation[] {
  const symbols: SymbolInformation[] = [];
  const seen = new Set<string>();
  const roots = context.roots();
  const add = (uri: string, doc: FountainDocument, lines: LineIndex): void => {
    seen.add(uri);
    const chapter = chapterName(roots, uri);
    for (const { node, container } of sceneSymbols(doc, query, token)) {
      if (symbols.length >= MAX_SYMBOLS) return;
      symbols.push({
        name: node.name,
        kind: node.kind === 'section' ? SymbolKind.Namespace : SymbolKind.Event,
        location: { uri, range: toRange(lines, node.selectionSpan) },
        containerName: container ? `${chapter} · ${container}` : chapter,
      });
    }
  };
  for (const open of context.documents.all()) {
    if (open.isScript) add(open.uri, open.doc, open.lines);
  }
  for (const root of roots) {
    for (const file of findFiles(root, isScriptFile, MAX_SCRIPTS)) {
      const uri = pathToFileURL(file).href;
      if (token.isCancellationRequested || symbols.length >= MAX_SYMBOLS) return symbols;
      if (seen.has(uri)) continue;
      const text = readText(file);
      if (text !== undefined) add(uri, parse(text), new LineIndex(text));
    }
  }
  return symbols;
}

/** The script's path in the workspace folder it is in ("season-two/03-the-roof.fountain"), or its name. */
function chapterName(roots: readonly string[], uri: string): string {
  const file = uriToPath(uri);
  if (!file) return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  const root = roots.find((r) => !path.relative(r, file).startsWith('..'));
  return root ? path.relative(root, file) : path.basename(file);
}
