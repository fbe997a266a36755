import type { Finding } from '../finding';
import type { Span } from '../span';
import type { CancellationToken } from '../cancellation';
import type { ClauseInfo, Passage } from '../story/script';
import type { Token } from '../story/words';

/** Slots handed out so far: one per ClauseFindings, so that rules never share one. */
let slots = 0;

/**
 * A rule's findings for one clause, kept for as long as the clause is. The passage cache hands out
 * the same Clause object for as long as the passage's text, kind, context and canon are unchanged,
 * so a finding that depends on nothing else is worked out once, not at every keystroke. The clause
 * may stand elsewhere by then (an edit before it moved it, or the same text appears twice): the
 * findings are kept with the offset they were found at and moved to where the clause stands now.
 *
 * Only for findings that read nothing but the clause, its passage's text and the canon pack: not
 * the story clock, not other clauses, not the script's other names.
 */
export class ClauseFindings {
  /** This rule's slot in each clause's memo. */
  readonly #slot = slots++;

  /** The findings of every clause in `infos`, each clause's worked out by `find` once. */
  all(infos: readonly ClauseInfo[], find: (info: ClauseInfo) => Finding[]): Finding[] {
    const out: Finding[] = [];
    for (const info of infos) {
      const memo = (info.clause.memo ??= []);
      let kept = memo[this.#slot] as Kept | undefined;
      if (!kept) memo[this.#slot] = kept = { base: info.passage.base, findings: find(info) };
      handOut(kept, info.passage.base, out);
    }
    return out;
  }
}

/** Findings worked out where their clause or passage stood at `base`. */
interface Kept {
  readonly base: number;
  readonly findings: readonly Finding[];
}

/** Appends kept findings to `out`, moved to where their clause or passage stands now. */
function handOut(kept: Kept, base: number, out: Finding[]): void {
  for (const finding of kept.findings) out.push(kept.base === base ? finding : moved(finding, base - kept.base));
}

/**
 * A rule's findings for one passage, kept with its words: the passage cache hands out the same
 * token list for as long as the passage's text (as masked and as written), kind and canon are
 * unchanged. Only for findings that read nothing but the passage's own text and the canon.
 */
export class PassageFindings {
  readonly #kept = new WeakMap<readonly Token[], Kept>();

  /** The findings of every passage in `passages`, each text's worked out by `find` once. */
  all(passages: readonly Passage[], find: (passage: Passage) => Finding[], token: CancellationToken): Finding[] {
    const out: Finding[] = [];
    for (const passage of passages) {
      if (token.isCancellationRequested) return [];
      let kept = this.#kept.get(passage.tokens);
      if (!kept) {
        kept = { base: passage.base, findings: find(passage) };
        this.#kept.set(passage.tokens, kept);
      }
      handOut(kept, passage.base, out);
    }
    return out;
  }
}

/** The finding `delta` characters further on: its span, its related places in this document and its edits. */
export function moved(finding: Finding, delta: number): Finding {
  const by = (span: Span): Span => ({ start: span.start + delta, end: span.end + delta });
  const out: { -readonly [K in keyof Finding]: Finding[K] } = { ...finding, span: by(finding.span) };
  if (finding.related) out.related = finding.related.map((r) => (r.uri === undefined ? { ...r, span: by(r.span) } : r));
  if (finding.fixes) {
    out.fixes = finding.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => (e.uri === undefined ? { ...e, span: by(e.span) } : e)) }));
  }
  return out;
}
