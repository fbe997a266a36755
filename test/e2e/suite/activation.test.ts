import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeExtension, extensionId, openScript, scripts } from './writer';

interface GrammarContribution {
  readonly language?: string;
  readonly scopeName: string;
  readonly path: string;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

describe('Opening a Fountain script', () => {
  it('opens it as the fountain language', async () => {
    const editor = await openScript(scripts.scenes);
    assert.strictEqual(editor.document.languageId, 'fountain');
  });

  it('activates Canon Keeper', async () => {
    const extension = await activeExtension();
    assert.strictEqual(extension.id, extensionId);
  });

  it('runs the packaged extension, not the sources', async () => {
    // The driver points VS Code at the folder `--install-extension` unpacked the .vsix into:
    // sources beside it would mean the test ran the repository instead of what writers install.
    const extension = await activeExtension();
    for (const source of ['server', 'client', 'node_modules', 'test']) {
      assert.ok(!(await exists(vscode.Uri.joinPath(extension.extensionUri, source))), `${source}/ is not in the package`);
    }
  });

  it('contributes the Fountain grammar, and the package holds the files it names', async () => {
    const extension = await activeExtension();
    const contributes = extension.packageJSON.contributes as {
      grammars?: GrammarContribution[];
      languages?: { id: string; configuration?: string }[];
      snippets?: { path: string }[];
      jsonValidation?: { url: string }[];
    };
    const grammar = contributes.grammars?.find((g) => g.scopeName === 'text.fountain');
    assert.ok(grammar, 'a grammar with scopeName text.fountain is contributed');
    assert.strictEqual(grammar.language, 'fountain');
    const named = [
      grammar.path,
      extension.packageJSON.main as string,
      'dist/server.js',
      ...(contributes.languages ?? []).flatMap((l) => (l.configuration ? [l.configuration] : [])),
      ...(contributes.snippets ?? []).map((s) => s.path),
      ...(contributes.jsonValidation ?? []).map((j) => j.url).filter((url) => !/^[a-z]+:/i.test(url)),
      'canon/tiny-pretty-things.canon.yaml',
    ];
    const missing: string[] = [];
    for (const file of named) {
      if (!(await exists(vscode.Uri.joinPath(extension.extensionUri, file)))) missing.push(file);
    }
    assert.deepStrictEqual(missing, [], 'every file the manifest names is in the package');
  });
});
