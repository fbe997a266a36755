/// <reference lib="dom" />
// The timeline and canon views' own script, bundled for the webview (dist/timeline.js): a click
// (or Enter) on a scene asks the extension to go to it, on a character to open their entry.

interface VsCodeApi {
  postMessage(message: FromPicture): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** From the timeline or canon view to the extension. */
export type FromPicture =
  | { readonly type: 'scene'; readonly chapter: number; readonly offset: number }
  | { readonly type: 'character'; readonly id: string };

const vscode = acquireVsCodeApi();

function activate(target: EventTarget | null): void {
  const element = target instanceof Element ? target.closest<HTMLElement | SVGElement>('[data-offset], [data-character]') : null;
  if (!element) return;
  const { chapter, offset, character } = element.dataset;
  if (character !== undefined) vscode.postMessage({ type: 'character', id: character });
  else if (offset !== undefined) vscode.postMessage({ type: 'scene', chapter: Number(chapter ?? 0), offset: Number(offset) });
}

document.addEventListener('click', (event) => activate(event.target));
document.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' || event.key === ' ') activate(event.target);
});
