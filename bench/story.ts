import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Diagnostic } from 'vscode-languageserver';
import { Client, uriOf } from '../test/protocol/support/client';
import { generateFanFiction } from './generate';

/** What a writer with a long story in chapters waits for, measured against the real server over stdio. */
export interface StoryResult {
  readonly chapters: number;
  readonly lines: number;
  /** Which chapters were open in the editor. */
  readonly open: string;
  /** Wall ms from an edit to chapter 1 that moves the clock until the last chapter's warnings are published, each edit. */
  readonly moved: readonly number[];
  /** The chapters read in full for one such edit (checked, or read for where they leave the clock). */
  readonly movedReads: number;
  /** Wall ms from an edit that moves nothing until the server is done with it, each edit. */
  readonly still: readonly number[];
  /** Chapters other than the first read in full for those edits, in all. */
  readonly stillReads: number;
  /** The last chapter's warnings with the fall in chapter 1, and without. */
  readonly warnings: { readonly fallen: number; readonly standing: number };
}

/** Cassie's fall, as the first scene of chapter 1: the rest of the story is after it. */
const FALL = 'EXT. ARCHER SCHOOL OF BALLET - ROOF - NIGHT\n\nDelia pushes Cassie off the roof.\n\n';

/**
 * A story of `chapters` chapters of about `linesEach` lines in one folder, whose chapters after the
 * first narrate no canon event, so that where chapter 1 leaves the clock is where the last one
 * starts. The writer has `openAll` chapters open (else the first and the last) and adds, then takes
 * out, Cassie's fall at the start of chapter 1: the last chapter's CASSIE cues are warned of, then
 * not. Then types in chapter 1 where the clock does not move. The server's verbose trace names
 * each chapter it reads in full.
 */
export async function storyEdits(chapters: number, linesEach: number, edits: number, openAll: boolean): Promise<StoryResult> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'canon-keeper-bench-chapters-'));
  const files = Array.from({ length: chapters }, (_, i) => path.join(folder, `chapter-${i + 1}.fountain`));
  const texts = files.map((_, i) => generateFanFiction(linesEach, i + 1, { offTheClock: true, untitled: i > 0 }));
  files.forEach((file, i) => fs.writeFileSync(file, texts[i]));
  const client = await Client.start(folder, { trace: 'verbose' });
  try {
    const [first, last] = [uriOf(files[0]), uriOf(files[chapters - 1])];
    const open = openAll ? files : [files[0], files[chapters - 1]];
    for (const file of open) client.open(uriOf(file), texts[files.indexOf(file)]);
    for (const file of open) await client.diagnostics(uriOf(file), { boundMs: 120_000 });
    // The first scene heading, after the title page.
    const top = texts[0].split('\n').indexOf('FADE IN:') + 2;
    const coma = (diagnostics: Diagnostic[]): number => diagnostics.filter((d) => d.code === 'continuity.state-speaks').length;
    const moved: number[] = [];
    const counts = { fallen: 0, standing: coma(await client.settled(last)), reads: 0 };
    let version = 1;
    for (let e = 0; e < 2 * edits; e++) {
      const fall = e % 2 === 0;
      const range = { start: { line: top, character: 0 }, end: { line: fall ? top : top + FALL.split('\n').length - 1, character: 0 } };
      const [seq, traced] = [client.seq, client.traces.length];
      const start = performance.now();
      client.change(first, ++version, [{ range, text: fall ? FALL : '' }]);
      const diagnostics = await client.diagnostics(last, { since: seq, boundMs: Number(process.env.BENCH_STORY_BOUND ?? 60_000) });
      moved.push(performance.now() - start);
      counts.reads = reads(client.traces.slice(traced)).length;
      if (fall) counts.fallen = coma(diagnostics);
      else if (coma(diagnostics) !== counts.standing) throw new Error('taking the fall out did not bring back the last chapter\'s warnings');
    }
    if (counts.fallen <= counts.standing) throw new Error(`the fall in chapter 1 did not warn in the last chapter (${counts.fallen} coma warnings)`);
    // Typing in chapter 1, on its first line of action: where the clock ends does not move.
    const line = texts[0].split('\n').findIndex((l, i) => i > 10 && /^[A-Z][a-z]/.test(l) && !l.startsWith('Delia pushes'));
    const still: number[] = [];
    const traced = client.traces.length;
    for (let e = 0; e < edits; e++) {
      const start = performance.now();
      client.change(first, ++version, [{ range: { start: { line, character: 1 + e }, end: { line, character: 1 + e } }, text: 'x' }]);
      await client.until(() => client.traces.some((t) => t.startsWith(`${first} version ${version} done`)), 'the check of chapter 1', 60_000);
      still.push(performance.now() - start);
    }
    // Everything the typing scheduled is done once a request sent now is answered.
    await client.settled(last);
    const stillReads = reads(client.traces.slice(traced)).filter((file) => path.resolve(file) !== path.resolve(files[0])).length;
    const lines = texts.reduce((sum, t) => sum + t.split('\n').length, 0);
    return {
      chapters, lines, open: openAll ? `all ${chapters}` : 'the first and the last', moved, movedReads: counts.reads,
      still, stillReads, warnings: { fallen: counts.fallen, standing: counts.standing },
    };
  } finally {
    await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** The files the server's trace says it read in full. */
function reads(traces: readonly string[]): string[] {
  return traces.flatMap((t) => {
    const read = /^(?:checked|read for the clock): (.*)$/.exec(t);
    return read ? [read[1]] : [];
  });
}
