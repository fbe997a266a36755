import * as assert from 'assert';
import * as vscode from 'vscode';
import { until } from './poll';

/** What the tests do as a writer would: open scripts of the fixture workspace, type, look. */
export const extensionId = 'canon-keeper.canon-keeper';

/**
 * The fixture scripts, each in a folder of its own: the scripts of one folder are chapters of one
 * story (in name order), so the coma that begins in after-the-fall must not reach the others.
 */
export const scripts = {
  scenes: 'second-position/scenes.fountain',
  coma: 'after-the-fall/coma.fountain',
  cues: 'cue-practice/cues.fountain',
} as const;

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openScript(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Opening a Fountain script activates the extension; typing before that gives only word suggestions. */
export async function activeExtension(): Promise<vscode.Extension<unknown>> {
  return until('Canon Keeper to activate', () => {
    const extension = vscode.extensions.getExtension(extensionId);
    return extension?.isActive ? extension : undefined;
  }, 60_000);
}

export function lineOf(document: vscode.TextDocument, text: string, from = 0): number {
  for (let line = from; line < document.lineCount; line++) {
    if (document.lineAt(line).text === text) return line;
  }
  throw new Error(`no line "${text}" in ${document.uri.path}`);
}

export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return 'none';
  return diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${codeOf(d) ?? '-'} ${d.message}`).join('; ');
}

/** Replaces a whole line, as if the writer had typed it. */
export async function typeLine(editor: vscode.TextEditor, line: number, text: string): Promise<void> {
  const range = editor.document.lineAt(line).range;
  const ok = await editor.edit((edit) => edit.replace(range, text));
  assert.ok(ok, `the edit of line ${line + 1} was applied`);
}

/** Types `prefix` on the empty last line of cues.fountain (after a blank line: a cue position) and asks for completion. */
export async function completeCue(prefix: string, wanted: string): Promise<vscode.CompletionItem> {
  const editor = await openScript(scripts.cues);
  await activeExtension();
  const line = editor.document.lineCount - 1;
  assert.strictEqual(editor.document.lineAt(line - 1).text, '', 'the cue line follows a blank line');
  await typeLine(editor, line, prefix);
  const position = new vscode.Position(line, prefix.length);
  let offered: string[] = [];
  try {
    return await until(`${wanted} among the completions at "${prefix}"`, async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider', editor.document.uri, position);
      offered = list.items.map(labelOf);
      return list.items.find((item) => labelOf(item).trim().toUpperCase().startsWith(wanted));
    });
  } catch (error) {
    throw new Error(`${(error as Error).message}; offered: ${offered.slice(0, 20).join(', ') || 'nothing'}`);
  } finally {
    await typeLine(editor, line, '');
  }
}
