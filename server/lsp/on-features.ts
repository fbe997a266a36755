import { codeActions, completion, definition, documentSymbols, folding, hoverAt, references } from './features';
import { hoverAs, itemsAs } from './markup';
import { packFileCompletion } from './pack-completion';
import type { Session } from './session';

/**
 * What a writer asks of a script: completion, hover, definition and references, the outline,
 * folding and quick fixes. Each answers from the analysis of the version the editor holds, and
 * writes cards in markdown only for a client that declared it.
 */
export function registerFeatures(session: Session): void {
  const { connection, documents, checks } = session;
  const analysed = checks.analysed.bind(checks);
  const answer = session.answer.bind(session);

  connection.onCompletion((params, token) => answer(() => {
    if (session.workspace.isPack(params.textDocument.uri)) {
      const list = packFileCompletion(params, documents, session.workspace, token);
      return list && { ...list, items: itemsAs(list.items, session.support.completionMarkdown) };
    }
    const a = analysed(params.textDocument.uri, token);
    // Incomplete: fuzzy matches depend on what is typed, so the client must ask again as it changes.
    const items = a && completion(a.script, a.result, params.position, token, session.workspace.project.db);
    return items ? { isIncomplete: true, items: itemsAs(items, session.support.completionMarkdown) } : null;
  }, null));
  connection.onHover((params, token) => answer(() => {
    const a = analysed(params.textDocument.uri, token);
    return a ? hoverAs(hoverAt(a.script, a.result, params.position, token), session.support.hoverMarkdown) : null;
  }, null));
  connection.onDefinition((params, token) => answer(() => {
    const a = analysed(params.textDocument.uri, token);
    return a ? definition(a.script, a.result, params.position, session.workspace, session.canonEntries) : null;
  }, null));
  connection.onReferences((params, token) => answer(() => {
    const a = analysed(params.textDocument.uri, token);
    return a ? references(a.script, a.result, params.position, session.workspace, documents, token) : null;
  }, null));
  connection.onDocumentSymbol((params, token) => answer(() => {
    const script = documents.get(params.textDocument.uri);
    return script?.isScript ? documentSymbols(script, token) : null;
  }, null));
  connection.onFoldingRanges((params, token) => answer(() => {
    const script = documents.get(params.textDocument.uri);
    return script?.isScript ? folding(script, token) : null;
  }, null));
  connection.onCodeAction((params, token) => answer(() => {
    const a = analysed(params.textDocument.uri, token);
    return a ? codeActions(params, a.script, a.result) : null;
  }, null));
}
