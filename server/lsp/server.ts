import type { Connection } from 'vscode-languageserver/node';
import type { Rule } from '../core/rules/rule';
import { registerDesk } from './desk';
import { registerDocuments } from './on-documents';
import { registerFeatures } from './on-features';
import { registerLifecycle } from './on-lifecycle';
import { registerPackWatching } from './on-packs';
import { Session } from './session';
import { registerTimeline } from './timeline';
import { registerWorkspaceSymbols } from './workspace-symbols';

export interface ServerOptions {
  /** The rules to run; the registry's by default. */
  readonly rules?: readonly Rule[];
  /** Log uncaught exceptions instead of dying: on for the real process, off when embedded in tests. */
  readonly guardProcess?: boolean;
}

/**
 * The language server: handlers split by concern, each a few lines over the project model
 * (host/) and the pure core. Start and settings in on-lifecycle.ts, open documents and their
 * checks in on-documents.ts and checks.ts, the writer's requests in on-features.ts, packs and
 * files on disk in on-packs.ts and packs.ts, the desk (statistics, pages, PDF) in desk.ts.
 */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const session = new Session(connection, options.rules);
  registerLifecycle(session);
  registerDocuments(session);
  registerFeatures(session);
  registerPackWatching(session);
  registerDesk(connection, { documents: session.documents, analysed: (uri, token) => session.checks.analysed(uri, token), guard: (run, fallback) => session.guard(run, fallback) });
  registerTimeline(connection, { documents: session.documents, workspace: () => session.workspace, onRuleError: (id, error) => session.checks.ruleFailed(id, error), guard: (run, fallback) => session.guard(run, fallback) });
  registerWorkspaceSymbols(connection, { documents: session.documents, roots: () => session.workspace.roots, guard: (run, fallback) => session.guard(run, fallback) });
  if (options.guardProcess !== false) {
    process.on('uncaughtException', (error) => connection.console.error(`Canon Keeper: ${error.stack ?? String(error)}`));
  }
  connection.listen();
}
