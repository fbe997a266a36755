import { parse } from '../core/fountain/parse';
import { LineIndex } from '../core/lines';
import { toRange } from '../protocol/diagnostics';
import type { CliOptions } from './args';
import { print, readScript } from './input';

/** `canon-keeper parse`: the Fountain elements of each file, with their LSP ranges. */
export function runParse(options: CliOptions): number {
  const out = options.files.map((file) => {
    const text = readScript(file);
    const lines = new LineIndex(text);
    return { version: 1, elements: parse(text).elements.map((e) => ({ type: e.type, range: toRange(lines, e), text: e.text })) };
  });
  return print(JSON.stringify(out.length === 1 ? out[0] : out, null, 2), 0);
}
