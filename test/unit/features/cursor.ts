/** A fixture with a `$0` cursor marker, split into the text without it and the cursor's offset. */
export interface CursorFixture {
  readonly text: string;
  readonly offset: number;
}

export function withCursor(fixture: string): CursorFixture {
  const offset = fixture.indexOf('$0');
  if (offset < 0 || fixture.indexOf('$0', offset + 1) >= 0) {
    throw new Error('A cursor fixture needs exactly one $0 marker.');
  }
  return { text: fixture.slice(0, offset) + fixture.slice(offset + 2), offset };
}

/** Lines joined with LF, so that fixtures read as scripts without template-literal indentation. */
export function script(...lines: string[]): string {
  return lines.join('\n');
}
