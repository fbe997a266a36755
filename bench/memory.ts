import * as fs from 'fs';
import { tuneHeapForEditing } from '../server/lsp/heap';
import { generateFanFiction } from './generate';
import { Session } from './session';

declare const gc: (() => void) | undefined;

/**
 * What the server holds: V8's heap, and the memory of the typed arrays it keeps outside it (a
 * LineIndex keeps its line starts in one, 8 bytes a line).
 */
function used(): number {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

/**
 * Run in a process of its own with --expose-gc: the heap, with its typed arrays, the server keeps
 * for one open script (text, parse, analysis, diagnostics' findings), against the script's size in bytes. The script
 * is the generated fan fiction of `source` lines, or where `source` is not a number the file it
 * names: a real script, whose passages do not repeat as the generator's do. With
 * `typing`, what it keeps after a writer's session, and the most it held between two keystrokes
 * of it, garbage included: the heap as the server's process has it while a writer types. With
 * `v8-default`, V8 left as it is, not as the server sets it (server/lsp/heap.ts).
 */
function measure(source: string, options: readonly string[]): void {
  if (typeof gc !== 'function') throw new Error('run with node --expose-gc');
  if (!options.includes('v8-default')) tuneHeapForEditing();
  const generated = /^\d+$/.test(source);
  const text = generated ? generateFanFiction(Number(source)) : fs.readFileSync(source, 'utf8');
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
  gc();
  const before = used();
  const session = new Session('memory.fountain');
  session.open(text);
  gc();
  const after = used();
  const bytes = Buffer.byteLength(text);
  const typing = options.includes('typing') ? typed(session, text) : undefined;
  process.stdout.write(JSON.stringify({
    lines, bytes, heap: after - before, typing: typing && typing.kept - after, peak: typing && typing.peak - before, kept: session.result?.findings.length ?? 0,
  }) + '\n');
}

/**
 * The heap after a writer's session of 250 keystrokes (a sentence of 200 letters typed into one
 * passage, then one letter at each of 50 places through the script) and the most it held after
 * any of them. What it keeps beyond the open script is the caches' newer versions, bounded by
 * the script's size; a version's text must not be among it.
 */
function typed(session: Session, text: string): { kept: number; peak: number } {
  const lines = text.split('\n');
  const narration = (from: number): number => {
    for (let i = from; i < lines.length; i++) if (lines[i].length > 20 && /^[A-Z][a-z]/.test(lines[i]) && lines[i - 1] === '') return i;
    throw new Error('no narration after line ' + from);
  };
  let peak = 0;
  const heapNow = (): void => {
    peak = Math.max(peak, used());
  };
  const at = narration(lines.length >> 1);
  for (let k = 0; k < 200; k++, heapNow()) session.change(at, k, 0, 'abcdefghijklmnopqrstuvwxyz '[k % 27]);
  for (let k = 0; k < 50; k++, heapNow()) session.change(narration(Math.floor((k * lines.length) / 50) + 1), 0, 0, 'Q');
  gc?.();
  return { kept: used(), peak };
}

measure(process.argv[2], process.argv.slice(3));
