import { isPackFile } from '../host/packs';
import type { Session } from './session';
import { uriToPath } from './workspace';

/**
 * Open documents: a script is checked at every version (and the chapters after it, where it moves
 * where the story clock ends); a canon pack open in the editor is read from its text as it is typed.
 */
export function registerDocuments(session: Session): void {
  const { connection, documents, checks, packs } = session;

  connection.onDidOpenTextDocument(({ textDocument: d }) => {
    changed(session, documents.open(d.uri, d.languageId, d.version, d.text).uri);
    packs.scriptsChanged();
  });

  connection.onDidChangeTextDocument(({ textDocument: d, contentChanges }) => {
    session.safely(() => documents.change(d.uri, d.version, contentChanges));
    changed(session, d.uri);
  });

  connection.onDidCloseTextDocument(({ textDocument: d }) => {
    documents.close(d.uri);
    checks.forget(d.uri);
    session.workspace.closed(d.uri);
    packs.scriptsChanged();
    if (!session.workspace.isPack(d.uri)) void connection.sendDiagnostics({ uri: d.uri, diagnostics: [] });
  });
}

/** A document changed: a pack is read again (and every script checked), a script is checked. */
function changed(session: Session, uri: string): void {
  const open = session.documents.get(uri);
  const file = uriToPath(uri);
  if (open && file && isPackFile(file)) session.packs.edited(file, open.text);
  else if (open?.isScript) session.checks.schedule(open);
}
