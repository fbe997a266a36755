import * as path from 'path';
import * as vscode from 'vscode';
import { debounced } from './debounce';
import { scriptFor, type Desk } from './requests';
import { statsHtml } from './stats-html';
import { escapeHtml, page } from './webview';

/**
 * "Canon Keeper: Show Statistics": one panel with the numbers of the script it shows, which
 * follows the active Fountain editor and is asked again when the writer pauses typing.
 */
export class StatisticsView implements vscode.Disposable {
  static readonly viewType = 'canonKeeper.statistics';
  #panel: vscode.WebviewPanel | undefined;
  #document: vscode.TextDocument | undefined;
  #asked = 0;
  readonly #later = debounced(() => void this.#render(), 500);
  readonly #subscriptions: vscode.Disposable[];

  constructor(private readonly desk: Desk, private readonly extensionUri: vscode.Uri) {
    this.#subscriptions = [
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.#panel && editor?.document.languageId === 'fountain') this.#show(editor.document);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.#panel && e.document === this.#document) this.#later();
      }),
    ];
  }

  async open(uri: unknown): Promise<void> {
    const document = await scriptFor(uri) ?? this.#document;
    if (!document) {
      void vscode.window.showWarningMessage('Canon Keeper: open a Fountain script to see its statistics.');
      return;
    }
    if (!this.#panel) {
      this.#panel = vscode.window.createWebviewPanel(StatisticsView.viewType, 'Statistics', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: false,
        localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
      });
      this.#panel.onDidDispose(() => { this.#panel = undefined; });
    } else {
      this.#panel.reveal(undefined, true);
    }
    await this.#show(document);
  }

  /** The panel's HTML now, for the end-to-end tests; undefined when closed. */
  get html(): string | undefined {
    return this.#panel?.webview.html;
  }

  async #show(document: vscode.TextDocument): Promise<void> {
    this.#document = document;
    await this.#render();
  }

  async #render(): Promise<void> {
    const panel = this.#panel;
    const document = this.#document;
    if (!panel || !document) return;
    const ask = ++this.#asked;
    const answer = await this.desk.stats(document).catch(() => undefined);
    if (ask !== this.#asked || panel !== this.#panel) return;
    const name = path.basename(document.uri.path);
    panel.title = `Statistics: ${name}`;
    const body = answer ? statsHtml(name, answer) : `<p class="empty">${escapeHtml(`No statistics for ${name}: the language server is not running.`)}</p>`;
    panel.webview.html = page(panel.webview, { title: `Statistics: ${name}`, style: vscode.Uri.joinPath(this.extensionUri, 'media', 'statistics.css'), body });
  }

  dispose(): void {
    this.#later.dispose();
    this.#panel?.dispose();
    for (const s of this.#subscriptions) s.dispose();
  }
}
