/** A change to a document's text: replace [start, end) with newText. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** The edit with its offsets made whole and clamped into the text, start before end. */
export function clampEdit(text: string, edit: TextEdit): TextEdit {
  const start = clamp(edit.start, 0, text.length);
  return { start, end: clamp(edit.end, start, text.length), newText: edit.newText };
}

export function applyEdit(text: string, edit: TextEdit): string {
  const { start, end } = clampEdit(text, edit);
  return text.slice(0, start) + edit.newText + text.slice(end);
}

function clamp(value: number, low: number, high: number): number {
  return Number.isFinite(value) ? Math.max(low, Math.min(high, Math.trunc(value))) : low;
}
