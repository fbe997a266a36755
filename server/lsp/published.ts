import type { Diagnostic, Range } from 'vscode-languageserver';
import type { Finding } from '../core/finding';
import type { LineIndex } from '../core/lines';
import type { Span } from '../core/span';
import { SEVERITY_NUMBER, SOURCE } from './diagnostics';

/**
 * What the client was last sent for each script, so that a version whose diagnostics are the
 * very ones it already shows is not sent again. LSP positions are lines and characters: a
 * character typed in a line moves no diagnostic on another line, so most keystrokes leave the
 * list exactly as it was, and a long script's list is megabytes of JSON for the editor to read
 * at every keystroke for nothing. rust-analyzer skips such publishes the same way. A client
 * keeps the diagnostics last published until new ones come, so it shows the same either way.
 */
export class Published {
  readonly #sent = new Map<string, readonly Diagnostic[]>();

  /**
   * Whether `findings`, in the document with `lines` and `uri`, are the diagnostics it was last
   * sent: compared finding by finding where they stand, without writing a diagnostic out, since
   * at most keystrokes nothing differs and converting them all would be most of the work.
   */
  unchanged(uri: string, findings: readonly Finding[], lines: LineIndex): boolean {
    const sent = this.#sent.get(uri);
    if (!sent || sent.length !== findings.length) return false;
    for (let i = 0; i < findings.length; i++) if (!isPublishedAs(findings[i], sent[i], lines, uri)) return false;
    return true;
  }

  /** `diagnostics` were sent for `uri`. */
  sent(uri: string, diagnostics: readonly Diagnostic[]): void {
    this.#sent.set(uri, diagnostics);
  }

  /** The document was closed (and its diagnostics cleared): the next publish is sent whatever it holds. */
  forget(uri: string): void {
    this.#sent.delete(uri);
  }
}

/**
 * Whether `finding` is `diagnostic` as toDiagnostic writes it for publishing (without fixes): the
 * same rule, severity, message and places, its own and each related one's.
 */
export function isPublishedAs(finding: Finding, diagnostic: Diagnostic, lines: LineIndex, uri: string): boolean {
  if (finding.message !== diagnostic.message || finding.ruleId !== diagnostic.code || diagnostic.source !== SOURCE
    || SEVERITY_NUMBER[finding.severity] !== diagnostic.severity || diagnostic.data !== undefined
    || !spansRange(lines, finding.span, diagnostic.range)) return false;
  const related = finding.related ?? [];
  const published = diagnostic.relatedInformation;
  if (related.length === 0) return published === undefined;
  if (!published || published.length !== related.length) return false;
  for (let i = 0; i < related.length; i++) {
    const r = related[i];
    const p = published[i];
    if (r.message !== p.message || (r.uri ?? uri) !== p.location.uri || !spansRange(lines, r.span, p.location.range)) return false;
  }
  return true;
}

function spansRange(lines: LineIndex, span: Span, range: Range): boolean {
  return lines.isAt(span.start, range.start) && lines.isAt(span.end, range.end);
}
