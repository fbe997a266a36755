import { generateFanFiction } from './generate';
import { Session } from './session';

declare const gc: (() => void) | undefined;

/**
 * Run in a process of its own with --expose-gc: the heap the server keeps for one open script
 * (text, parse, analysis, diagnostics' findings), against the script's size in bytes.
 */
function measure(lines: number): void {
  if (typeof gc !== 'function') throw new Error('run with node --expose-gc');
  const text = generateFanFiction(lines);
  gc();
  const before = process.memoryUsage().heapUsed;
  const session = new Session('memory.fountain');
  session.open(text);
  gc();
  const after = process.memoryUsage().heapUsed;
  const bytes = Buffer.byteLength(text);
  process.stdout.write(JSON.stringify({ lines, bytes, heap: after - before, kept: session.result?.findings.length ?? 0 }) + '\n');
}

measure(Number(process.argv[2]));
