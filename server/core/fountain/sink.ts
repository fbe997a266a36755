import type { Element } from './model';

/** Elements whose consecutive lines join into one element. */
export type RunType = 'action' | 'dialogue' | 'lyrics' | 'centered';

interface Run {
  readonly type: RunType;
  readonly start: number;
  readonly forced: boolean;
  end: number;
  readonly lines: string[];
}

/** Collects a paragraph's elements, joining consecutive lines of the same running kind. */
export class ElementSink {
  readonly #elements: Element[] = [];
  #run: Run | undefined;

  get elements(): readonly Element[] {
    return this.#elements;
  }

  add(element: Element): void {
    this.endRun();
    this.#elements.push(element);
  }

  /** Adds a line to the running element of this type, or starts one. */
  extend(type: RunType, start: number, end: number, text: string, forced = false): void {
    if (this.#run?.type !== type) {
      this.endRun();
      this.#run = { type, start, forced, end, lines: [] };
    }
    this.#run.lines.push(text);
    this.#run.end = end;
  }

  endRun(): void {
    const run = this.#run;
    if (!run) return;
    this.#run = undefined;
    // Written out field by field: a literal that spreads another object keeps only the fields
    // before the spread in the object itself and the rest in a second store of their own, 40
    // bytes more for each element of the script, kept for as long as it is open.
    const { start, end } = run;
    const text = run.lines.join('\n');
    this.#elements.push(run.type === 'action' ? { type: 'action', start, end, text, forced: run.forced } : { type: run.type, start, end, text });
  }
}
