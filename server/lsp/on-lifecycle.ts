import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, type InitializeParams, type InitializeResult } from 'vscode-languageserver/node';
import { clientSupport, SERVER_CAPABILITIES } from './client-support';
import { WATCHED_GLOBS } from './packs';
import type { Session } from './session';
import { DEFAULT_SETTINGS, uriToPath, type Settings } from './workspace';

/** How long the server waits for the client's settings before it checks with those it has. */
const SETTINGS_BOUND_MS = 3_000;

/** The `canonKeeper` settings as the client sent them, anything malformed left at its default. */
function settingsFrom(raw: unknown): Settings {
  const value = raw && typeof raw === 'object' ? raw as Partial<Settings> : undefined;
  return {
    canonPacks: Array.isArray(value?.canonPacks) ? value.canonPacks.filter((p) => typeof p === 'string') : [],
    severity: value?.severity && typeof value.severity === 'object' ? value.severity : {},
  };
}

/** The workspace folders, or the root of a client that names only one. */
function rootsOf(params: InitializeParams): string[] {
  const folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri));
  if (folders.length === 0 && params.rootUri) folders.push(uriToPath(params.rootUri));
  return folders.filter((p): p is string => p !== undefined);
}

/**
 * Start and settings: what the client supports, the project's folders and packs, and the settings.
 * The packs (and the settings, where the client sends them with initialize) are known before the
 * first script is opened: its first diagnostics are against the workspace's canon, not the
 * built-in pack's corrected a moment later.
 */
export function registerLifecycle(session: Session): void {
  const { connection } = session;
  connection.onInitialize((params): InitializeResult => {
    session.support = clientSupport(params.capabilities);
    const init = (params.initializationOptions ?? {}) as { trusted?: boolean; settings?: unknown; canonEntries?: boolean };
    session.canonEntries = init.canonEntries === true;
    session.open(rootsOf(params), init.trusted !== false);
    if (init.settings !== undefined) session.workspace.settings = settingsFrom(init.settings);
    session.checks.started();
    session.packs.scan();
    return { capabilities: SERVER_CAPABILITIES, serverInfo: { name: 'canon-keeper', version: '0.1.0' } };
  });

  connection.onInitialized(async () => {
    watchFiles(session);
    if (session.support.configurationRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'canonKeeper' }).catch(() => undefined);
    }
    const before = JSON.stringify(session.workspace.settings.canonPacks);
    await refreshSettings(session);
    if (JSON.stringify(session.workspace.settings.canonPacks) !== before) session.packs.scan();
    session.packs.publishProblems();
    session.markReady();
  });

  connection.onDidChangeConfiguration(async () => {
    await refreshSettings(session);
    session.packs.scan();
    session.packs.publishProblems();
    session.checks.all();
  });

  connection.onShutdown(() => session.packs.dispose());
}

/** The client watches the packs, stories and scripts for the server where it can; else the server does. */
function watchFiles(session: Session): void {
  if (!session.support.watchedFilesRegistration) {
    session.packs.watchForClient();
    return;
  }
  const watchers = WATCHED_GLOBS.map((globPattern) => ({ globPattern }));
  void session.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => session.packs.watchForClient());
}

async function refreshSettings(session: Session): Promise<void> {
  if (!session.support.configuration) return;
  let timer: NodeJS.Timeout | undefined;
  // Bounded: a client that never answers leaves the server with the settings it has, not waiting.
  const bound = new Promise<undefined>((resolve) => { timer = setTimeout(() => resolve(undefined), SETTINGS_BOUND_MS); });
  try {
    const answer = await Promise.race([session.connection.workspace.getConfiguration('canonKeeper') as Promise<unknown>, bound]);
    if (answer !== undefined) session.workspace.settings = settingsFrom(answer);
  } catch {
    session.workspace.settings = DEFAULT_SETTINGS;
  } finally {
    clearTimeout(timer);
  }
}
