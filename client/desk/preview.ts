import * as path from 'path';
import * as vscode from 'vscode';
import type { PageMark } from '../../server/core/pages/marks';
import type { Page } from '../../server/core/pages/model';
import type { FromPreview, MovedPage, PreviewPage, ToPreview } from '../webview/messages';
import { debounced } from './debounce';
import { scriptFor, type Desk } from './requests';
import { page } from './webview';

/** How long after the preview scrolled the editor its own scrolling is not sent back, and the other way. */
const ECHO_MS = 300;

/**
 * "Canon Keeper: Open Preview": the script as printed, beside the editor. The server lays out the
 * pages (the same paginator as the PDF); when the writer pauses typing, only the pages whose
 * content changed are sent to the webview and redrawn, so a long script is not redrawn whole per
 * edit. The editor and the preview scroll together.
 */
export class PreviewPanel implements vscode.Disposable {
  static readonly viewType = 'canonKeeper.preview';
  #panel: vscode.WebviewPanel | undefined;
  #document: vscode.TextDocument | undefined;
  /** What the webview shows now, per page: its print, and where its lines are in the script. */
  #shown: { print: string; place: string }[] = [];
  #asked = 0;
  #editorMovedAt = 0;
  #previewMovedAt = 0;
  /** Pages sent since the panel opened, for the end-to-end tests. */
  sent = { updates: 0, pages: 0, moved: 0, count: 0 };
  readonly #later = debounced(() => void this.#update(), 300);
  readonly #subscriptions: vscode.Disposable[];

  constructor(private readonly desk: Desk, private readonly extensionUri: vscode.Uri) {
    this.#subscriptions = [
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.#panel && e.document === this.#document) this.#later();
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (this.#panel && this.#document && e.uris.some((u) => u.toString() === this.#document?.uri.toString())) this.#later();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.#panel && editor?.document.languageId === 'fountain' && editor.document !== this.#document) this.#showDocument(editor.document);
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.#editorScrolled(e.textEditor)),
    ];
  }

  async open(uri: unknown): Promise<void> {
    const document = await scriptFor(uri);
    if (!document) {
      void vscode.window.showWarningMessage('Canon Keeper: open a Fountain script to preview it.');
      return;
    }
    if (this.#panel) {
      this.#panel.reveal(undefined, true);
    } else {
      this.#panel = this.#createPanel();
    }
    this.#showDocument(document);
  }

  #createPanel(): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel(PreviewPanel.viewType, 'Preview', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media'), vscode.Uri.joinPath(this.extensionUri, 'dist')],
    });
    panel.webview.html = page(panel.webview, {
      title: 'Preview',
      style: vscode.Uri.joinPath(this.extensionUri, 'media', 'preview.css'),
      script: vscode.Uri.joinPath(this.extensionUri, 'dist', 'preview.js'),
      body: '<main id="pages" aria-label="The script as printed"></main>',
    });
    panel.webview.onDidReceiveMessage((message: FromPreview) => this.#received(message));
    panel.onDidDispose(() => {
      this.#panel = undefined;
      this.#shown = [];
    });
    return panel;
  }

  #showDocument(document: vscode.TextDocument): void {
    this.#document = document;
    this.#shown = [];
    if (this.#panel) this.#panel.title = `Preview: ${path.basename(document.uri.path)}`;
    void this.#update();
  }

  async #update(): Promise<void> {
    const panel = this.#panel;
    const document = this.#document;
    if (!panel || !document) return;
    const ask = ++this.#asked;
    const answer = await this.desk.pages(document).catch(() => undefined);
    if (!answer || ask !== this.#asked || panel !== this.#panel) return;
    const shown = answer.pages.map((p, index) => keysOf(p, answer.marks.filter((m) => m.page === index)));
    const changed: PreviewPage[] = [];
    const moved: MovedPage[] = [];
    shown.forEach((key, index) => {
      const before = this.#shown[index];
      const marks = answer.marks.filter((m) => m.page === index);
      if (before?.print !== key.print) changed.push({ index, page: answer.pages[index], marks });
      else if (before.place !== key.place) moved.push({ index, ...placeOf(answer.pages[index], marks) });
    });
    if (changed.length === 0 && moved.length === 0 && shown.length === this.#shown.length) return;
    this.#shown = shown;
    this.sent = { updates: this.sent.updates + 1, pages: changed.length, moved: moved.length, count: shown.length };
    void this.#post({ type: 'pages', paper: answer.paper, count: shown.length, changed, moved });
  }

  #received(message: FromPreview): void {
    const document = this.#document;
    if (message.type === 'ready') {
      this.#shown = [];
      void this.#update();
    } else if (document && message.type === 'scrolled') {
      if (Date.now() - this.#editorMovedAt < ECHO_MS) return;
      const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
      if (!editor) return;
      this.#previewMovedAt = Date.now();
      const at = document.positionAt(message.offset);
      editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.AtTop);
    } else if (document && message.type === 'goto') {
      const at = document.positionAt(message.offset);
      void vscode.window.showTextDocument(document, { selection: new vscode.Range(at, at), viewColumn: this.#editorColumn(document) });
    }
  }

  #editorColumn(document: vscode.TextDocument): vscode.ViewColumn | undefined {
    return vscode.window.visibleTextEditors.find((e) => e.document === document)?.viewColumn;
  }

  #editorScrolled(editor: vscode.TextEditor): void {
    if (!this.#panel || editor.document !== this.#document || editor.visibleRanges.length === 0) return;
    if (Date.now() - this.#previewMovedAt < ECHO_MS) return;
    this.#editorMovedAt = Date.now();
    const top = editor.visibleRanges[0].start.line;
    void this.#post({ type: 'reveal', offset: editor.document.offsetAt(new vscode.Position(top, 0)) });
  }

  #post(message: ToPreview): Thenable<boolean> | undefined {
    return this.#panel?.webview.postMessage(message);
  }

  get isOpen(): boolean {
    return this.#panel !== undefined;
  }

  dispose(): void {
    this.#later.dispose();
    this.#panel?.dispose();
    for (const s of this.#subscriptions) s.dispose();
  }
}

/**
 * A page's print (what the writer sees) apart from its place in the script (offsets): typing on
 * page 2 moves every later page in the script without changing how it prints, and those pages
 * are then renumbered in the webview rather than drawn again.
 */
function keysOf(page: Page, marks: readonly PageMark[]): { print: string; place: string } {
  const print = JSON.stringify([page.number, page.lines.map((l) => ({ ...l, source: l.source !== undefined })), marks.map((m) => ({ ...m, offset: 0 }))]);
  return { print, place: JSON.stringify(placeOf(page, marks)) };
}

function placeOf(page: Page, marks: readonly PageMark[]): { sources: number[]; marks: number[] } {
  return {
    sources: page.lines.flatMap((l) => (l.source !== undefined ? [l.source] : [])),
    marks: marks.map((m) => m.offset),
  };
}
