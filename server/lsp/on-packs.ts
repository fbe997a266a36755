import { FileChangeType } from 'vscode-languageserver/node';
import type { Session } from './session';
import { uriToPath } from './workspace';

/**
 * Files changed on disk, as the client's watcher reports them (registered in on-lifecycle.ts where
 * the client can watch for the server; the server's own watcher reports the same way otherwise).
 */
export function registerPackWatching(session: Session): void {
  session.connection.onDidChangeWatchedFiles(({ changes }) => {
    const files = changes.map((c) => ({ file: uriToPath(c.uri), deleted: c.type === FileChangeType.Deleted }));
    session.packs.changedOnDisk(files.filter((c): c is { file: string; deleted: boolean } => c.file !== undefined));
  });
}
