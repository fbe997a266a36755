import * as assert from 'assert';
import * as fs from 'fs';
import { checkFountain, CheckedFinding } from '../../support/check';
import { formatFinding, judge, Verdict } from './compare';
import { corpusRoot, findCorpusEntries } from './corpus-files';
import { CorpusScript, parseCorpusScript } from './expectations';

/**
 * The labelled corpus: every script under test/corpus is checked as the CLI and the server check it,
 * and compared with the verdicts written inline. Each file is one test; the summary at the end is the
 * honest measure of the checker (recall, false positives, traps that stayed quiet).
 */

/** The contract the corpus relies on; chapters of a story folder are passed as earlier chapters. */
type Check = (text: string, options?: { previousChapters?: readonly string[] }) => readonly CheckedFinding[];
const check: Check = checkFountain;

interface Tally {
  files: number;
  expected: number;
  found: number;
  unexpected: number;
  quiet: number;
  quietKept: number;
  byCode: Map<string, { expected: number; found: number; unexpected: number }>;
}

const root = corpusRoot();
const entries = findCorpusEntries(root);
const tally: Tally = { files: 0, expected: 0, found: 0, unexpected: 0, quiet: 0, quietKept: 0, byCode: new Map() };

function read(file: string): CorpusScript {
  return parseCorpusScript(fs.readFileSync(file, 'utf8'));
}

function count(verdict: Verdict, script: CorpusScript): void {
  tally.files += 1;
  tally.expected += script.expected.length;
  tally.found += verdict.found;
  tally.unexpected += verdict.unexpected.length;
  tally.quiet += script.quiet.length;
  tally.quietKept += verdict.quietKept.length;
  const row = (code: string) => {
    let r = tally.byCode.get(code);
    if (!r) tally.byCode.set(code, (r = { expected: 0, found: 0, unexpected: 0 }));
    return r;
  };
  const missed = new Set(verdict.missed.map((m) => `${m.line}|${m.code}`));
  for (const e of script.expected) {
    row(e.code).expected += 1;
    if (!missed.has(`${e.line}|${e.code}`)) row(e.code).found += 1;
  }
  for (const u of verdict.unexpected) row(u.code).unexpected += 1;
}

function report(script: CorpusScript, verdict: Verdict): string {
  const parts: string[] = [];
  if (verdict.missed.length > 0) {
    parts.push(`false negatives (expected, not reported): ${verdict.missed.length}`);
    parts.push(...verdict.missed.map((f) => formatFinding(script, f)));
  }
  if (verdict.unexpected.length > 0) {
    parts.push(`false positives (reported, not expected): ${verdict.unexpected.length}`);
    parts.push(...verdict.unexpected.map((f) => formatFinding(script, f)));
  }
  for (const trap of verdict.quietBroken) {
    parts.push(`  (trap on line ${script.originalLines[trap.line] + 1} did not stay quiet: ${trap.reason})`);
  }
  return parts.join('\n');
}

describe('canon corpus', () => {
  it('has scripts to measure', () => {
    assert.ok(entries.length > 0, `no .fountain files under ${root}`);
  });

  for (const entry of entries) {
    it(entry.name, () => {
      const script = read(entry.file);
      const previousChapters = entry.previousChapterFiles.map((f) => read(f).text);
      let findings: readonly CheckedFinding[] = [];
      let crash: unknown;
      try {
        findings = check(script.text, previousChapters.length > 0 ? { previousChapters } : undefined);
      } catch (error) {
        crash = error;
      }
      const verdict = judge(script, findings);
      count(verdict, script);
      if (crash !== undefined) throw crash;
      const problems = report(script, verdict);
      if (problems !== '') assert.fail(`${entry.name}\n${problems}`);
    });
  }

  after(function () {
    const percent = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);
    const lines = [
      '',
      `  Canon corpus (${root}): ${tally.files} scripts`,
      `    recall:          ${tally.found}/${tally.expected} (${percent(tally.found, tally.expected)})`,
      `    false positives: ${tally.unexpected}`,
      `    quiet traps:     ${tally.quietKept}/${tally.quiet} stayed quiet (${percent(tally.quietKept, tally.quiet)})`,
      '    by rule (found/expected, false positives):',
      ...[...tally.byCode.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([code, r]) => `      ${code.padEnd(28)} ${r.found}/${r.expected}, ${r.unexpected}`),
      '',
    ];
    console.log(lines.join('\n'));
  });
});
