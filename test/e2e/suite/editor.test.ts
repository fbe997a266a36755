import * as assert from 'assert';
import * as vscode from 'vscode';
import { until } from './poll';
import { activeExtension, codeOf, describeDiagnostics, labelOf, openScript, scripts, typeLine, workspaceFile } from './writer';

/** The editor as a writer meets it: typing and deleting, completion where a line starts, quick fixes. */

const spellings = 'spellings/dellia.fountain';

async function typeKeys(...texts: string[]): Promise<void> {
  for (const text of texts) await vscode.commands.executeCommand('type', { text });
}

async function backspace(times: number): Promise<void> {
  for (let i = 0; i < times; i++) await vscode.commands.executeCommand('deleteLeft');
}

/** The last line of a script, emptied, with the cursor on it. */
async function atLastLine(name: string): Promise<{ editor: vscode.TextEditor; line: number }> {
  const editor = await openScript(name);
  await activeExtension();
  const line = editor.document.lineCount - 1;
  await typeLine(editor, line, '');
  editor.selection = new vscode.Selection(line, 0, line, 0);
  return { editor, line };
}

async function completions(editor: vscode.TextEditor, position: vscode.Position, what: string, wanted: (labels: string[]) => boolean): Promise<vscode.CompletionItem[]> {
  let offered: string[] = [];
  try {
    return await until(what, async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
      offered = list.items.map(labelOf);
      return wanted(offered) ? list.items : undefined;
    });
  } catch (error) {
    throw new Error(`${(error as Error).message}; offered: ${offered.slice(0, 20).join(', ') || 'nothing'}`);
  }
}

describe('Typing and deleting notes and boneyard', () => {
  afterEach(async () => {
    const editor = vscode.window.activeTextEditor;
    if (editor) await typeLine(editor, editor.document.lineCount - 1, '');
  });

  it('[[ closes as ]] and two Backspaces leave the line empty', async () => {
    const { editor, line } = await atLastLine(scripts.cues);
    await typeKeys('[', '[');
    assert.strictEqual(editor.document.lineAt(line).text, '[[]]');
    await backspace(2);
    assert.strictEqual(editor.document.lineAt(line).text, '', 'no stray closer');
  });

  it('[[note]] typed through the closers leaves one pair of each', async () => {
    const { editor, line } = await atLastLine(scripts.cues);
    await typeKeys('[', '[', 'n', 'o', 't', 'e', ']', ']');
    assert.strictEqual(editor.document.lineAt(line).text, '[[note]]');
  });

  it('/* and two Backspaces leave the line empty', async () => {
    const { editor, line } = await atLastLine(scripts.cues);
    await typeKeys('/', '*');
    assert.strictEqual(editor.document.lineAt(line).text, '/*');
    await backspace(2);
    assert.strictEqual(editor.document.lineAt(line).text, '', 'no stray closer');
  });
});

