import type { CancellationToken } from '../cancellation';
import type { FountainDocument, TitlePage } from '../fountain/model';
import { flow, type FlowItem } from './flow';
import { PAGE_NUMBER_ROW, PAPERS, rightEdge } from './layout';
import type { Page, PageLine, PageOptions, Pagination, Paper } from './model';
import { cutPages } from './paginate';
import { titlePageOf } from './title';

/**
 * A script as printed: its title page, then its pages in the industry layout. Chapters of a story
 * are given in order and run on as one script, each chapter starting a new page.
 */
export function paginate(docs: FountainDocument | readonly FountainDocument[], options: PageOptions = {}, token?: CancellationToken): Pagination {
  const chapters = Array.isArray(docs) ? (docs as readonly FountainDocument[]) : [docs as FountainDocument];
  const paper = PAPERS[options.paper ?? 'letter'];
  const items: FlowItem[] = [];
  for (const doc of chapters) {
    if (token?.isCancellationRequested) break;
    if (items.length > 0) items.push({ kind: 'page-break', height: 0, lines: [] });
    items.push(...flow(doc, paper, { sceneNumbers: options.sceneNumbers ?? false }));
  }
  const body = cutPages(items, paper.linesPerPage).map((lines, k) => numbered(lines, k + 1, paper));
  const titleSource = chapters[0]?.elements.find((e): e is TitlePage => e.type === 'title-page');
  const title = options.titlePage === false ? undefined : titlePageOf(titleSource, paper);
  const last = body[body.length - 1];
  return {
    paper,
    pages: title ? [title, ...body] : body,
    bodyPages: body.length,
    lastPageLines: last ? Math.max(0, ...last.lines.filter((l) => l.row >= 0).map((l) => l.row + 1)) : 0,
  };
}

/** A page of the script with its number top right; the first page goes unnumbered, as is usual. */
function numbered(lines: PageLine[], number: number, paper: Paper): Page {
  if (number === 1) return { number, lines };
  const mark: PageLine = { kind: 'page-number', row: PAGE_NUMBER_ROW, x: rightEdge(paper), align: 'right', runs: [{ text: `${number}.` }] };
  return { number, lines: [mark, ...lines] };
}
