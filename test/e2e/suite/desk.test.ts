import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { until } from './poll';
import { activeExtension, lineOf, openScript, typeLine, workspaceFile } from './writer';

/** What the extension hands its tests (client/desk/index.ts DeskApi): what the writer sees. */
interface DeskApi {
  statusBarText(): string | undefined;
  statisticsHtml(): string | undefined;
  preview(): { open: boolean; updates: number; pages: number; moved: number; count: number };
}

/** The example story: a title page and three pages, and canon warnings to mark. */
const story = 'desk/after-the-fall.fountain';

async function desk(): Promise<DeskApi> {
  return (await activeExtension()).exports as DeskApi;
}

function webviewTab(viewType: string): vscode.Tab | undefined {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs)
    .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(viewType));
}

function tabs(): string {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => `${t.label} (${t.input instanceof vscode.TabInputWebview ? t.input.viewType : typeof t.input})`).join(', ');
}

function pdfPages(file: string): number | undefined {
  const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  if (info.error) return undefined;
  return Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1]);
}

describe('The writer\'s desk', () => {
  it('Export PDF writes the script beside it, every page, and says how many', async () => {
    const editor = await openScript(story);
    await desk();
    const target = workspaceFile('desk/after-the-fall.pdf').fsPath;
    // The save dialog and the choice of script or story are settled in advance, as a keybinding may.
    const written = await vscode.commands.executeCommand<string | undefined>('canonKeeper.exportPdf', editor.document.uri, { scope: 'script', target, quiet: true });
    assert.strictEqual(written, target);
    const bytes = fs.readFileSync(target);
    assert.strictEqual(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    const pages = pdfPages(target);
    if (pages !== undefined) assert.strictEqual(pages, 4, 'a title page and three pages of script');
    else assert.ok(bytes.toString('latin1').includes('/Type /Page'), 'the PDF has pages');
  });

  it('shows the pages, screen time and canon in force in the status bar, and follows typing', async () => {
    const editor = await openScript(story);
    const api = await desk();
    const first = await until('the status bar item', () => api.statusBarText()?.includes('3 pages') && api.statusBarText(), 30_000);
    // The fixture workspace's fanon.canon.yaml (extending the built-in pack) is the canon in force.
    assert.match(first, /3 pages · ~2 min · .*Second Position \(fanon\): compliant/);
    const line = lineOf(editor.document, 'FADE OUT.');
    const before = editor.document.lineAt(line).text;
    try {
      await typeLine(editor, line, `${'The corridor is empty.\n\n'.repeat(40)}FADE OUT.`);
      await until('the status bar to count the new page', () => /\b4 pages\b/.test(api.statusBarText() ?? ''), 30_000);
    } finally {
      await vscode.commands.executeCommand('undo');
      await until('the edit to be undone', () => editor.document.lineAt(line).text === before && editor.document.lineCount < line + 5, 10_000);
      await editor.document.save();
    }
    const mode = lineOf(editor.document, 'Canon: compliant');
    await typeLine(editor, mode, 'Canon: AU');
    try {
      await until('the status bar to show the AU', () => (api.statusBarText() ?? '').endsWith(': AU'), 30_000);
    } finally {
      await typeLine(editor, mode, 'Canon: compliant');
      await editor.document.save();
    }
  });

  it('Show Statistics opens a panel with the script\'s numbers and cast', async () => {
    await openScript(story);
    const api = await desk();
    await vscode.commands.executeCommand('canonKeeper.showStatistics');
    const html = await until('the statistics panel', () => api.statisticsHtml()?.includes('CASSIE') && api.statisticsHtml(), 30_000);
    for (const wanted of ['Pages', 'Screen time', 'Scenes', 'Words', 'Characters', 'Locations', 'Interior', 'Time of day', 'NIGHT']) {
      assert.ok(html.includes(wanted), `the panel shows ${wanted}`);
    }
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    await until(`a Statistics tab among ${tabs()}`, () => webviewTab('canonKeeper.statistics'), 10_000);
  });

  it('Open Preview shows the pages beside the script and redraws only the page an edit changes', async () => {
    const editor = await openScript(story);
    const api = await desk();
    await vscode.commands.executeCommand('canonKeeper.openPreview');
    await until('the preview to show four pages', () => api.preview().open && api.preview().count === 4, 30_000);
    await until(`a Preview tab among ${tabs()}`, () => webviewTab('canonKeeper.preview'), 10_000);
    const updates = api.preview().updates;
    // A word longer on page 2: every later page moves in the script, but only page 2 prints differently.
    const line = lineOf(editor.document, 'Bette wakes in the chair, gasping. It was a dream. It has to have been a dream.');
    await vscode.window.showTextDocument(editor.document);
    try {
      await typeLine(editor, line, 'Bette wakes in the chair, gasping. It was a dream. It has to have been a dreaam.');
      const sent = await until('the preview to redraw after the edit', () => api.preview().updates > updates && api.preview(), 30_000);
      assert.deepStrictEqual({ pages: sent.pages, count: sent.count }, { pages: 1, count: 4 }, 'only the edited page is drawn again');
      assert.ok(sent.moved >= 1, 'the pages after it are renumbered, not drawn');
    } finally {
      await typeLine(editor, line, 'Bette wakes in the chair, gasping. It was a dream. It has to have been a dream.');
      await editor.document.save();
    }
  });
});
