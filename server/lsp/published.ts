import type { Diagnostic } from 'vscode-languageserver';

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

  /** Whether `diagnostics` differ from what `uri` was last sent; if so they are what it was sent now. */
  differs(uri: string, diagnostics: readonly Diagnostic[]): boolean {
    const sent = this.#sent.get(uri);
    if (sent && sameJson(sent, diagnostics)) return false;
    this.#sent.set(uri, diagnostics);
    return true;
  }

  /** The document was closed (and its diagnostics cleared): the next publish is sent whatever it holds. */
  forget(uri: string): void {
    this.#sent.delete(uri);
  }
}

/**
 * Whether two JSON values are equal: same keys with equal values, arrays in the same order. Every
 * field counts, so a field added to diagnostics later is compared without anyone remembering to.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const key in x) {
    if (x[key] === undefined) continue;
    keys++;
    if (!sameJson(x[key], y[key])) return false;
  }
  for (const key in y) if (y[key] !== undefined) keys--;
  return keys === 0;
}
