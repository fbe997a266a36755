import type { CorpusScript, QuietTrap, Severity } from './expectations';

/** The part of a checked finding the corpus judges; structurally a subset of `CheckedFinding`. */
export interface JudgedFinding {
  readonly line: number;
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
}

export interface Verdict {
  /** Expected findings the checker did not report (false negatives). */
  readonly missed: readonly JudgedFinding[];
  /** Reported findings nobody expected (false positives), quiet traps included. */
  readonly unexpected: readonly JudgedFinding[];
  readonly found: number;
  readonly quietKept: readonly QuietTrap[];
  readonly quietBroken: readonly QuietTrap[];
}

/**
 * Only the canon rules are judged: other checks (Fountain syntax, style) may report what they like
 * without counting as false positives here.
 */
export function isCanonFinding(code: string): boolean {
  return code.startsWith('continuity.') || code.startsWith('names.');
}

/**
 * Compares by (line, severity, code). The same finding reported twice on one line counts once: the
 * corpus measures what the checker notices, and a duplicate is a presentation bug for other tests.
 */
export function judge(script: CorpusScript, findings: readonly JudgedFinding[]): Verdict {
  const key = (f: { line: number; severity: string; code: string }) => `${f.line}|${f.severity}|${f.code}`;
  const reported = new Map<string, JudgedFinding>();
  for (const finding of findings) {
    if (isCanonFinding(finding.code) && !reported.has(key(finding))) reported.set(key(finding), finding);
  }
  const expectedKeys = new Set(script.expected.map(key));
  const missed = script.expected
    .filter((e) => !reported.has(key(e)))
    .map((e) => ({ ...e, message: '(expected)' }));
  const unexpected = [...reported.values()].filter((f) => !expectedKeys.has(key(f)));
  const reportedLines = new Set([...reported.values()].map((f) => f.line));
  return {
    missed,
    unexpected,
    found: script.expected.length - missed.length,
    quietKept: script.quiet.filter((t) => !reportedLines.has(t.line)),
    quietBroken: script.quiet.filter((t) => reportedLines.has(t.line)),
  };
}

/** A finding located in the corpus file, 1-based as an editor shows it, with the line's text. */
export function formatFinding(script: CorpusScript, f: JudgedFinding): string {
  const original = (script.originalLines[f.line] ?? f.line) + 1;
  const text = (script.lines[f.line] ?? '').trim();
  const message = f.message === '(expected)' ? '' : ` — ${f.message}`;
  return `  line ${original}: ${f.severity} ${f.code}${message}\n      | ${text}`;
}
