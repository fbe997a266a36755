import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  CodeActionKind, DidChangeConfigurationNotification, FileChangeType, TextDocumentSyncKind,
  type Connection, type Diagnostic, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver/node';
import type { CancellationToken } from '../core/cancellation';
import type { CheckResult } from '../core/check';
import type { Rule } from '../core/rules/rule';
import { LineIndex } from '../core/lines';
import { isPackFile } from '../host/packs';
import { toDiagnostic } from '../protocol/diagnostics';
import { registerDesk } from './desk';
import { Documents, type OpenScript } from './documents';
import { codeActions, completion, definition, documentSymbols, folding, hoverAt, references } from './features';
import { packFileCompletion } from './pack-completion';
import { Published } from './published';
import { DEFAULT_SETTINGS, uriToPath, Workspace, type Settings } from './workspace';

/** The `canonKeeper` settings as the client sent them, anything malformed left at its default. */
function settingsFrom(raw: unknown): Settings {
  const value = raw && typeof raw === 'object' ? raw as Partial<Settings> : undefined;
  return {
    canonPacks: Array.isArray(value?.canonPacks) ? value.canonPacks.filter((p) => typeof p === 'string') : [],
    severity: value?.severity && typeof value.severity === 'object' ? value.severity : {},
  };
}

/** A token the server cancels itself, when a newer version of the document makes the work stale. */
class Cancellation implements CancellationToken {
  isCancellationRequested = false;

  cancel(): void {
    this.isCancellationRequested = true;
  }
}

/**
 * The language server: a few lines per handler, everything else in the pure core. Analyses run
 * after the current message is handled (setImmediate), each cancelled by the next edit, so the
 * editor is never blocked and stale diagnostics are never published.
 */
export interface ServerOptions {
  /** The rules to run; the registry's by default. */
  readonly rules?: readonly Rule[];
  /** Log uncaught exceptions instead of dying: on for the real process, off when embedded in tests. */
  readonly guardProcess?: boolean;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new Documents();
  let workspace = new Workspace([], false, documents);
  let canAskConfiguration = false;
  const pending = new Map<string, Cancellation>();
  const results = new Map<string, { version: number; result: CheckResult }>();
  const published = new Published();
  const failedRules = new Set<string>();

