import * as assert from 'assert';
import * as vscode from 'vscode';
import { until } from './poll';
import { activeExtension, completeCue, describeDiagnostics, workspaceFile } from './writer';

// An unclosed quote: no YAML reader can load this pack, so the writer must be told where.
const brokenPack = [
  'canon: 1',
  'id: broken-fanon',
  'name: Broken fanon',
  'characters:',
  '  - id: ghost',
  '    name: "Ghost Dancer',
  '    cue: GHOST',
  '',
].join('\n');

describe('Canon packs in the workspace', () => {
  const broken = () => workspaceFile('broken.canon.yaml');

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(broken()).then(undefined, () => undefined);
  });

  it('picks up fanon.canon.yaml: KA offers KAI at a cue', async () => {
    await activeExtension();
    const item = await completeCue('KA', 'KAI');
    assert.notStrictEqual(item.kind, vscode.CompletionItemKind.Text);
  });

  it('reports a broken pack on the pack file', async () => {
    await activeExtension();
    await vscode.workspace.fs.writeFile(broken(), Buffer.from(brokenPack, 'utf8'));
    const document = await vscode.workspace.openTextDocument(broken());
    await vscode.window.showTextDocument(document, { preview: false });
    const diagnostics = await until('a diagnostic on broken.canon.yaml', () => {
      const found = vscode.languages.getDiagnostics(document.uri);
      return found.length > 0 ? found : undefined;
    });
    assert.ok(diagnostics.every((d) => d.range.start.line < document.lineCount),
      `the problems point into the pack: ${describeDiagnostics(diagnostics)}`);
    assert.ok(diagnostics.some((d) => d.severity === vscode.DiagnosticSeverity.Error),
      `a pack that cannot load is an error, not a warning: ${describeDiagnostics(diagnostics)}`);
  });
});
