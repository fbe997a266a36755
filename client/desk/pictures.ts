import * as vscode from 'vscode';
import { canonBody, PAGE_CSS, timelineBody } from '../../server/core/timeline/html';
import { PICTURE_CSS } from '../../server/core/timeline/style';
import { CANON_ENTRY_SCHEME, TIMELINE, type CanonResult, type TimelineResult } from '../../server/protocol/timeline';
import type { FromPicture } from '../webview/timeline';
import { debounced } from './debounce';
import { scriptFor, type ClientRef } from './requests';
import { escapeHtml, page } from './webview';

/** What a picture view shows: asked of the server for a script, drawn as the body of its page. */
interface Picture<T> {
  readonly viewType: string;
  readonly what: string;
  ask(client: ClientRef, document: vscode.TextDocument): Promise<T | null | undefined>;
  title(answer: T): string;
  body(answer: T): string;
  go(answer: T, message: FromPicture): Promise<void>;
}

/**
 * A webview beside the editor showing a picture of the active Fountain script's story or canon
 * (core/timeline: the same drawing `canon-keeper timeline` writes), drawn again when the writer
 * pauses typing or the script's warnings change. Clicking a scene goes to it in the editor; a
 * character, to their entry in the canon pack.
 */
export class PictureView<T> implements vscode.Disposable {
  #panel: vscode.WebviewPanel | undefined;
  #document: vscode.TextDocument | undefined;
  #answer: T | undefined;
  /** The body last drawn: drawn again only where it changed, which would lose the reader's scrolling. */
  #body = '';
  #asked = 0;
  readonly #later = debounced(() => void this.#render(), 600);
  readonly #subscriptions: vscode.Disposable[];

