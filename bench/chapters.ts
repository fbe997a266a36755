import { benchFolder } from './temp';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { notCancelled } from '../server/core/cancellation';
import { Documents, type OpenScript } from '../server/lsp/documents';
import { Workspace } from '../server/lsp/workspace';
import { cpu, ruleFailed } from './session';
import { median } from './stats';

export interface ChapterTyping {
  /** Median CPU ms of checking the chapter typed in, per keystroke. */
  readonly typed: number;
  /** Median CPU ms of checking the chapter after it again, as the server does at every keystroke. */
  readonly later: number;
}

/**
 * A story of two chapters, both open: the writer types in the first, and the server checks it and
 * then the second (which starts where the first leaves the story clock), as server.ts schedules.
 */
export function chapterTyping(text: string, warming: number, edits: number): ChapterTyping {
  const folder = benchFolder('canon-keeper-bench-story-');
  const documents = new Documents();
  const workspace = new Workspace([folder], true, documents);
  const uris = ['chapter-1.fountain', 'chapter-2.fountain'].map((name) => {
    fs.writeFileSync(path.join(folder, name), text);
    const uri = pathToFileURL(path.join(folder, name)).href;
    documents.open(uri, 'fountain', 1, text);
    return uri;
  });
  const check = (script: OpenScript | undefined): unknown => {
    if (!script) throw new Error('a chapter is not open');
    return workspace.check(script, notCancelled, ruleFailed);
  };
  for (const uri of uris) check(documents.get(uri));
  const lines = text.split('\n');
  const line = lines.findIndex((l, i) => i >= lines.length >> 1 && l.length > 1 && lines[i - 1] === '');
  const typed: number[] = [];
  const later: number[] = [];
  for (let e = 0; e < warming + edits; e++) {
    const script = documents.change(uris[0], e + 2, [{ range: { start: { line, character: 1 + e }, end: { line, character: 1 + e } }, text: 'x' }]);
    const first = cpu(() => check(script));
    const second = cpu(() => check(documents.get(uris[1])));
    if (e >= warming) {
      typed.push(first);
      later.push(second);
    }
  }
  fs.rmSync(folder, { recursive: true, force: true });
  return { typed: median(typed), later: median(later) };
}
