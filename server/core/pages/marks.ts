import type { Finding, Severity } from '../finding';
import type { Pagination } from './model';

/** A finding placed on the printed page: the first line of the element it points into. */
export interface PageMark {
  /** Index into the pagination's pages (the title page, where there is one, is 0). */
  readonly page: number;
  readonly row: number;
  readonly severity: Severity;
  readonly ruleId: string;
  readonly message: string;
  /** Where the finding starts in the script, for going back to it. */
  readonly offset: number;
}

interface Placed {
  readonly page: number;
  readonly row: number;
  readonly source: number;
}

/**
 * Places findings beside the lines they concern, for a preview's margin: each goes to the printed
 * element that starts last at or before it (a finding in a note or boneyard, which do not print,
 * lands on the element before). Findings before anything printed are left out.
 */
export function pageMarks(pagination: Pagination, findings: readonly Finding[]): PageMark[] {
  const placed = printedElements(pagination);
  const marks: PageMark[] = [];
  for (const f of findings) {
    const at = lastAtOrBefore(placed, f.span.start);
    if (at) marks.push({ page: at.page, row: at.row, severity: f.severity, ruleId: f.ruleId, message: f.message, offset: f.span.start });
  }
  return marks;
}

/** The first printed line of each element, in order of the script. */
function printedElements(pagination: Pagination): Placed[] {
  const placed: Placed[] = [];
  const seen = new Set<number>();
  pagination.pages.forEach((page, index) => {
    for (const line of page.lines) {
      if (line.source === undefined || seen.has(line.source)) continue;
      seen.add(line.source);
      placed.push({ page: index, row: line.row, source: line.source });
    }
  });
  return placed.sort((a, b) => a.source - b.source);
}

function lastAtOrBefore(placed: readonly Placed[], offset: number): Placed | undefined {
  let lo = 0;
  let hi = placed.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (placed[mid].source <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? placed[lo - 1] : undefined;
}
