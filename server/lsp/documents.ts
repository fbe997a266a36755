import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { parse, reparse } from '../core/fountain/parse';
import type { FountainDocument } from '../core/fountain/model';
import { LineIndex } from '../core/lines';
import { isScriptFile } from '../host/files';

/** An open script: its text, and its parse kept up to date edit by edit. */
export interface OpenScript {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly doc: FountainDocument;
  readonly lines: LineIndex;
  readonly isScript: boolean;
}

/**
 * Open documents. Scripts are re-parsed incrementally: each edit re-reads only the paragraphs it
 * can change (core/fountain/reparse), so a keystroke costs the same on a long script as a short one.
 */
export class Documents {
  readonly #open = new Map<string, OpenScript>();

  open(uri: string, languageId: string, version: number, text: string): OpenScript {
    const isScript = languageId === 'fountain' || isScriptFile(uri);
    const doc = parse(isScript ? text : '');
    const script = { uri, version, text, doc, lines: new LineIndex(text), isScript };
    this.#open.set(uri, script);
    return script;
  }

  /**
   * Applies the changes in order, each range read against the text the changes before it made
   * (as LSP says). The text and its line index are patched here rather than by a TextDocument
   * as well: that kept a second copy of every line start, moved at every keystroke.
   */
  change(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[]): OpenScript | undefined {
    const script = this.#open.get(uri);
    if (!script) return undefined;
    let { doc, lines, text } = script;
    for (const change of changes) {
      if ('range' in change) {
        // A range given end first is read the way round it makes sense, as TextDocument does.
        const a = lines.offsetAt(change.range.start);
        const b = lines.offsetAt(change.range.end);
        const start = Math.min(a, b);
        const end = Math.max(a, b);
        if (script.isScript) {
          doc = reparse(doc, { start, end, newText: change.text });
          // The parse's own text, not another string of the same characters: each is a
          // concatenation that V8 copies out whole when first read, and both were kept.
          text = doc.text;
        } else {
          text = text.slice(0, start) + change.text + text.slice(end);
        }
        lines = lines.edited(text, start, end, change.text);
      } else {
        text = change.text;
        if (script.isScript) doc = parse(text);
        lines = new LineIndex(text);
      }
    }
    const changed = { ...script, version, text, doc, lines };
    this.#open.set(uri, changed);
    return changed;
  }

  close(uri: string): void {
    this.#open.delete(uri);
  }

  get(uri: string): OpenScript | undefined {
    return this.#open.get(uri);
  }

  all(): OpenScript[] {
    return [...this.#open.values()];
  }
}
