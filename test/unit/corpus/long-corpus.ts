import * as fs from 'fs';
import * as path from 'path';
import { loadPack } from '../../../server/core/canon/load';
import type { CanonPack } from '../../../server/core/canon/model';
import { builtinPack, fileResolver } from '../../../server/host/builtin';
import { checkFountain, type CheckedFinding } from '../../support/check';
import { isCanonFinding } from './compare';
import { findCorpusEntries } from './corpus-files';
import { parseCorpusScript, type CorpusScript, type ExpectedFinding } from './expectations';

/**
 * The long blind corpora (test/corpus-long): one folder per canon, fan fiction of 200-500 lines a
 * script written by people who never read the engine, with the key inline. This module measures
 * them as a writer meets them: every canon warning on a line the key does not expect is false.
 */

export const LONG_ROOT = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'corpus-long');
/** Written later by other blind writers, and never tuned on: what the reading does on scripts it has not seen. */
export const HOLDOUT_ROOT = path.resolve(LONG_ROOT, '..', 'corpus-holdout');
/**
 * Written in a later session by writers who never saw the engine, one of them with a pack for a canon
 * the engine had never met (Julius Caesar): measured, never tuned on.
 */
export const UNSEEN_ROOT = path.resolve(LONG_ROOT, '..', 'corpus-unseen');
/**
 * Written blind in a later session still (2026-12-08), one with a pack for a canon the engine had
 * never met (King Lear): its first run is in the README; measured, never tuned on.
 */
export const FRESH_ROOT = path.resolve(LONG_ROOT, '..', 'corpus-fresh');
/**
 * Written blind last of all (2026-12-08), one with a pack for a fifth canon the engine had never met
 * (Othello): its first run, on the engine as it stood, is in the README; measured, never tuned on.
 */
export const ACCEPTANCE_ROOT = path.resolve(LONG_ROOT, '..', 'corpus-acceptance');
export const ACCEPTANCE_2_ROOT = path.resolve(LONG_ROOT, '..', 'corpus-acceptance-2');
export const ACCEPTANCE_3_ROOT = path.resolve(LONG_ROOT, '..', 'corpus-acceptance-3');
/**
 * Written blind while the engine stood at 128e23b (2026-12-08), with a pack a fan wrote for an
 * eighth canon (Twelfth Night): keys and pack frozen before the first run, which is in the README.
 */
export const ACCEPTANCE_4_ROOT = path.resolve(LONG_ROOT, '..', 'corpus-acceptance-4');
/** The sets the ratchet measures, each with its baseline beside it. */
export const CORPUS_SETS = [
  { name: 'long blind corpora (tuning)', root: LONG_ROOT },
  { name: 'held-out blind corpora', root: HOLDOUT_ROOT },
  { name: 'unseen blind corpora', root: UNSEEN_ROOT },
  { name: 'fresh blind corpora', root: FRESH_ROOT },
  { name: 'acceptance blind corpora', root: ACCEPTANCE_ROOT },
  { name: 'second acceptance blind corpora', root: ACCEPTANCE_2_ROOT },
  { name: 'third acceptance blind corpora', root: ACCEPTANCE_3_ROOT },
  { name: 'fourth acceptance blind corpora', root: ACCEPTANCE_4_ROOT },
] as const;
const REPO_ROOT = path.resolve(LONG_ROOT, '..', '..');

export interface CanonCorpus {
  readonly canon: string;
  readonly root: string;
  readonly pack: CanonPack;
}

/** A finding as a line of the corpus file shows it: 1-based line of the file, and the rule. */
export interface Located {
  readonly line: number;
  readonly code: string;
  readonly text: string;
  readonly message?: string;
}

export interface ScriptResult {
  readonly canon: string;
  readonly name: string;
  /** Lines of the script as the writer wrote it, verdict lines left out. */
  readonly lines: number;
  readonly clean: boolean;
  readonly plain: { readonly found: number; readonly total: number };
  readonly subtle: { readonly found: number; readonly total: number };
  readonly falseWarnings: readonly Located[];
  readonly missed: readonly Located[];
}

/** The canons of the long corpora: each folder, with the pack its `pack.txt` names (the built-in one where none). */
export function longCorpora(root = LONG_ROOT): CanonCorpus[] {
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((canon) => ({ canon, root: path.join(root, canon), pack: packOf(path.join(root, canon)) }));
}

function packOf(folder: string): CanonPack {
  const named = path.join(folder, 'pack.txt');
  if (!fs.existsSync(named)) return builtinPack();
  const file = path.resolve(REPO_ROOT, fs.readFileSync(named, 'utf8').trim());
  const result = loadPack(fs.readFileSync(file, 'utf8'), file, fileResolver([REPO_ROOT]));
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (!result.pack || errors.length > 0) {
    throw new Error(`${path.relative(REPO_ROOT, file)} does not load: ${errors.map((p) => p.message).join('; ')}`);
  }
  return result.pack;
}

/** Checks every script of a canon's corpus (a story's chapters after the ones before them). */
export function measureCorpus(corpus: CanonCorpus): ScriptResult[] {
  const read = (file: string): CorpusScript => parseCorpusScript(fs.readFileSync(file, 'utf8'));
  return findCorpusEntries(corpus.root).map((entry) => {
    const script = read(entry.file);
    const previousChapters = entry.previousChapterFiles.map((f) => read(f).text);
    const findings = checkFountain(script.text, { previousChapters, pack: corpus.pack }).filter((f) => isCanonFinding(f.code));
    return judgeScript(corpus.canon, entry.name, script, findings);
  });
}