describe('Completion where a line starts', () => {
  afterEach(async () => {
    const editor = vscode.window.activeTextEditor;
    if (editor) await typeLine(editor, editor.document.lineCount - 1, '');
  });

  it('completes a cue typed in lower case, nev, to NEVEAH in capitals', async () => {
    const { editor, line } = await atLastLine(scripts.cues);
    await typeLine(editor, line, 'nev');
    const items = await completions(editor, new vscode.Position(line, 3), 'NEVEAH at "nev"', (labels) => labels.includes('NEVEAH'));
    const item = items.find((i) => labelOf(i) === 'NEVEAH') as vscode.CompletionItem;
    const range = item.range instanceof vscode.Range ? item.range : item.range?.replacing;
    assert.ok(range, 'the item says what it replaces');
    assert.strictEqual(editor.document.getText(range), 'nev');
    await editor.edit((edit) => edit.replace(range, typeof item.insertText === 'string' ? item.insertText : labelOf(item)));
    assert.strictEqual(editor.document.lineAt(line).text, 'NEVEAH');
  });

  it('offers scene headings on an empty line after a transition, and cues after dialogue', async () => {
    const { editor, line } = await atLastLine(spellings);
    assert.strictEqual(editor.document.lineAt(line - 2).text, 'CUT TO:');
    await completions(editor, new vscode.Position(line, 0), 'only heading prefixes after CUT TO:',
      (labels) => labels.includes('INT.') && !labels.includes('DELLIA'));
    const cue = new vscode.Position(4, 0);
    await editor.edit((edit) => edit.insert(cue, '\n'));
    try {
      await completions(editor, new vscode.Position(5, 0), 'cues, not headings, after dialogue',
        (labels) => labels.includes('DELLIA') && !labels.includes('INT.'));
    } finally {
      await editor.edit((edit) => edit.delete(new vscode.Range(5, 0, 6, 0)));
    }
  });

  it('offers the canon’s places after INT.', async () => {
    const { editor, line } = await atLastLine(spellings);
    await typeLine(editor, line, 'INT. ');
    const items = await completions(editor, new vscode.Position(line, 5), 'the canon place ARCHER SCHOOL OF BALLET',
      (labels) => labels.includes('ARCHER SCHOOL OF BALLET'));
    assert.ok(items.some((i) => labelOf(i) === 'ROOF'), 'the roof, the pack’s other place');
  });

  it('offers the values of Canon: on the title page, and explains them on hover', async () => {
    const editor = await openScript(scripts.cues);
    await activeExtension();
    await editor.edit((edit) => edit.insert(new vscode.Position(2, 0), 'Canon: \n'));
    try {
      await completions(editor, new vscode.Position(2, 7), 'compliant, AU and divergent',
        (labels) => ['compliant', 'AU', 'divergent'].every((l) => labels.includes(l)));
      const hovers = await until('help on the Canon: key', async () => {
        const found = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(2, 2));
        return found && found.length > 0 ? found : undefined;
      });
      const text = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
      assert.match(text, /canon pack/);
    } finally {
      await editor.edit((edit) => edit.delete(new vscode.Range(2, 0, 3, 0)));
    }
  });
});

describe('Keep this spelling', () => {
  it('records DELLIA in Spellings: on the title page, says so, and the warning stops', async () => {
    const editor = await openScript(spellings);
    await activeExtension();
    const uri = editor.document.uri;
    const misses = (): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === 'names.near-miss');
    const [miss] = await until('the near-miss warning on DELLIA', () => {
      const found = misses();
      return found.length > 0 ? found : undefined;
    }).catch((error: Error) => { throw new Error(`${error.message}; diagnostics: ${describeDiagnostics(vscode.languages.getDiagnostics(uri))}`); });
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, miss.range);
    const keep = actions.find((a) => a.title.startsWith('Keep this spelling'));
    assert.ok(keep?.edit, `a Keep this spelling fix among: ${actions.map((a) => a.title).join('; ')}`);
    assert.strictEqual(keep.title, 'Keep this spelling: add ‘DELLIA’ to Spellings: on the title page');
    assert.ok(await vscode.workspace.applyEdit(keep.edit));
    assert.strictEqual(editor.document.lineAt(0).text, 'Spellings: DELLIA');
    await until('the warning to stop', () => misses().length === 0);
    await editor.document.save();
  });
});

describe('Go to Symbol in Workspace', () => {
  it('finds scenes in every chapter, also in a script that was never opened', async () => {
    await openScript(scripts.scenes);
    await activeExtension();
    const unopened = workspaceFile('spellings/02-later.fountain');
    await vscode.workspace.fs.writeFile(unopened, Buffer.from('INT. HOSPITAL - ROOF GARDEN - DAY\n\nWind.\n'));
    const symbols = await until('the scene of the unopened chapter', async () => {
      const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'ROOF GARDEN');
      return found?.some((s) => s.location.uri.path.endsWith('/spellings/02-later.fountain')) ? found : undefined;
    });
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === unopened.toString()), 'the chapter is not open');
    assert.strictEqual(symbols.find((s) => s.location.uri.path.endsWith('02-later.fountain'))?.name, 'INT. HOSPITAL - ROOF GARDEN - DAY');
    const courtyard = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'COURTYARD');
    assert.ok(courtyard.some((s) => s.location.uri.path.endsWith('/second-position/scenes.fountain')), 'and in the open one');
  });
});

describe('The extension page', () => {
  it('has an icon in the package', async () => {
    const extension = await activeExtension();
    const icon = (extension.packageJSON as { icon?: string }).icon;
    assert.ok(icon, 'the manifest names an icon');
    const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(extension.extensionUri, icon));
    assert.ok(stat.size > 1000, `${icon} is a picture`);
  });
});
