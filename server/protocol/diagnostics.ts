import type { Diagnostic, DiagnosticRelatedInformation, Range } from 'vscode-languageserver';
import type { Finding, Fix, Severity } from '../core/finding';
import type { LineIndex } from '../core/lines';
import type { Span } from '../core/span';

/** LSP's severities: 1 error, 2 warning, 3 information, 4 hint. */
export const SEVERITY_NUMBER: Record<Severity, 1 | 2 | 3 | 4> = { error: 1, warning: 2, information: 3, hint: 4 };

export const SOURCE = 'canon-keeper';

export function toRange(lines: LineIndex, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

/** A fix with ranges: in the command line's diagnostics (their `data`), and what a code action edits. */
export interface FixData {
  readonly title: string;
  readonly preferred?: boolean;
  readonly edits: readonly { readonly range: Range; readonly newText: string }[];
}

/**
 * A finding as an LSP diagnostic. The server publishes exactly this and the CLI prints exactly
 * this, so the two never disagree; the CLI's also carries the finding's fixes (`withFixes`), which
 * the server gives as code actions when asked (features.ts codeActions) rather than in every
 * diagnostic it publishes.
 */
export function toDiagnostic(finding: Finding, lines: LineIndex, uri: string, withFixes = true): Diagnostic {
  const related: DiagnosticRelatedInformation[] | undefined = finding.related?.map((r) => ({
    location: { uri: r.uri ?? uri, range: toRange(lines, r.span) },
    message: r.message,
  }));
  const fixes: FixData[] | undefined = withFixes ? finding.fixes?.map((f) => toFixData(f, lines)) : undefined;
  const diagnostic: Diagnostic = {
    range: toRange(lines, finding.span),
    severity: SEVERITY_NUMBER[finding.severity],
    code: finding.ruleId,
    source: SOURCE,
    message: finding.message,
  };
  if (related && related.length > 0) diagnostic.relatedInformation = related;
  if (fixes && fixes.length > 0) diagnostic.data = { fixes };
  return diagnostic;
}

export function toFixData(fix: Fix, lines: LineIndex): FixData {
  return { title: fix.title, preferred: fix.preferred, edits: fix.edits.map((e) => ({ range: toRange(lines, e.span), newText: e.newText })) };
}
