/**
 * Reads a corpus script: the Fountain text a writer would have written, interleaved with verdict lines
 * that say what the checker must report. Verdict lines are notes (`[[...]]`) on a line of their own, so
 * a reader sees the input and the verdict together; they are stripped before checking and every line of
 * what remains is mapped back to the line of the corpus file it came from.
 *
 *   [[^ warning continuity.state-speaks]]   a finding with this severity and code starts on the
 *                                           nearest script line above (several may stack)
 *   [[^ warning continuity.state-acts subtle]]   the same, for a contradiction that takes attention
 *                                           to see (recall is reported for plain and subtle apart)
 *   [[quiet: why this is a trap]]           no canon finding may start on the nearest script line above
 */

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A finding the checker must report, located on a line of the stripped script. */
export interface ExpectedFinding {
  readonly line: number;
  readonly severity: Severity;
  readonly code: string;
  /** A contradiction that takes attention to see (a pronoun, an indirect phrasing); plain otherwise. */
  readonly subtle: boolean;
}

/** A deliberate trap: a line on which no canon finding may start. */
export interface QuietTrap {
  readonly line: number;
  readonly reason: string;
}

export interface CorpusScript {
  /** The script as the checker sees it: verdict lines removed. */
  readonly text: string;
  readonly expected: readonly ExpectedFinding[];
  readonly quiet: readonly QuietTrap[];
  /** For each line of `text` (0-based), the line of the corpus file (0-based) it came from. */
  readonly originalLines: readonly number[];
  /** The lines of `text`, for messages. */
  readonly lines: readonly string[];
}

const EXPECTATION = /^\s*\[\[\^+\s+(error|warning|information|hint)\s+([a-z0-9]+(?:[.-][a-z0-9]+)+)(\s+subtle)?\s*\]\]\s*$/;
const QUIET = /^\s*\[\[quiet:\s*(\S[^\]]*?)\s*\]\]\s*$/;
/** Anything that starts like a verdict but does not parse is an authoring mistake, never a script line. */
const LOOKS_LIKE_VERDICT = /^\s*\[\[\s*(\^|quiet\b)/;

/** Thrown for a corpus file whose verdict lines are malformed or point at nothing. */
export class CorpusSyntaxError extends Error {}

export function parseCorpusScript(source: string): CorpusScript {
  const sourceLines = source.split(/\r\n|\r|\n/);
  const lines: string[] = [];
  const originalLines: number[] = [];
  const expected: ExpectedFinding[] = [];
  const quiet: QuietTrap[] = [];
  const seen = new Set<string>();

  sourceLines.forEach((sourceLine, index) => {
    const expectation = EXPECTATION.exec(sourceLine);
    const trap = QUIET.exec(sourceLine);
    if (!expectation && !trap) {
      if (LOOKS_LIKE_VERDICT.test(sourceLine)) {
        throw new CorpusSyntaxError(`line ${index + 1}: malformed verdict line: ${sourceLine.trim()}`);
      }
      lines.push(sourceLine);
      originalLines.push(index);
      return;
    }
    const line = targetLine(lines, index);
    if (expectation) {
      const severity = expectation[1] as Severity;
      const code = expectation[2];
      const key = `${line}|${severity}|${code}`;
      if (seen.has(key)) {
        throw new CorpusSyntaxError(`line ${index + 1}: the same expectation is stacked twice on one line`);
      }
      seen.add(key);
      expected.push({ line, severity, code, subtle: expectation[3] !== undefined });
    } else if (trap) {
      quiet.push({ line, reason: trap[1] });
    }
  });

  // A quiet note on a line that also expects a finding says why the rest of the line is right (a
  // blind writer's comment, "Fly, good Fleance" after the attack): the expectation stands, and the
  // line is no trap.
  const expectedLines = new Set(expected.map((e) => e.line));
  const traps = quiet.filter((trap) => !expectedLines.has(trap.line));
  return { text: lines.join('\n'), expected, quiet: traps, originalLines, lines };
}

/**
 * The script line a verdict at `verdictIndex` points at: the nearest kept line above it that holds
 * text (writers leave a blank line between a paragraph and its verdict as often as not), in the
 * same paragraph or the one just before.
 */
function targetLine(lines: readonly string[], verdictIndex: number): number {
  let line = lines.length - 1;
  if (line >= 0 && lines[line].trim() === '') line--;
  if (line < 0 || lines[line].trim() === '') {
    throw new CorpusSyntaxError(
      `line ${verdictIndex + 1}: a verdict must sit directly under the script line it points at`,
    );
  }
  return line;
}
