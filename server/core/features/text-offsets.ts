/** Moves `end` back over whitespace (line breaks included), but not before `floor`. */
export function trimEnd(text: string, floor: number, end: number): number {
  let trimmed = end;
  while (trimmed > floor && /\s/.test(text[trimmed - 1])) trimmed--;
  return trimmed;
}
