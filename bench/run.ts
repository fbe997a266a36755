import { benchFolder } from './temp';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Anatomy } from './anatomy';
import { CAP_MS, cold } from './cold';
import { generateFanFiction } from './generate';
import { chapterTyping } from './chapters';
import { keystroke } from './keystroke';
import { storyEdits } from './story';
import { median, ms, ratio } from './stats';
import { tuneHeapForEditing } from '../server/lsp/heap';

/**
 * `npm run bench`: Canon Keeper against the Fountain parsers people use, as ratios of medians
 * measured side by side in one run (absolute times say more about the machine than the code).
 * BENCH_ROUNDS sets the number of runs per median (default 5).
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const LINES = 20_000;
/** Keystrokes measured per typing run, after 10 that warm up. */
const KEYSTROKES = 21;
/** The story in chapters: about 100k lines in 40 chapters. */
const STORY_CHAPTERS = 40;
const STORY_LINES = 100_000;
const BIG_FISH = path.resolve(__dirname, '..', '..', '..', 'shared', 'fountain', 'samples', 'big-fish.fountain');

function write(name: string, text: string): string {
  const dir = benchFolder('canon-keeper-bench-');
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

function shown(value: number): string {
  return Number.isFinite(value) ? ms(value) : `> ${ms(CAP_MS)} (cap)`;
}

function coldReport(label: string, file: string): void {
  const lines = fs.readFileSync(file, 'utf8').split('\n').length;
  const { medians } = cold(file, ROUNDS);
  const ck = medians['canon-keeper'];
  console.log(`\n${label} (${lines} lines), whole process, median of ${ROUNDS}:`);
  for (const [name, value] of Object.entries(medians)) console.log(`  ${name.padEnd(13)} ${shown(value)}`);
  console.log(`  canon-keeper / aw-parser   = ${ratio(ck, medians['aw-parser'])}   (target ≤ 2×)`);
  const fj = medians['fountain-js'];
  console.log(`  canon-keeper / fountain-js = ${Number.isFinite(fj) ? ratio(ck, fj) : `< ${ratio(ck, CAP_MS)}`}`);
  anatomyReport(file, medians['aw-parser']);
}

/**
 * The canon-keeper process taken apart (anatomy.ts), medians of ROUNDS fresh processes: its steps
 * the first time and warm, and the floor no cold run can beat, were V8 warm from the start.
 */
function anatomyReport(file: string, aw: number): void {
  const runs: Anatomy[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const run = spawnSync(process.execPath, [path.join(__dirname, 'anatomy.js'), file], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (run.status !== 0) throw new Error(`anatomy.js failed on ${file}: ${run.stderr.slice(0, 500)}`);
    runs.push(JSON.parse(run.stdout) as Anatomy);
  }
  const med = (of: (a: Anatomy) => number): number => median(runs.map(of));
  const steps = (which: 'first' | 'warm'): string => `parse ${ms(med((a) => a[which].parse))}, check ${ms(med((a) => a[which].check))}, `
    + `report ${ms(med((a) => a[which].report))}`;
  const floor = med((a) => a.boot + a.load + a.warm.parse + a.warm.check + a.warm.report);
  console.log(`  taken apart: node starts in ${ms(med((a) => a.boot))}, loads the bundle in ${ms(med((a) => a.load))}; `
    + `first time ${steps('first')}; warm ${steps('warm')}`);
  console.log(`  were V8 warm from the start: start + load + warm steps = ${ms(floor)} = ${ratio(floor, aw)} of aw-parser's process`);
}

function keystrokeReport(): void {
  // V8 as the server sets it: its garbage is collected sooner, and the keystrokes pay for that.
  // (CK_BENCH_V8_DEFAULT=1 leaves V8 as it is, to compare.)
  if (!process.env.CK_BENCH_V8_DEFAULT) tuneHeapForEditing();
  console.log(`\nKeystroke (CPU time in process, the server's own calls; median of ${ROUNDS} cold runs, and of ${KEYSTROKES} edits after 10 that warm up):`);
  const at = [1, 10].map((times) => keystroke(generateFanFiction(LINES * times), times === 1 ? ROUNDS : Math.min(ROUNDS, 3), KEYSTROKES));
  for (const k of at) {
    console.log(`  ${String(k.lines).padStart(6)} lines: cold ${ms(k.cold)}, keystroke ${ms(k.keystroke)} = ${ratio(k.keystroke, k.cold)} of cold (target ≤ 0.10×); `
      + `completion ${ms(k.completion)}, hover ${ms(k.hover)}, parse ${ms(k.parse)}`);
  }
  for (const k of at) {
    console.log(`  ${String(k.lines).padStart(6)} lines: a keystroke walks the story clock through ${k.walked} of ${k.passages} passages`);
  }
  // The median is the usual keystroke; every few keystrokes one also pays for a full collection of
  // a heap that grows with the script.
  for (const k of at) {
    console.log(`  ${String(k.lines).padStart(6)} lines: the same keystrokes' 90th percentile ${ms(k.slow.p90)}, slowest ${ms(k.slow.max)}, mean ${ms(k.slow.mean)}`);
  }
  // Only the first size starts with nothing compiled.
  console.log(`  at ${at[0].lines} lines, the first cold run took ${ms(at[0].firstCold)} and the first 10 keystrokes ${ms(at[0].firstKeystrokes)} each `
    + '(median): both also had V8 compile the code they ran');
  console.log(`  keystroke at 10× size / at 1× = ${ratio(at[1].keystroke, at[0].keystroke)} (flat would be 1×)`);
  // LSP publishes a document's diagnostics whole: their number grows with this script, and so does
  // the cost of sending them where a keystroke changes them, whatever the analysis does.
  for (const k of at) {
    console.log(`  ${String(k.lines).padStart(6)} lines: that typing sent diagnostics at ${k.sent} of its ${KEYSTROKES} keystrokes; `
      + `comparing its ${k.diagnostics} findings with the diagnostics sent took ${ms(k.publishing)} of the keystroke`);
  }
  for (const k of at) {
    console.log(`  ${String(k.lines).padStart(6)} lines: typing before a warning on its line sent them at ${k.beforeWarning.sent} of ${KEYSTROKES}: `
      + `keystroke ${ms(k.beforeWarning.keystroke)}, of which publishing ${ms(k.beforeWarning.publishing)} (sending all ${k.diagnostics} alone: ${ms(k.publishAll)})`);
  }
  console.log(`  sending all diagnostics at 10× size alone = ${ratio(at[1].publishAll, at[0].keystroke)} of the whole keystroke at 1×; `
    + `the keystroke without its publishing at 10× / 1× = ${ratio(at[1].keystroke - at[1].publishing, at[0].keystroke - at[0].publishing)}`);
  // A story in chapters: every keystroke in one has the server check each open chapter after it.
  const story = chapterTyping(generateFanFiction(LINES), 10, KEYSTROKES);
  console.log(`  two open chapters of ${LINES} lines, typing in the first: checking it ${ms(story.typed)}, `
    + `checking the second again ${ms(story.later)} (where it starts did not move)`);
}

function memoryReport(): void {
  console.log('\nMemory (heap and array buffers the server keeps for one open script, after gc):');
  const runs: MemoryRun[] = [];
  for (const times of [1, 2, 5, 10]) {
    const typing = times === 1 || times === 10;
    const m = memoryRun(String(LINES * times), typing ? ['typing'] : []);
    runs.push(m);
    console.log(`  ${String(m.lines).padStart(6)} lines, ${(m.bytes / 1e6).toFixed(2)} MB of text: heap +${(m.heap / 1e6).toFixed(1)} MB = ${(m.heap / m.bytes).toFixed(1)} bytes per text byte`);
    if (typing) {
      // The same session with V8's own heap growth, as the server had it before it set its own.
      const v8 = memoryRun(String(LINES * times), ['typing', 'v8-default']);
      if (m.typing === undefined || m.peak === undefined || v8.peak === undefined) throw new Error('memory.js typed nothing: ' + JSON.stringify({ m, v8 }));
      console.log(`                then 250 keystrokes (200 in one sentence, 50 through the script): heap +${(m.typing / 1e6).toFixed(1)} MB more `
        + `(${(m.typing / m.bytes).toFixed(1)} copies of the text)`);
      console.log(`                at its highest during them, garbage included: +${(m.peak / 1e6).toFixed(0)} MB = ${(m.peak / m.bytes).toFixed(0)} bytes per text byte `
        + `(V8's default heap growth: +${(v8.peak / 1e6).toFixed(0)} MB = ${(v8.peak / m.bytes).toFixed(0)})`);
    }
  }
  // What the heap holds for a script is partly the same whatever its size (code V8 compiled for it,
  // caches' tables): how it grows is the difference between sizes.
  const [small, large] = [runs[0], runs[runs.length - 1]];
  console.log(`  from ${small.lines} to ${large.lines} lines the heap grows by ${((large.heap - small.heap) / (large.bytes - small.bytes)).toFixed(1)} bytes per text byte`);
  // The generator repeats its passages, and the cache keeps a repeated text's reading once: a
  // script written by hand repeats far less.
  if (fs.existsSync(BIG_FISH)) {
    const real = memoryRun(BIG_FISH, []);
    console.log(`  Big Fish, a real screenplay (${real.lines} lines, ${(real.bytes / 1e6).toFixed(2)} MB, its passages hardly repeat): `
      + `heap +${(real.heap / 1e6).toFixed(1)} MB = ${(real.heap / real.bytes).toFixed(1)} bytes per text byte`);
  } else {
    console.log(`  Big Fish: skipped, ${BIG_FISH} is missing.`);
  }
}

interface MemoryRun {
  readonly lines: number;
  readonly bytes: number;
  readonly heap: number;
  readonly typing?: number;
  readonly peak?: number;
}

/** bench/memory.ts in a process of its own, so that one measure's garbage is not another's. */
function memoryRun(source: string, options: readonly string[]): MemoryRun {
  const run = spawnSync(process.execPath, ['--expose-gc', path.join(__dirname, 'memory.js'), source, ...options], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as MemoryRun;
}

/** A 40-chapter story of about 100k lines in one folder, against the real server (bench/story.ts). */
async function storyReport(): Promise<void> {
  const edits = Math.max(3, ROUNDS);
  console.log(`\nA story of ${STORY_CHAPTERS} chapters in one folder, the real server over stdio (wall time, ${edits} edits each way):`);
  for (const openAll of [false, true]) {
    const s = await storyEdits(STORY_CHAPTERS, STORY_LINES / STORY_CHAPTERS, edits, openAll);
    console.log(`  ${s.lines} lines, ${s.open} open: an edit to chapter 1 that moves the clock re-publishes the last chapter's warnings `
      + `(${s.warnings.standing} → ${s.warnings.fallen} coma warnings) in ${ms(median(s.moved))} (median; slowest ${ms(Math.max(...s.moved))}; target ≤ 1 s), `
      + `reading ${s.movedReads} chapters in full`);
    console.log(`  ${''.padStart(String(s.lines).length)} an edit that moves nothing is done in ${ms(median(s.still))} (median), `
      + `and read ${s.stillReads} other chapters in ${s.still.length} edits (target 0)`);
  }
}

async function main(): Promise<void> {
  const only = process.argv[2];
  const fan = write('long-fall.fountain', generateFanFiction(LINES));
  if (!only || only === 'cold') {
    if (fs.existsSync(BIG_FISH)) coldReport('Big Fish × 10', write('big-fish-x10.fountain', Array(10).fill(fs.readFileSync(BIG_FISH, 'utf8')).join('\n')));
    else console.log(`\nBig Fish × 10: skipped, ${BIG_FISH} is missing.`);
    coldReport('Canon-heavy fan fiction', fan);
  }
  if (!only || only === 'keystroke') keystrokeReport();
  if (!only || only === 'memory') memoryReport();
  if (!only || only === 'story') await storyReport();
}

void main();
