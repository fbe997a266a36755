/**
 * How many items of a list sorted by `keyOf` come before `limit` (or at it, when `inclusive`):
 * the partition point, by binary search. Offsets into scripts are looked up this way everywhere.
 */
export function countBefore<T>(items: readonly T[], keyOf: (item: T) => number, limit: number, inclusive = false): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const key = keyOf(items[mid]);
    if (key < limit || (inclusive && key === limit)) low = mid + 1;
    else high = mid;
  }
  return low;
}