/**
 * An expectation is met by a finding of its severity and code whose range covers the expected
 * line and no more than the paragraph or speech around it (a speech canon forbids is marked from
 * its cue to its last line of dialogue); a finding that meets none is false, however close.
 */
export function judgeScript(canon: string, name: string, script: CorpusScript, findings: readonly CheckedFinding[]): ScriptResult {
  const lastLine = (f: CheckedFinding): number => (f.endLine > f.line && f.endCharacter === 0 ? f.endLine - 1 : f.endLine);
  const onLine = (f: CheckedFinding, line: number): boolean =>
    f.line <= line && line <= lastLine(f) && !script.lines.slice(f.line, lastLine(f)).some((l) => l.trim() === '');
  const meets = (f: CheckedFinding, e: ExpectedFinding): boolean => onLine(f, e.line) && f.code === e.code && f.severity === e.severity;
  const located = (line: number, code: string, message?: string): Located =>
    ({ line: script.originalLines[line] + 1, code, text: (script.lines[line] ?? '').trim(), message });
  const tally = (subtle: boolean) => {
    const of = script.expected.filter((e) => e.subtle === subtle);
    return { found: of.filter((e) => findings.some((f) => meets(f, e))).length, total: of.length };
  };
  // One warning per line and rule: the same slip reported twice is a presentation matter. A hint
  // (what a warning becomes after a divergent story's [[diverge: ...]] note) is shown as a faint
  // mark, not in the Problems list: a writer does not meet it as a warning.
  const falseKeys = new Map<string, Located>();
  for (const f of findings) {
    if (script.expected.some((e) => meets(f, e)) || f.severity === 'hint' || f.severity === 'information') continue;
    const key = `${f.line}|${f.code}`;
    if (!falseKeys.has(key)) falseKeys.set(key, located(f.line, f.code, f.message));
  }
  return {
    canon, name, lines: script.lines.length, clean: script.expected.length === 0,
    plain: tally(false), subtle: tally(true),
    falseWarnings: [...falseKeys.values()],
    missed: script.expected.filter((e) => !findings.some((f) => meets(f, e))).map((e) => located(e.line, e.code)),
  };
}

export interface CanonSummary {
  readonly canon: string;
  readonly scripts: number;
  readonly lines: number;
  readonly cleanScripts: number;
  /** Clean scripts that got any canon warning. */
  readonly cleanWarned: number;
  readonly falseWarnings: number;
  readonly perThousandLines: number;
  readonly plain: { readonly found: number; readonly total: number };
  readonly subtle: { readonly found: number; readonly total: number };
}

export function summarise(canon: string, results: readonly ScriptResult[]): CanonSummary {
  const sum = (f: (r: ScriptResult) => number): number => results.reduce((n, r) => n + f(r), 0);
  const lines = sum((r) => r.lines);
  const falseWarnings = sum((r) => r.falseWarnings.length);
  return {
    canon, scripts: results.length, lines,
    cleanScripts: results.filter((r) => r.clean).length,
    cleanWarned: results.filter((r) => r.clean && r.falseWarnings.length > 0).length,
    falseWarnings,
    perThousandLines: lines === 0 ? 0 : (falseWarnings * 1000) / lines,
    plain: { found: sum((r) => r.plain.found), total: sum((r) => r.plain.total) },
    subtle: { found: sum((r) => r.subtle.found), total: sum((r) => r.subtle.total) },
  };
}

const percent = (x: { found: number; total: number }): string =>
  x.total === 0 ? '   -' : `${((100 * x.found) / x.total).toFixed(0).padStart(3)}%`;

/** The table the corpus test and `npm run corpus` print. */
export function formatTable(summaries: readonly CanonSummary[]): string {
  const rows = summaries.map((s) => [
    s.canon, String(s.scripts), String(s.lines), `${s.cleanWarned}/${s.cleanScripts}`, String(s.falseWarnings), s.perThousandLines.toFixed(2),
    `${s.plain.found}/${s.plain.total} ${percent(s.plain)}`, `${s.subtle.found}/${s.subtle.total} ${percent(s.subtle)}`,
  ]);
  const head = ['canon', 'scripts', 'lines', 'clean warned', 'false', 'false/1000', 'plain recall', 'subtle recall'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}

/** Known false warnings and misses by script, as the ratchet keeps them: `LINE code` each. */
export type Baseline = Record<string, { readonly false: readonly string[]; readonly missed: readonly string[] }>;

export function baselineFile(root: string): string {
  return path.join(root, 'baseline.json');
}

export function baselineOf(results: readonly ScriptResult[]): Baseline {
  const baseline: Baseline = {};
  for (const r of results) {
    if (r.falseWarnings.length === 0 && r.missed.length === 0) continue;
    baseline[`${r.canon}/${r.name}`] = {
      false: r.falseWarnings.map((f) => `${f.line} ${f.code}`),
      missed: r.missed.map((f) => `${f.line} ${f.code}`),
    };
  }
  return baseline;
}