  constructor(private readonly client: ClientRef, private readonly extensionUri: vscode.Uri, private readonly picture: Picture<T>) {
    this.#subscriptions = [
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.#panel && editor?.document.languageId === 'fountain' && editor.document !== this.#document) {
          this.#document = editor.document;
          void this.#render();
        }
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.#panel && e.document.languageId === 'fountain') this.#later();
      }),
      vscode.languages.onDidChangeDiagnostics(() => {
        if (this.#panel) this.#later();
      }),
    ];
  }

  async open(uri: unknown): Promise<void> {
    const document = await scriptFor(uri) ?? this.#document;
    if (!document) {
      void vscode.window.showWarningMessage(`Canon Keeper: open a Fountain script to see ${this.picture.what}.`);
      return;
    }
    this.#document = document;
    if (!this.#panel) {
      const panel = vscode.window.createWebviewPanel(this.picture.viewType, this.picture.what, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true,
        localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media'), vscode.Uri.joinPath(this.extensionUri, 'dist')],
      });
      panel.onDidDispose(() => {
        if (this.#panel !== panel) return;
        this.#panel = undefined;
        this.#body = '';
      });
      panel.webview.onDidReceiveMessage((message: FromPicture) => {
        if (this.#answer !== undefined) void this.picture.go(this.#answer, message);
      });
      this.#panel = panel;
    } else {
      this.#panel.reveal(undefined, true);
    }
    await this.#render();
  }

  /** The page's HTML now, for the end-to-end tests; undefined when closed. */
  get html(): string | undefined {
    return this.#panel?.webview.html;
  }

  async #render(): Promise<void> {
    const panel = this.#panel;
    const document = this.#document;
    if (!panel || !document) return;
    const ask = ++this.#asked;
    const answer = await this.picture.ask(this.client, document).catch(() => undefined);
    if (ask !== this.#asked || panel !== this.#panel) return;
    this.#answer = answer ?? undefined;
    const title = answer ? this.picture.title(answer) : this.picture.what;
    panel.title = title;
    const body = answer ? this.picture.body(answer) : `<p class="empty">${escapeHtml(`Nothing to show for ${document.uri.path.split('/').pop()}: the language server is not running.`)}</p>`;
    if (body === this.#body && panel.webview.html !== '') return;
    this.#body = body;
    panel.webview.html = page(panel.webview, {
      title,
      style: vscode.Uri.joinPath(this.extensionUri, 'media', 'timeline.css'),
      script: vscode.Uri.joinPath(this.extensionUri, 'dist', 'timeline.js'),
      inlineStyle: PICTURE_CSS + PAGE_CSS,
      bodyClass: 'ck',
      body,
    });
  }

  dispose(): void {
    this.#later.dispose();
    this.#panel?.dispose();
    for (const s of this.#subscriptions) s.dispose();
  }
}

async function send<T>(client: ClientRef, method: string, document: vscode.TextDocument): Promise<T | null | undefined> {
  const c = client();
  if (!c?.isRunning()) return undefined;
  return c.sendRequest<T | null>(method, { uri: document.uri.toString() });
}

/** "Canon Keeper: Show Timeline": the story's scenes, across its chapters, on the canon clock. */
export function timelinePicture(): Picture<TimelineResult> {
  return {
    viewType: 'canonKeeper.timeline',
    what: 'Timeline',
    ask: (client, document) => send<TimelineResult>(client, TIMELINE.timeline, document),
    title: (answer) => `Timeline: ${answer.title}`,
    body: (answer) => timelineBody(answer.timeline, `${answer.title}: the story on the canon timeline`, { clickable: true }),
    go: async (answer, message) => {
      if (message.type !== 'scene') return;
      const uri = answer.timeline.chapters[message.chapter]?.uri;
      if (uri) await reveal(vscode.Uri.parse(uri), message.offset);
    },
  };
}

/** "Canon Keeper: Show Canon": the pack in force, as a picture and in words. */
export function canonPicture(): Picture<CanonResult> {
  return {
    viewType: 'canonKeeper.canon',
    what: 'Canon',
    ask: (client, document) => send<CanonResult>(client, TIMELINE.canon, document),
    title: (answer) => `Canon: ${answer.canon.pack.name}`,
    body: (answer) => `<h1>${escapeHtml(answer.canon.pack.name)}</h1>\n${canonBody(answer.canon, { clickable: true })}`,
    go: async (answer, message) => {
      if (message.type !== 'character') return;
      const source = answer.canon.characters.find((c) => c.id === message.id)?.source;
      if (!source) return;
      // The built-in pack is shown as read-only entries; a workspace pack is the writer's own file.
      if (source.uri.startsWith('builtin:')) {
        const entry = vscode.Uri.parse(`${CANON_ENTRY_SCHEME}:/${source.uri.slice('builtin:'.length)}/${encodeURIComponent(message.id)}.yaml`);
        await vscode.window.showTextDocument(entry, { viewColumn: vscode.ViewColumn.One, preview: true });
      } else {
        await reveal(vscode.Uri.file(source.uri), source.offset);
      }
    },
  };
}

/** Opens a script or pack with the cursor at an offset, in the editor group that already shows it. */
async function reveal(uri: vscode.Uri, offset: number): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const at = document.positionAt(offset);
  const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const editor = await vscode.window.showTextDocument(document, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One, selection: new vscode.Range(at, at) });
  editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.AtTop);
}

/**
 * The read-only documents of the built-in pack's entries (`canon-keeper:/PACK/CHARACTER.yaml`),
 * where Go to Definition on a canon name goes: their text comes from the language server.
 */
export function canonEntries(client: ClientRef): vscode.TextDocumentContentProvider {
  return {
    provideTextDocumentContent: async (uri) => {
      const c = client();
      if (!c?.isRunning()) return '# The language server is not running.\n';
      const answer = await c.sendRequest<{ text: string } | null>(TIMELINE.canonEntry, { uri: uri.toString() });
      return answer?.text ?? `# ${uri.path}: no such entry in the built-in canon pack.\n`;
    },
  };
}
