import type { Span } from '../span';

/** A problem found in a pack file, located in that file's text. */
export interface PackProblem {
  readonly uri: string;
  /** UTF-16 offsets into that file's text. */
  readonly span: Span;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

/**
 * Collects problems, up to a limit: a generated or pasted pack can be wrong in a hundred
 * thousand places, and nobody reads past the first few hundred while the editor would choke.
 */
export class ProblemSink {
  static readonly limit = 500;
  readonly #problems: PackProblem[] = [];
  #dropped = 0;
  #errors = 0;

  add(problem: PackProblem): void {
    if (problem.severity === 'error') this.#errors++;
    if (this.#problems.length < ProblemSink.limit) this.#problems.push(problem);
    else this.#dropped++;
  }

  error(uri: string, span: Span, message: string): void {
    this.add({ uri, span, message, severity: 'error' });
  }

  warning(uri: string, span: Span, message: string): void {
    this.add({ uri, span, message, severity: 'warning' });
  }

  get hasErrors(): boolean {
    return this.#errors > 0;
  }

  /** Whether there is still room: lets callers skip costly work (suggestions) once full. */
  get full(): boolean {
    return this.#problems.length >= ProblemSink.limit;
  }

  list(): PackProblem[] {
    if (this.#dropped === 0) return [...this.#problems];
    const last = this.#problems[this.#problems.length - 1];
    return [
      ...this.#problems,
      { ...last, message: `... and ${this.#dropped} more problems not listed`, severity: last.severity },
    ];
  }
}
