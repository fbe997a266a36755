import { parse } from '../server/core/fountain/parse';
import { walkStats } from '../server/core/story/analyse-script';
import { completion, hoverAt } from '../server/lsp/features';
import { cpu, forgetCaches, Session } from './session';
import { median } from './stats';

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
  /**
   * Median CPU ms, within those keystrokes, of publishing alone: every finding as a diagnostic and
   * the notification's JSON. LSP sends a document's diagnostics whole at each version, so this part
   * grows with their number however little the analysis does.
   */
  readonly publishing: number;
  /** How many diagnostics each keystroke published (the last one's). */
  readonly diagnostics: number;
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

export function keystroke(text: string, rounds: number, edits: number, warming = 10): KeystrokeResult {
  const colds: number[] = [];
  const parses: number[] = [];
  for (let r = 0; r < rounds; r++) {
    forgetCaches();
    colds.push(cpu(() => new Session('cold.fountain').open(text)));
    parses.push(cpu(() => parse(text)));
  }
  const session = new Session('typing.fountain');
  session.open(text);
  const at = middleActionLine(text);
  const first: number[] = [];
  const strokes: number[] = [];
  const walked: number[] = [];
  const publishing: number[] = [];
  for (let e = 0; e < warming + edits; e++) {
    // Type words, one letter per version: everything after the cursor moves at every keystroke.
    const took = cpu(() => session.change(at.line, 1 + e, 0, 'abcdefghijklmnopqrstuvwxyz'[e % 26]));
    (e < warming ? first : strokes).push(took);
    if (e >= warming) {
      walked.push(walkStats.walked);
      publishing.push(session.publishing);
    }
  }
  const token = { isCancellationRequested: false };
  const result = session.result;
  if (!result) throw new Error('no analysis');
  const completions: number[] = [];
  const hovers: number[] = [];
  for (let e = 0; e < edits; e++) {
    completions.push(cpu(() => completion(session.script, result, { line: at.line, character: at.name + 3 }, token)));
    hovers.push(cpu(() => hoverAt(session.script, result, { line: at.line, character: at.name + 2 }, token)));
  }
  return {
    lines: text.split('\n').length, cold: median(colds), firstCold: colds[0], keystroke: median(strokes), firstKeystrokes: median(first),
    publishing: median(publishing), diagnostics: result.findings.length,
    completion: median(completions), hover: median(hovers), parse: median(parses),
    walked: median(walked), passages: result.script.passages.length,
  };
}
