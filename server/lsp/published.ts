import type { Diagnostic, Range } from 'vscode-languageserver';
import type { Finding } from '../core/finding';
import type { LineIndex } from '../core/lines';
import type { Span } from '../core/span';
import { SEVERITY_NUMBER, toDiagnostic } from '../protocol/diagnostics';

/**
 * What the client was last sent for each script, so that a version whose diagnostics are the
 * very ones it already shows is not sent again. LSP positions are lines and characters: a
 * character typed in a line moves no diagnostic on another line, so most keystrokes leave the
 * list exactly as it was, and a long script's list is megabytes of JSON for the editor to read
 * at every keystroke for nothing. rust-analyzer skips such publishes the same way. A client
 * keeps the diagnostics last published until new ones come, so it shows the same either way.
 */
export class Published {
  readonly #sent = new Map<string, Sent>();
  readonly #withRelated: boolean;

  /** `withRelated`: whether diagnostics are sent with their related places (where the client declared them). */
  constructor(withRelated = true) {
    this.#withRelated = withRelated;
  }

  /** The diagnostics of `findings` as this client is sent them: without fixes, with related places where it takes them. */
  diagnostics(findings: readonly Finding[], lines: LineIndex, uri: string): Diagnostic[] {
    return findings.map((f) => {
      const diagnostic = toDiagnostic(f, lines, uri, false);
      if (!this.#withRelated) delete diagnostic.relatedInformation;
      return diagnostic;
    });
  }

  /**
   * Whether `findings`, in the document with `lines` and `uri`, are the diagnostics it was last
   * sent (as toDiagnostic writes them for publishing): compared finding by finding where they
   * stand, without writing a diagnostic out, since at most keystrokes nothing differs.
   */
  unchanged(uri: string, findings: readonly Finding[], lines: LineIndex): boolean {
    return this.#sent.get(uri)?.holds(findings, lines, uri, this.#withRelated) ?? false;
  }

  /** `diagnostics` were sent for `uri`. */
  sent(uri: string, diagnostics: readonly Diagnostic[]): void {
    this.#sent.set(uri, new Sent(diagnostics));
  }

  /** The document was closed (and its diagnostics cleared): the next publish is sent whatever it holds. */
  forget(uri: string): void {
    this.#sent.delete(uri);
  }
}

/**
 * A list of diagnostics as sent, kept as little as comparing needs: per diagnostic its rule,
 * message, severity and place, then per related place its document, message and place. Strings
 * are the diagnostics' own (the findings'); places are line and character, four numbers per
 * range, in one typed array, taken from the ranges sent. The diagnostics themselves would be ten
 * objects each, 2.5 MB for the 6,581 of a 200k-line script.
 */
class Sent {
  readonly #count: number;
  /** Per diagnostic: rule, message, then per related place: document, message. */
  readonly #strings: Diagnostic['code'][] = [];
  /** Per diagnostic: severity, related count, its place; then per related place, its place. */
  readonly #numbers: Int32Array;

  constructor(diagnostics: readonly Diagnostic[]) {
    this.#count = diagnostics.length;
    const numbers: number[] = [];
    const place = ({ start, end }: Range): void => {
      numbers.push(start.line, start.character, end.line, end.character);
    };
    for (const d of diagnostics) {
      const related = d.relatedInformation ?? [];
      this.#strings.push(d.code, d.message);
      numbers.push(d.severity ?? 0, related.length);
      place(d.range);
      for (const r of related) {
        this.#strings.push(r.location.uri, r.message);
        place(r.location.range);
      }
    }
    this.#numbers = Int32Array.from(numbers);
  }

  /** Whether `findings`, written as diagnostics (toDiagnostic, without fixes), are the ones this list holds. */
  holds(findings: readonly Finding[], lines: LineIndex, uri: string, withRelated: boolean): boolean {
    if (findings.length !== this.#count) return false;
    const strings = this.#strings;
    const numbers = this.#numbers;
    let s = 0;
    let n = 0;
    const at = (span: Span): boolean => {
      const same = lines.isAt(span.start, numbers[n], numbers[n + 1]) && lines.isAt(span.end, numbers[n + 2], numbers[n + 3]);
      n += 4;
      return same;
    };
    for (const f of findings) {
      const related = (withRelated && f.related) || [];
      if (f.ruleId !== strings[s++] || f.message !== strings[s++]) return false;
      if (SEVERITY_NUMBER[f.severity] !== numbers[n++] || related.length !== numbers[n++] || !at(f.span)) return false;
      for (const r of related) {
        if ((r.uri ?? uri) !== strings[s++] || r.message !== strings[s++] || !at(r.span)) return false;
      }
    }
    return true;
  }
}
