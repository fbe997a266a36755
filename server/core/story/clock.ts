/**
 * Where the story stands on the canon timeline, as a range of gaps between canon events:
 * gap k means "after event k, before event k+1"; -1 is before the first event. A narrated event
 * pins both ends; an anchor pins one gap.
 */
export interface Clock {
  readonly lo: number;
  readonly hi: number;
}

/** Whether two clocks stand at the same place (both unknown counts as the same). */
export function sameClock(a: Clock | undefined, b: Clock | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.lo === b.lo && a.hi === b.hi);
}
