import { readEmphasis, toRuns, type StyledChar } from './emphasis';
import type { StyledRun } from './model';

/**
 * Columns a character takes in Courier: two for the wide characters of Chinese, Japanese and
 * Korean (a monospaced font for them sets each in a double cell), one for the rest.
 */
function cells(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6)
    ? 2
    : 1;
}

/** How many character cells the text takes when printed. */
export function printedWidth(text: string): number {
  let n = 0;
  for (const ch of text) n += cells(ch);
  return n;
}

/**
 * Word-wraps one element's text into printed lines of at most `width` cells, each as styled runs.
 * Lines of the source stay lines; a long line breaks at the last space that fits, or mid-word when
 * a word alone is wider than the column.
 */
export function wrap(text: string, width: number, upper = false): StyledRun[][] {
  const out: StyledRun[][] = [];
  for (const sourceLine of text.split('\n')) {
    // Trailing spaces print nothing, so they must not push a word onto a line of its own.
    const shown = sourceLine.trimEnd();
    const chars = readEmphasis(upper ? shown.toUpperCase() : shown);
    for (const line of wrapChars(chars, width)) out.push(toRuns(line));
  }
  return out;
}

function wrapChars(chars: readonly StyledChar[], width: number): StyledChar[][] {
  const lines: StyledChar[][] = [];
  let rest = chars.slice();
  while (widthOf(rest) > width) {
    let fit = 0;
    let used = 0;
    while (fit < rest.length && used + cells(rest[fit].ch) <= width) used += cells(rest[fit++].ch);
    let cut = fit;
    while (cut > 0 && rest[cut].ch !== ' ') cut--;
    if (cut === 0) {
      lines.push(rest.slice(0, Math.max(fit, 1)));
      rest = rest.slice(Math.max(fit, 1));
    } else {
      lines.push(trimEnd(rest.slice(0, cut)));
      rest = rest.slice(cut + 1);
    }
  }
  lines.push(rest);
  return lines;
}

function widthOf(chars: readonly StyledChar[]): number {
  let n = 0;
  for (const c of chars) n += cells(c.ch);
  return n;
}

function trimEnd(chars: StyledChar[]): StyledChar[] {
  let end = chars.length;
  while (end > 0 && chars[end - 1].ch === ' ') end--;
  return chars.slice(0, end);
}