  const onRuleError = (id: string, error: unknown): void => {
    if (failedRules.has(id)) return;
    failedRules.add(id);
    connection.console.error(`Rule ${id} failed and was skipped; the other rules still ran. ${(error as Error)?.stack ?? String(error)}`);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const roots = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
    if (roots.length === 0 && params.rootUri) roots.push(...[uriToPath(params.rootUri)].filter((p): p is string => !!p));
    const init = (params.initializationOptions ?? {}) as { trusted?: boolean; settings?: unknown };
    workspace = new Workspace(roots, init.trusted !== false, documents, options.rules);
    // The packs (and the settings, where the client sends them here) are known before the first
    // script is opened: its first diagnostics are against the workspace's canon, not the built-in
    // pack's corrected a moment later.
    if (init.settings !== undefined) workspace.settings = settingsFrom(init.settings);
    safely(() => workspace.scanPacks());
    canAskConfiguration = !!params.capabilities.workspace?.configuration;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: ['.', ' ', ':', '@'] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'canon-keeper', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    if (canAskConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'canonKeeper' }).catch(() => undefined);
    }
    const before = JSON.stringify(workspace.settings.canonPacks);
    await refreshSettings();
    if (JSON.stringify(workspace.settings.canonPacks) !== before) safely(() => workspace.scanPacks());
    publishPackProblems();
    recheckAll();
  });

  async function refreshSettings(): Promise<void> {
    if (!canAskConfiguration) return;
    try {
      workspace.settings = settingsFrom(await connection.workspace.getConfiguration('canonKeeper'));
    } catch {
      workspace.settings = DEFAULT_SETTINGS;
    }
  }

  connection.onDidChangeConfiguration(async () => {
    await refreshSettings();
    safely(() => workspace.scanPacks());
    publishPackProblems();
    recheckAll();
  });

  connection.onDidOpenTextDocument(({ textDocument: d }) => {
    documents.open(d.uri, d.languageId, d.version, d.text);
    changed(d.uri);
  });
  connection.onDidChangeTextDocument(({ textDocument: d, contentChanges }) => {
    safely(() => documents.change(d.uri, d.version, contentChanges));
    changed(d.uri);
  });
  connection.onDidCloseTextDocument(({ textDocument: d }) => {
    documents.close(d.uri);
    pending.get(d.uri)?.cancel();
    results.delete(d.uri);
    workspace.closed(d.uri);
    published.forget(d.uri);
    if (!workspace.isPack(d.uri)) void connection.sendDiagnostics({ uri: d.uri, diagnostics: [] });
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    let packs = false;
    for (const change of changes) {
      const file = uriToPath(change.uri);
      if (!file) continue;
      if (isPackFile(file)) {
        packs = true;
        if (change.type === FileChangeType.Deleted) {
          workspace.packRemoved(file);
          void connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
        } else if (!documents.get(change.uri)) {
          safely(() => workspace.packChanged(file));
        }
      }
    }
    if (packs) publishPackProblems();
    recheckAll();
  });

  /** A document changed: a pack is reloaded (and every script rechecked); a script is rechecked. */
  function changed(uri: string): void {
    const open = documents.get(uri);
    if (!open) return;
    const file = uriToPath(uri);
    if (file && isPackFile(file)) {
      safely(() => workspace.packChanged(file, open.text));
      publishPackProblems();
      recheckAll();
      return;
    }
    if (!open.isScript) return;
    schedule(open);
    for (const later of laterChapters(uri)) schedule(later);
  }

  function laterChapters(uri: string): OpenScript[] {
    const file = uriToPath(uri);
    if (!file) return [];
    const folder = path.dirname(file);
    return documents.all().filter((d) => d.isScript && d.uri !== uri && uriToPath(d.uri) !== undefined
      && path.dirname(uriToPath(d.uri) as string) === folder);
  }

  function recheckAll(): void {
    for (const d of documents.all()) if (d.isScript) schedule(d);
  }

  function schedule(script: OpenScript): void {
    pending.get(script.uri)?.cancel();
    const token = new Cancellation();
    pending.set(script.uri, token);
    setImmediate(() => {
      if (token.isCancellationRequested) return;
      const current = documents.get(script.uri);
      if (!current || current.version !== script.version) return;
      safely(() => {
        const result = workspace.check(current, token, onRuleError);
        if (token.isCancellationRequested) return;
        results.set(current.uri, { version: current.version, result });
        if (published.unchanged(current.uri, result.findings, current.lines)) return;
        const diagnostics = result.findings.map((f) => toDiagnostic(f, current.lines, current.uri, false));
        void connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics });
        published.sent(current.uri, diagnostics);
      });
      if (pending.get(script.uri) === token) pending.delete(script.uri);
    });
  }

  /**
   * Publishes every pack's problems, gathered per file first: a pack that another extends is read
   * by both, and one list per file (without repeats) keeps the two from overwriting each other.
   */
  function publishPackProblems(): void {
    const byFile = new Map<string, Map<string, Diagnostic>>();
    for (const file of workspace.packs.files) {
      if (!byFile.has(file)) byFile.set(file, new Map());
      for (const p of workspace.packs.result(file)?.problems ?? []) {
        const target = p.uri.startsWith('builtin:') ? file : p.uri;
        const lines = new LineIndex(workspace.packs.text(target) ?? '');
        const range = { start: lines.positionAt(p.span.start), end: lines.positionAt(p.span.end) };
        const list = byFile.get(target) ?? new Map<string, Diagnostic>();
        list.set(`${p.span.start}:${p.span.end}:${p.message}`, { range, severity: p.severity === 'error' ? 1 : 2, source: 'canon-keeper', code: 'canon.pack', message: p.message });
        byFile.set(target, list);
      }
    }
    for (const [target, diagnostics] of byFile) void connection.sendDiagnostics({ uri: pathToFileURL(target).href, diagnostics: [...diagnostics.values()] });
  }


  /** The analysis of the document as it is now, computed on demand if the scheduled one has not run yet. */
  function analysed(uri: string, token: CancellationToken): { script: OpenScript; result: CheckResult } | undefined {
    const script = documents.get(uri);
    if (!script || !script.isScript) return undefined;
    const cached = results.get(uri);
    if (cached && cached.version === script.version) return { script, result: cached.result };
    const result = workspace.check(script, token, onRuleError);
    results.set(uri, { version: script.version, result });
    return { script, result };
  }

  connection.onCompletion((params, token) => guard(() => {
    if (workspace.isPack(params.textDocument.uri)) return packFileCompletion(params, documents, workspace, token);
    const a = analysed(params.textDocument.uri, token);
    // Incomplete: fuzzy matches depend on what is typed, so the client must ask again as it changes.
    return a ? { isIncomplete: true, items: completion(a.script, a.result, params.position, token) } : null;
  }, null));
  connection.onHover((params, token) => guard(() => {
    const a = analysed(params.textDocument.uri, token);
    return a ? hoverAt(a.script, a.result, params.position, token) : null;
  }, null));
  connection.onDefinition((params, token) => guard(() => {
    const a = analysed(params.textDocument.uri, token);
    return a ? definition(a.script, a.result, params.position, workspace) : null;
  }, null));
  connection.onReferences((params, token) => guard(() => {
    const a = analysed(params.textDocument.uri, token);
    return a ? references(a.script, a.result, params.position, workspace, documents, token) : null;
  }, null));
  connection.onDocumentSymbol((params, token) => guard(() => {
    const script = documents.get(params.textDocument.uri);
    return script?.isScript ? documentSymbols(script, token) : null;
  }, null));
  connection.onFoldingRanges((params, token) => guard(() => {
    const script = documents.get(params.textDocument.uri);
    return script?.isScript ? folding(script, token) : null;
  }, null));
  connection.onCodeAction((params, token) => guard(() => {
    const a = analysed(params.textDocument.uri, token);
    return a ? codeActions(params, a.script, a.result) : null;
  }, null));

  registerDesk(connection, { documents, analysed, guard });

  /** Never let a handler's failure take the server down: log it, answer empty. */
  function guard<T>(run: () => T, fallback: T): T {
    try {
      return run();
    } catch (error) {
      connection.console.error(`Canon Keeper: ${(error as Error)?.stack ?? String(error)}`);
      return fallback;
    }
  }

  function safely(run: () => void): void {
    guard(() => { run(); return undefined; }, undefined);
  }

  if (options.guardProcess !== false) {
    process.on('uncaughtException', (error) => connection.console.error(`Canon Keeper: ${error.stack ?? String(error)}`));
  }
  connection.listen();
}
