import { TextDocument } from 'vscode-languageserver-textdocument';
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
  readonly #open = new Map<string, { text: TextDocument; script: OpenScript }>();

  open(uri: string, languageId: string, version: number, text: string): OpenScript {
    const isScript = languageId === 'fountain' || isScriptFile(uri);
    const doc = parse(isScript ? text : '');
    const script = { uri, version, text, doc, lines: new LineIndex(text), isScript };
    this.#open.set(uri, { text: TextDocument.create(uri, languageId, version, text), script });
    return script;
  }

  change(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[]): OpenScript | undefined {
    const entry = this.#open.get(uri);
    if (!entry) return undefined;
    let doc = entry.script.doc;
    let lines = entry.script.lines;
    let current = entry.text;
    for (const change of changes) {
      if ('range' in change) {
        const start = current.offsetAt(change.range.start);
        const end = current.offsetAt(change.range.end);
        current = TextDocument.update(current, [change], version);
        if (entry.script.isScript) doc = reparse(doc, { start, end, newText: change.text });
        // Scanning a long script for line breaks at every keystroke cost more than the re-parse.
        lines = lines.edited(current.getText(), start, end, change.text);
      } else {
        current = TextDocument.update(current, [change], version);
        if (entry.script.isScript) doc = parse(change.text);
        lines = new LineIndex(change.text);
      }
    }
    const text = current.getText();
    const script = { ...entry.script, version, text, doc, lines };
    this.#open.set(uri, { text: current, script });
    return script;
  }

  close(uri: string): void {
    this.#open.delete(uri);
  }

  get(uri: string): OpenScript | undefined {
    return this.#open.get(uri)?.script;
  }

  all(): OpenScript[] {
    return [...this.#open.values()].map((e) => e.script);
  }
}
