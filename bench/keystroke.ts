import { notCancelled } from '../server/core/cancellation';
import { parse } from '../server/core/fountain/parse';
import { completion, hoverAt } from '../server/lsp/features';
import { cpu, Session } from './session';
import { mean, median, quantile } from './stats';

export interface KeystrokeResult {
  readonly lines: number;
  /** Median CPU ms of didOpen + check with every cache empty (the runs after the first find V8's code compiled). */
  readonly cold: number;
  /** The first of those runs, the only one that also pays for compiling the code. */
  readonly firstCold: number;
  /**
   * Median CPU ms of a one-character didChange + check + diagnostics, caches warm from the version
   * before, once the first keystrokes have had V8 compile the incremental paths (as the cold runs
   * after the first have had it compile the analysis): what typing costs in an editing session.
   */
  readonly keystroke: number;
  /** The 90th percentile, the slowest and the mean of those keystrokes: a writer feels the slow ones too. */
  readonly slow: { readonly p90: number; readonly max: number; readonly mean: number };
  /**
   * Median CPU ms, within those keystrokes, of publishing alone: the findings compared with the
   * diagnostics sent last and, where they differ, written out and the notification's JSON. That
   * typing moves no diagnostic (none is on its line), so it sends none.
   */
  readonly publishing: number;
  /** How many of those keystrokes sent diagnostics. */
  readonly sent: number;
  /** How many diagnostics the script has (after the last keystroke). */
  readonly diagnostics: number;
  /**
   * Median CPU ms of sending them all: LSP sends a document's diagnostics whole, so a version
   * whose list changed in the least costs this however little the analysis did.
   */
  readonly publishAll: number;
  /** The same typing in a line where a warning stands after the cursor, so that it moves at every letter. */
  readonly beforeWarning: { readonly keystroke: number; readonly publishing: number; readonly sent: number };
  /** Median of the first keystrokes after opening, which also pay for compiling the incremental paths. */
  readonly firstKeystrokes: number;
  /** Median number of passages the story clock walked per keystroke, and how many the script has. */
  readonly walked: number;
  readonly passages: number;
  readonly completion: number;
  readonly hover: number;
  /** Median CPU ms of parsing the text from scratch. */
  readonly parse: number;
}

/** A line of narration near the middle: where a writer revising a long script types. */
function middleActionLine(text: string): { line: number; name: number } {
  const lines = text.split('\n');
  for (let i = lines.length >> 1; i < lines.length; i++) {
    const name = lines[i].indexOf('Cassie');
    if (name > 0 && /[a-z]/.test(lines[i]) && lines[i - 1] === '') return { line: i, name };
  }
  throw new Error('no action line naming Cassie after the middle of the script');
}

/**
 * A line of narration after the middle with a warning on it, after the line's first word: typing
 * in that word moves the warning, so every keystroke there sends the whole list again.
 */
function warnedActionLine(session: Session, text: string): { line: number } {
  const lines = text.split('\n');
  const result = session.result;
  if (!result) throw new Error('no analysis');
  for (const finding of result.findings) {
    const start = session.script.lines.positionAt(finding.span.start);
    const line = lines[start.line];
    if (start.line < lines.length >> 1 || lines[start.line - 1] !== '' || !/[a-z]/.test(line)) continue;
    if (line.indexOf(' ') > 0 && start.character > line.indexOf(' ')) return { line: start.line };
  }
  throw new Error('no action line with a warning after its first word, after the middle of the script');
}

/** What typing one word after another, letter by letter, at the second character of a line cost. */
interface Typing {
  readonly first: number[];
  readonly strokes: number[];
  readonly walked: number[];
  readonly publishing: number[];
  /** How many of the measured keystrokes sent their diagnostics. */
  readonly sent: number;
}

function typeIn(session: Session, line: number, warming: number, edits: number): Typing {
  const typing = { first: [] as number[], strokes: [] as number[], walked: [] as number[], publishing: [] as number[], sent: 0 };
  for (let e = 0; e < warming + edits; e++) {
    // Type words, one letter per version: everything after the cursor moves at every keystroke.
    const took = cpu(() => session.change(line, 1 + e, 0, 'abcdefghijklmnopqrstuvwxyz'[e % 26]));
    (e < warming ? typing.first : typing.strokes).push(took);
    if (e >= warming) {
      typing.walked.push(session.workspace.project.db.stats.walked);
      typing.publishing.push(session.publishing);
      if (session.sent) typing.sent++;
    }
  }
  return typing;
}

export function keystroke(text: string, rounds: number, edits: number, warming = 10): KeystrokeResult {
  const colds: number[] = [];
  const parses: number[] = [];
  for (let r = 0; r < rounds; r++) {
    // A new session is a new project, with a database of its own: nothing analysed before is kept.
    colds.push(cpu(() => new Session('cold.fountain').open(text)));
    parses.push(cpu(() => parse(text)));
  }
  const session = new Session('typing.fountain');
  session.open(text);
  const at = middleActionLine(text);
  const typing = typeIn(session, at.line, warming, edits);
  const result = session.result;
  if (!result) throw new Error('no analysis');
  const completions: number[] = [];
  const hovers: number[] = [];
  for (let e = 0; e < edits; e++) {
    completions.push(cpu(() => completion(session.script, result, { line: at.line, character: at.name + 3 }, notCancelled, session.workspace.project.db)));
    hovers.push(cpu(() => hoverAt(session.script, result, { line: at.line, character: at.name + 2 }, notCancelled)));
  }
  const publishAll: number[] = [];
  for (let e = 0; e < 5; e++) publishAll.push(session.publishAll());
  // The same typing where a warning on the line moves with each letter, in a session of its own.
  const moving = new Session('typing-before-a-warning.fountain');
  moving.open(text);
  const before = typeIn(moving, warnedActionLine(moving, text).line, warming, edits);
  return {
    lines: text.split('\n').length, cold: median(colds), firstCold: colds[0], keystroke: median(typing.strokes),
    slow: { p90: quantile(typing.strokes, 0.9), max: Math.max(...typing.strokes), mean: mean(typing.strokes) }, firstKeystrokes: median(typing.first),
    publishing: median(typing.publishing), sent: typing.sent, diagnostics: result.findings.length, publishAll: median(publishAll),
    beforeWarning: { keystroke: median(before.strokes), publishing: median(before.publishing), sent: before.sent },
    completion: median(completions), hover: median(hovers), parse: median(parses),
    walked: median(typing.walked), passages: result.script.passages.length,
  };
}
