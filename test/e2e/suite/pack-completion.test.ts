import * as assert from 'assert';
import * as vscode from 'vscode';
import { until } from './poll';
import { activeExtension, extensionId, labelOf, openScript, scripts, workspaceFile } from './writer';

/**
 * A fan writing a pack: in a *.canon.yaml file, completion offers the ids the pack defines where a
 * field names a character, and the relation kinds where a kind goes. The pack stands in a folder
 * of its own, so that it governs no fixture script of the other tests.
 */
const pack = [
  'canon: 1',
  'id: completion-practice',
  'name: Completion practice',
  'characters:',
  '  - id: romeo',
  '    name: Romeo Montague',
  '  - { id: juliet, name: Juliet Capulet }',
  'relations:',
  '  - id: lovers',
  '',
].join('\n');

describe('Completion in a canon pack file', () => {
  const folder = () => workspaceFile('pack-practice');
  const file = () => vscode.Uri.joinPath(folder(), 'practice.canon.yaml');

  // The script the writer had in front of them, shown again at the end: the window is left as the
  // tests before this one left it (the preview follows the script in front).
  let before: vscode.TextDocument | undefined;

  after(async () => {
    // The typing is taken back before the editor closes: a dirty editor would ask to be saved.
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file().toString());
    if (open) {
      await vscode.window.showTextDocument(open, { preview: false });
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
    if (before) await vscode.window.showTextDocument(before, { preview: false });
    await vscode.workspace.fs.delete(folder(), { recursive: true }).then(undefined, () => undefined);
  });

  /** Types `text` on the pack's last line and polls completion at its end for an item the server gives. */
  async function offered(editor: vscode.TextEditor, text: string, label: string, kind: vscode.CompletionItemKind): Promise<vscode.CompletionItem> {
    const line = editor.document.lineCount - 1;
    const ok = await editor.edit((edit) => edit.replace(editor.document.lineAt(line).range, text));
    assert.ok(ok, 'the edit was applied');
    let seen: string[] = [];
    try {
      return await until(`${label} among the completions after "${text}"`, async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>(
          'vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(line, text.length));
        seen = list.items.map((item) => `${labelOf(item)}:${item.kind}`);
        return list.items.find((item) => labelOf(item) === label && item.kind === kind);
      });
    } catch (error) {
      throw new Error(`${(error as Error).message}; offered: ${seen.slice(0, 30).join(', ') || 'nothing'}`);
    }
  }

  it('offers a character id in between: and a relation kind with its meaning in kind:', async () => {
    before = vscode.window.activeTextEditor?.document;
    // Run alone, the suite must open a script for the extension to start; after the others it has.
    if (!vscode.extensions.getExtension(extensionId)?.isActive) await openScript(scripts.cues);
    await activeExtension();
    await vscode.workspace.fs.writeFile(file(), Buffer.from(pack, 'utf8'));
    const document = await vscode.workspace.openTextDocument(file());
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    const juliet = await offered(editor, '    between: [romeo, ', 'juliet', vscode.CompletionItemKind.Reference);
    assert.strictEqual(juliet.detail, 'Juliet Capulet');
    const married = await offered(editor, '    kind: mar', 'married', vscode.CompletionItemKind.EnumMember);
    const documentation = married.documentation instanceof vscode.MarkdownString ? married.documentation.value : married.documentation;
    assert.match(documentation ?? '', /married/);
  });

  it('hands the pack schema to the YAML extension, from a file in the package', async () => {
    const extension = await activeExtension();
    const contributes = extension.packageJSON.contributes as { yamlValidation?: { fileMatch: string[]; url: string }[] };
    const yaml = contributes.yamlValidation?.find((v) => v.fileMatch.includes('*.canon.yaml'));
    assert.ok(yaml, 'yamlValidation for *.canon.yaml');
    const schema = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, yaml.url));
    assert.match(Buffer.from(schema).toString('utf8'), /"title": "Canon Keeper canon pack"/);
  });
});
