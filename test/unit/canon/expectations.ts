import type { PackProblem } from '../../../server/core/canon/load';
import { LineIndex } from '../../../server/core/lines';

/**
 * Inline expectations for pack fixtures, so a reader sees the input and the verdict together.
 *
 * In a YAML fixture, a comment line of the form
 *
 *     # ^ error: message part
 *     # ^^^ warning: message part
 *
 * expects a problem of that severity, whose message contains "message part", starting on the
 * nearest line above that is not itself an expectation (carets are only for the eye; several
 * expectations may stack under one line). An expectation with no line above it means the
 * start of the file, where problems about the file as a whole are reported.
 *
 * JSON has no comments, so a JSON fixture `x.canon.json` keeps its expectations in
 * `x.canon.json.expect`, one per line: `line 7 warning: message part` (lines count from 1).
 */
export interface Expectation {
  /** 0-based line. */
  readonly line: number;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

const inline = /^\s*#\s*\^+\s+(error|warning):\s*(.+?)\s*$/;
const sidecar = /^line\s+(\d+)\s+(error|warning):\s*(.+?)\s*$/;

export function inlineExpectations(text: string): Expectation[] {
  const result: Expectation[] = [];
  let target = 0;
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    const match = inline.exec(line);
    if (!match) {
      target = i;
      return;
    }
    result.push({ line: target, severity: match[1] === 'error' ? 'error' : 'warning', message: match[2] });
  });
  return result;
}

export function sidecarExpectations(text: string): Expectation[] {
  return text.split(/\r?\n/).flatMap((line) => {
    const match = sidecar.exec(line.trim());
    if (!match) return [];
    return [{ line: Number(match[1]) - 1, severity: match[2] === 'error' ? 'error' : 'warning', message: match[3] }];
  });
}

export interface Verdict {
  /** Expected and not found: the loader missed something (a false negative). */
  readonly missing: string[];
  /** Found and not expected: the loader complains wrongly, or the fixture is incomplete. */
  readonly unexpected: string[];
}

/** Matches problems of one file against its expectations, each problem used at most once. */
export function compare(text: string, problems: readonly PackProblem[], expected: readonly Expectation[]): Verdict {
  const lines = new LineIndex(text);
  const actual = problems.map((p) => ({ problem: p, line: lines.positionAt(p.span.start).line, used: false }));
  const missing: string[] = [];
  for (const want of expected) {
    const found = actual.find((a) => !a.used && a.line === want.line && a.problem.severity === want.severity && a.problem.message.includes(want.message));
    if (found) found.used = true;
    else missing.push(`line ${want.line + 1} ${want.severity}: ${want.message}`);
  }
  const unexpected = actual.filter((a) => !a.used).map((a) => `line ${a.line + 1} ${a.problem.severity}: ${a.problem.message}`);
  return { missing, unexpected };
}
