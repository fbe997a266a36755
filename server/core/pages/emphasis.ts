import type { StyledRun } from './model';

interface Style {
  bold: boolean;
  italic: boolean;
  underline: boolean;
}

/** A character as printed, with the style it prints in. */
export interface StyledChar extends Readonly<Style> {
  readonly ch: string;
}

/**
 * Reads Fountain emphasis (`*italic*`, `**bold**`, `***both***`, `_underline_`, `\*` for a star)
 * into styled characters. A mark opens only when a matching mark closes it later on the same line,
 * as the spec asks, so a lone star prints as a star.
 */
export function readEmphasis(line: string): StyledChar[] {
  const out: StyledChar[] = [];
  const style: Style = { bold: false, italic: false, underline: false };
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && (line[i + 1] === '*' || line[i + 1] === '_')) {
      out.push({ ch: line[++i], ...style });
      continue;
    }
    if (c === '*') {
      let n = 1;
      while (n < 3 && line[i + n] === '*') n++;
      const mark = '*'.repeat(n);
      const closes = (n & 1 ? style.italic : true) && (n >= 2 ? style.bold : true);
      if (closes || hasCloser(line, i + n, mark)) {
        toggleStars(style, n);
        i += n - 1;
        continue;
      }
    } else if (c === '_' && (style.underline || hasCloser(line, i + 1, '_'))) {
      style.underline = !style.underline;
      continue;
    }
    out.push({ ch: c, ...style });
  }
  return out;
}

function toggleStars(style: Style, n: number): void {
  if (n & 1) style.italic = !style.italic;
  if (n >= 2) style.bold = !style.bold;
}

function hasCloser(line: string, from: number, mark: string): boolean {
  let at = line.indexOf(mark, from);
  while (at > 0 && line[at - 1] === '\\') at = line.indexOf(mark, at + 1);
  return at >= 0;
}

/** Joins styled characters into runs of one style each. */
export function toRuns(chars: readonly StyledChar[]): StyledRun[] {
  const runs: StyledRun[] = [];
  let text = '';
  let last: StyledChar | undefined;
  const flush = (): void => {
    if (text && last) runs.push(runOf(text, last));
    text = '';
  };
  for (const c of chars) {
    if (last && (c.bold !== last.bold || c.italic !== last.italic || c.underline !== last.underline)) flush();
    text += c.ch;
    last = c;
  }
  flush();
  return runs;
}

function runOf(text: string, style: Style): StyledRun {
  const run: { text: string; bold?: boolean; italic?: boolean; underline?: boolean } = { text };
  if (style.bold) run.bold = true;
  if (style.italic) run.italic = true;
  if (style.underline) run.underline = true;
  return run;
}
