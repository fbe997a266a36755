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

  // The pack is opened as a document but shown in no editor, and edited by workspace edits: the
  // window's editors and groups stay as the tests before left them, for the browser checks after
  // the suite, which open a window restored from that layout.
  after(async () => {
    await vscode.workspace.fs.delete(folder(), { recursive: true }).then(undefined, () => undefined);
  });

  /** Sets the pack's last line to `text` and polls completion at its end for an item the server gives. */
  async function offered(document: vscode.TextDocument, text: string, label: string, kind: vscode.CompletionItemKind): Promise<vscode.CompletionItem> {
    const line = document.lineCount - 1;
    await setLine(document, line, text);
    let seen: string[] = [];
    try {
      return await until(`${label} among the completions after "${text}"`, async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>(
          'vscode.executeCompletionItemProvider', document.uri, new vscode.Position(line, text.length));
        seen = list.items.map((item) => `${labelOf(item)}:${item.kind}`);
        return list.items.find((item) => labelOf(item) === label && item.kind === kind);
      });
    } catch (error) {
      throw new Error(`${(error as Error).message}; offered: ${seen.slice(0, 30).join(', ') || 'nothing'}`);
    }
  }

  async function setLine(document: vscode.TextDocument, line: number, text: string): Promise<void> {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, document.lineAt(line).range, text);
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was applied');
  }

  it('offers a character id in between: and a relation kind with its meaning in kind:', async () => {
    // Run alone, the suite must open a script for the extension to start; after the others it has.
    if (!vscode.extensions.getExtension(extensionId)?.isActive) await openScript(scripts.cues);
    await activeExtension();
    await vscode.workspace.fs.writeFile(file(), Buffer.from(pack, 'utf8'));
    const document = await vscode.workspace.openTextDocument(file());
    try {
      const juliet = await offered(document, '    between: [romeo, ', 'juliet', vscode.CompletionItemKind.Reference);
      assert.strictEqual(juliet.detail, 'Juliet Capulet');
      const married = await offered(document, '    kind: mar', 'married', vscode.CompletionItemKind.EnumMember);
      const documentation = married.documentation instanceof vscode.MarkdownString ? married.documentation.value : married.documentation;
      assert.match(documentation ?? '', /married/);
    } finally {
      // Back as written, and saved so: nothing is left unsaved for the window to keep.
      await setLine(document, document.lineCount - 1, '');
      await document.save();
    }
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
