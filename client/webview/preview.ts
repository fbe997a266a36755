/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The preview's own script, bundled for the webview (dist/preview.js): draws the pages it is sent,
// replacing only those that changed, and keeps the editor and the preview scrolled together.
import type { PageMark } from '../../server/core/pages/marks';
import type { PageLine, Paper, StyledRun } from '../../server/core/pages/model';
import type { FromPreview, MovedPage, PreviewPage, ToPreview } from './messages';

interface VsCodeApi {
  postMessage(message: FromPreview): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const TOP_MARGIN = 1;
const LINE_HEIGHT = 1 / 6;
const vscode = acquireVsCodeApi();
const root = document.getElementById('pages') as HTMLElement;
let paper: Paper | undefined;
/** Until then, scrolling is the preview following the editor, not the writer scrolling it. */
let followingUntil = 0;

window.addEventListener('message', (event: MessageEvent<ToPreview>) => {
  const message = event.data;
  if (message.type === 'pages') {
    drawPages(message.paper, message.count, message.changed);
    for (const moved of message.moved) renumber(moved);
  }
  else reveal(message.offset);
});

function drawPages(next: Paper, count: number, changed: readonly PreviewPage[]): void {
  paper = next;
  fitToWidth();
  for (const { index, page, marks } of changed) {
    const section = pageElement(page.lines, marks, index);
    const old = root.children[index];
    if (old) root.replaceChild(section, old);
    else root.appendChild(section);
  }
  while (root.children.length > count) root.lastElementChild?.remove();
  document.body.classList.toggle('empty', count === 0);
}

/** A page that only moved in the script: its lines and marks point to their new offsets. */
function renumber(moved: MovedPage): void {
  const section = root.children[moved.index];
  if (!section) return;
  section.querySelectorAll<HTMLElement>('.line[data-source]').forEach((line, k) => {
    line.dataset.source = String(moved.sources[k]);
  });
  section.querySelectorAll<HTMLElement>('.mark').forEach((mark, k) => {
    mark.dataset.offset = String(moved.marks[k]);
  });
}

function pageElement(lines: readonly PageLine[], marks: readonly PageMark[], index: number): HTMLElement {
  const section = document.createElement('section');
  section.className = 'page';
  section.dataset.index = String(index);
  for (const line of lines) section.appendChild(lineElement(line));
  for (const mark of marks) section.appendChild(markElement(mark));
  return section;
}

function lineElement(line: PageLine): HTMLElement {
  const div = document.createElement('div');
  div.className = `line ${line.kind} ${line.align}`;
  div.style.setProperty('--x', String(line.x));
  div.style.setProperty('--y', String(TOP_MARGIN + line.row * LINE_HEIGHT));
  if (line.source !== undefined) div.dataset.source = String(line.source);
  for (const run of line.runs) div.appendChild(runElement(run));
  return div;
}

function runElement(run: StyledRun): HTMLElement {
  const span = document.createElement('span');
  span.textContent = run.text;
  if (run.bold) span.classList.add('b');
  if (run.italic) span.classList.add('i');
  if (run.underline) span.classList.add('u');
  return span;
}

function markElement(mark: PageMark): HTMLElement {
  const button = document.createElement('button');
  button.className = `mark ${mark.severity}`;
  button.style.setProperty('--y', String(TOP_MARGIN + mark.row * LINE_HEIGHT));
  button.title = `${mark.message} (${mark.ruleId})`;
  button.setAttribute('aria-label', button.title);
  button.textContent = mark.severity === 'error' ? '✖' : mark.severity === 'warning' ? '⚠' : 'ℹ';
  button.dataset.offset = String(mark.offset);
  button.addEventListener('click', () => vscode.postMessage({ type: 'goto', offset: Number(button.dataset.offset) }));
  return button;
}

/** Pages as wide as the panel allows, up to their printed size (96 CSS pixels an inch). */
function fitToWidth(): void {
  if (!paper) return;
  const inch = Math.max(24, Math.min(96, (document.documentElement.clientWidth - 32) / paper.width));
  document.documentElement.style.setProperty('--in', `${inch}px`);
  document.documentElement.style.setProperty('--paper-width', String(paper.width));
  document.documentElement.style.setProperty('--paper-height', String(paper.height));
}
window.addEventListener('resize', fitToWidth);

/** Scrolls to the printed line of the element at or before `offset` in the script. */
function reveal(offset: number): void {
  const line = lineAtOrBefore(offset);
  if (!line) return;
  followingUntil = performance.now() + 300;
  window.scrollTo({ top: line.getBoundingClientRect().top + window.scrollY - 8 });
}

function lineAtOrBefore(offset: number): HTMLElement | undefined {
  let best: HTMLElement | undefined;
  let bestSource = -1;
  for (const line of root.querySelectorAll<HTMLElement>('.line[data-source]')) {
    const source = Number(line.dataset.source);
    if (source <= offset && source > bestSource) {
      best = line;
      bestSource = source;
    }
  }
  return best;
}

let scheduled = false;
window.addEventListener('scroll', () => {
  if (scheduled || performance.now() < followingUntil) return;
  scheduled = true;
  requestAnimationFrame(() => {
    scheduled = false;
    const top = firstVisibleLine();
    if (top) vscode.postMessage({ type: 'scrolled', offset: Number(top.dataset.source) });
  });
});

function firstVisibleLine(): HTMLElement | undefined {
  for (const line of root.querySelectorAll<HTMLElement>('.line[data-source]')) {
    if (line.getBoundingClientRect().top >= 0) return line;
  }
  return undefined;
}

vscode.postMessage({ type: 'ready' });
