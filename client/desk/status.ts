import * as vscode from 'vscode';
import { debounced } from './debounce';
import { minutes, modeLabel, plural } from './format';
import type { Desk } from './requests';

/**
 * The status bar item of the active Fountain script: its pages, its screen time at a page a
 * minute, and the canon it is checked against. Clicking it shows the canon in force. Asked again of
 * the server when the writer pauses typing or changes editor.
 */
export interface StatusBar extends vscode.Disposable {
  /** What the item shows now, or undefined while hidden: for the end-to-end tests. */
  readonly text: () => string | undefined;
}

export function statusBar(desk: Desk): StatusBar {
  const item = vscode.window.createStatusBarItem('canonKeeper.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Canon Keeper: pages and canon';
  item.command = 'canonKeeper.showCanon';
  let asked = 0;
  let shown = false;
  const update = async (): Promise<void> => {
    const document = vscode.window.activeTextEditor?.document;
    if (document?.languageId !== 'fountain') {
      item.hide();
      shown = false;
      return;
    }
    const ask = ++asked;
    const answer = await desk.stats(document).catch(() => undefined);
    if (ask !== asked || !answer) return;
    const { stats, canon } = answer;
    item.text = `$(file-text) ${plural(stats.pages, 'page')} · ${minutes(stats.screenMinutes)} · $(book) ${canon.pack}: ${modeLabel(canon.mode)}`;
    item.tooltip = new vscode.MarkdownString(
      `**${plural(stats.pages, 'page')}**, about ${plural(stats.screenMinutes, 'minute')} on screen; ${plural(stats.scenes, 'scene')}, ${plural(stats.words, 'word')}.\n\n`
      + `Canon: **${canon.pack}**, ${modeLabel(canon.mode)}.\n\nClick to see the canon in force.`);
    item.show();
    shown = true;
  };
  const later = debounced(() => void update(), 400);
  void update();
  const disposable = vscode.Disposable.from(
    item,
    { dispose: () => later.dispose() },
    vscode.window.onDidChangeActiveTextEditor(() => void update()),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) later();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('canonKeeper')) later();
    }),
    // A pack edited or added changes the canon in force; the script is checked again, and its
    // diagnostics change with it.
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (e.uris.some((u) => u.toString() === active)) later();
    }),
  );
  return { dispose: () => disposable.dispose(), text: () => (shown ? item.text : undefined) };
}
