import * as assert from 'assert';
import * as vscode from 'vscode';
import { until } from './poll';
import { activeExtension, lineOf, openScript } from './writer';

/** What the extension hands its tests (client/desk/index.ts DeskApi): the pictures' pages. */
interface PicturesApi {
  timelineHtml(): string | undefined;
  canonHtml(): string | undefined;
}

/** The example story, in a folder of its own; the workspace's fanon pack (extending the built-in one) governs it. */
const story = 'desk/after-the-fall.fountain';

async function api(): Promise<PicturesApi> {
  return (await activeExtension()).exports as PicturesApi;
}

function webviewTab(viewType: string): vscode.Tab | undefined {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs)
    .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(viewType));
}

/** The text a reader sees on a page: tags, titles and styles left out. */
function visible(html: string): string {
  return html.replace(/<style[^>]*>.*?<\/style>/gs, '').replace(/<title>.*?<\/title>/gs, '').replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');
}

describe('The timeline and the canon', () => {
  // The browser checks that follow open the workspace again, as it was left: an editor left open
  // beside the first group (a script, a canon-keeper: entry) is restored there, in a group of its
  // own, and narrows the editor they look at. The views and editors opened beside are closed.
  after(async () => {
    const [first, ...others] = vscode.window.tabGroups.all;
    const beside = others.flatMap((g) => g.tabs).filter((t) => !t.isDirty);
    const entries = (first?.tabs ?? []).filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.scheme === 'canon-keeper');
    await vscode.window.tabGroups.close([...beside, ...entries]);
    await until('one editor group', () => vscode.window.tabGroups.all.length === 1, 10_000);
  });

  it('Show Timeline opens a panel with the story\'s scenes on the canon clock, the states and the warnings', async () => {
    await openScript(story);
    const pictures = await api();
    await vscode.commands.executeCommand('canonKeeper.showTimeline');
    const html = await until('the timeline panel', () => pictures.timelineHtml()?.includes('INT. POLICE STATION - DAY') && pictures.timelineHtml(), 30_000);
    const text = visible(html);
    for (const seen of ['After the Fall: the story on the canon timeline', "2. INT. ST. VINCENT'S HOSPITAL - ICU - NIGHT",
      "1. Cassie's fall", 'Cassie: in a coma', 'off the timeline (FLASHBACK)', 'CASSIE speaks, but Cassie is in a coma']) {
      assert.ok(text.includes(seen), `the timeline shows “${seen}”`);
    }
    assert.match(html, /<g class="scene clickable" id="scene-1-mark" data-chapter="0" data-offset="\d+" data-line="8"/, 'scenes can be clicked');
    assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src [^;]+ 'nonce-[^']+'; script-src 'nonce-/);
    await until('a Timeline tab', () => webviewTab('canonKeeper.timeline'), 10_000);
  });

  it('Show Canon opens a panel with the pack in force: characters, relations, events and states', async () => {
    await openScript(story);
    const pictures = await api();
    await vscode.commands.executeCommand('canonKeeper.showCanon');
    const html = await until('the canon panel', () => pictures.canonHtml()?.includes('Cassie Shore') && pictures.canonHtml(), 30_000);
    const text = visible(html);
    for (const seen of ['Second Position (fanon)', 'Kai Moreau', "Delia is Bette's older sister", "1. Cassie's fall", 'Cassie is in a coma']) {
      assert.ok(text.includes(seen), `the canon shows “${seen}”`);
    }
    await until('a Canon tab', () => webviewTab('canonKeeper.canon'), 10_000);
  });

  it('Go to Definition on CASSIE opens a read-only canon-keeper: document of her entry in the built-in pack', async () => {
    const editor = await openScript(story);
    await api();
    const position = new vscode.Position(lineOf(editor.document, 'CASSIE'), 2);
    const target = await until('a definition for CASSIE', async () => {
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', editor.document.uri, position);
      const first = found?.[0];
      return first && ('targetUri' in first ? { uri: first.targetUri, range: first.targetRange } : { uri: first.uri, range: first.range });
    }, 30_000);
    assert.strictEqual(target.uri.scheme, 'canon-keeper', `not a file in the extension's folder: ${target.uri.toString()}`);
    const entry = await vscode.workspace.openTextDocument(target.uri);
    assert.ok(entry.getText().includes('name: Cassie Shore'), entry.getText().slice(0, 400));
    assert.match(entry.lineAt(target.range.start.line).text, /- id: cassie$/);
  });
});
