const NONE: readonly never[] = Object.freeze([]);

/**
 * An array built by push, copied to its length, for arrays kept for as long as a script is open
 * (one or more per clause). V8 grows a pushed array's store by half again plus 16 slots and never
 * gives the rest back: one item kept that way holds 17 slots. Empty arrays are all one.
 */
export function exact<T>(items: readonly T[]): readonly T[] {
  return items.length === 0 ? NONE : items.slice();
}
