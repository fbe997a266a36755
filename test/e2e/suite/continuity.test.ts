import * as assert from 'assert';
import * as vscode from 'vscode';
import { until } from './poll';
import { activeExtension, codeOf, describeDiagnostics, lineOf, openScript, scripts } from './writer';

const code = 'continuity.state-speaks';

function stateSpeaks(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === code);
}

async function applyFix(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<string> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value, 20);
  const fixes = (actions ?? []).filter((a): a is vscode.CodeAction => typeof a.command !== 'string')
    .filter((a) => !a.diagnostics || a.diagnostics.some((d) => codeOf(d) === code));
  const fix = fixes.find((a) => a.isPreferred) ?? fixes[0];
  assert.ok(fix, `a quick fix is offered for ${code}; offered: ${(actions ?? []).map((a) => a.title).join(', ') || 'nothing'}`);
  if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit), `the edit of "${fix.title}" applies`);
  if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
  assert.ok(fix.edit || fix.command, `"${fix.title}" has an edit or a command`);
  return fix.title;
}

describe('Continuity against canon', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it(`warns (${code}) when Cassie speaks during her coma, and only then`, async () => {
    const editor = await openScript(scripts.coma);
    await activeExtension();
    const document = editor.document;
    const coma = lineOf(document, "[[canon: after Cassie's fall]]");
    const comaCue = lineOf(document, 'CASSIE', coma);
    const found = await until(`a ${code} diagnostic in ${scripts.coma}`, () => stateSpeaks(document.uri)[0])
      .catch((error: Error) => {
        throw new Error(`${error.message}; diagnostics: ${describeDiagnostics(vscode.languages.getDiagnostics(document.uri))}`);
      });
    const lines = stateSpeaks(document.uri).map((d) => d.range.start.line);
    assert.ok(lines.every((line) => line > coma), `no ${code} before the fall: ${describeDiagnostics(stateSpeaks(document.uri))}`);
    assert.ok(found.range.start.line >= comaCue && found.range.start.line <= comaCue + 1,
      `the warning points at Cassie's cue or line in the hospital (line ${comaCue + 1}), not line ${found.range.start.line + 1}`);
    assert.ok(found.severity <= vscode.DiagnosticSeverity.Warning, 'it is shown as a warning or an error');
  });

  it('keeps the warning shown while typing moves none, and moves it with a new line above', async () => {
    // The server sends nothing for a version whose diagnostics the editor already holds (the
    // protocol and Neovim tests see that nothing is sent); here, that VS Code still shows them.
    const editor = await openScript(scripts.coma);
    const uri = editor.document.uri;
    const warning = await until(`a ${code} diagnostic`, () => stateSpeaks(uri)[0]);
    try {
      const solo = lineOf(editor.document, 'Cassie runs the solo one last time.');
      assert.ok(await editor.edit((edit) => edit.insert(editor.document.lineAt(solo).range.end, ' Twice.')));
      // The server checks a version before it answers a request sent after it: once a hover is
      // answered, whatever the edit's check published has arrived.
      await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(0, 0));
      assert.deepStrictEqual(stateSpeaks(uri).map((d) => d.range.start.line), [warning.range.start.line]);
      assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(solo, 0), '\n')));
      await until('the warning a line lower', () => {
        const lines = stateSpeaks(uri).map((d) => d.range.start.line);
        return lines.length === 1 && lines[0] === warning.range.start.line + 1;
      }).catch((error: Error) => {
        throw new Error(`${error.message}; shown: ${describeDiagnostics(stateSpeaks(uri))}`);
      });
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    // The next test fixes the warning where it stands: it must be back in its place first.
    await until('the warning back in its place', () => {
      const lines = stateSpeaks(uri).map((d) => d.range.start.line);
      return lines.length === 1 && lines[0] === warning.range.start.line;
    });
  });

  it('clears once its quick fix is applied', async () => {
    const editor = await openScript(scripts.coma);
    const uri = editor.document.uri;
    const diagnostic = await until(`a ${code} diagnostic to fix`, () => stateSpeaks(uri)[0]);
    const title = await applyFix(uri, diagnostic);
    await until(`the ${code} warning to clear after "${title}"`, () => stateSpeaks(uri).length === 0)
      .catch((error: Error) => {
        throw new Error(`${error.message}; still: ${describeDiagnostics(stateSpeaks(uri))}`);
      });
  });
});
