import {
  CodeActionKind, MarkupKind, TextDocumentSyncKind,
  type ClientCapabilities, type ServerCapabilities,
} from 'vscode-languageserver/node';

/**
 * What the client said it can do, read once in `initialize`. The server sends nothing a client did
 * not declare (a client that gets what it cannot show shows it badly, or waits on it), and does
 * itself what the client cannot: where the client cannot watch files for it, it watches the packs.
 */
export interface ClientSupport {
  /** workspace/configuration: the server can ask for the `canonKeeper` settings. */
  readonly configuration: boolean;
  /** workspace/didChangeConfiguration may be registered dynamically. */
  readonly configurationRegistration: boolean;
  /** workspace/didChangeWatchedFiles may be registered dynamically, with the server's own globs. */
  readonly watchedFilesRegistration: boolean;
  /** publishDiagnostics may carry related places (where a state began, the canon's own line). */
  readonly relatedInformation: boolean;
  /** Hover contents may be markdown; plain text otherwise. */
  readonly hoverMarkdown: boolean;
  /** A completion item's documentation may be markdown; plain text otherwise. */
  readonly completionMarkdown: boolean;
}

/** Before `initialize`, and for a client that declares nothing: the least LSP lets a client support. */
export const LEAST_SUPPORT: ClientSupport = {
  configuration: false, configurationRegistration: false, watchedFilesRegistration: false,
  relatedInformation: false, hoverMarkdown: false, completionMarkdown: false,
};

export function clientSupport(capabilities: ClientCapabilities): ClientSupport {
  const { workspace, textDocument } = capabilities;
  return {
    configuration: workspace?.configuration === true,
    configurationRegistration: workspace?.didChangeConfiguration?.dynamicRegistration === true,
    watchedFilesRegistration: workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    relatedInformation: textDocument?.publishDiagnostics?.relatedInformation === true,
    hoverMarkdown: textDocument?.hover?.contentFormat?.includes(MarkupKind.Markdown) === true,
    completionMarkdown: textDocument?.completion?.completionItem?.documentationFormat?.includes(MarkupKind.Markdown) === true,
  };
}

/** What the server offers every client; what it sends within each answer follows ClientSupport. */
export const SERVER_CAPABILITIES: ServerCapabilities = {
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
  // `{` opens a slot in a pack's phrasing ("{killer} kill {victim}").
  completionProvider: { triggerCharacters: ['.', ' ', ':', '@', '{'] },
  hoverProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  documentSymbolProvider: true,
  workspaceSymbolProvider: true,
  foldingRangeProvider: true,
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
};
