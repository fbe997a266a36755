import * as assert from 'assert';
import { countBefore } from '../../server/core/sorted';

describe('countBefore', () => {
  it('finds the partition point below a limit, or at it when inclusive', () => {
    const starts = [0, 10, 10, 25];
    const id = (n: number): number => n;
    assert.deepStrictEqual([-1, 0, 5, 10, 11, 25, 99].map((x) => countBefore(starts, id, x)), [0, 0, 1, 1, 3, 3, 4]);
    assert.deepStrictEqual([-1, 0, 5, 10, 11, 25, 99].map((x) => countBefore(starts, id, x, true)), [0, 1, 1, 3, 3, 4, 4]);
    assert.strictEqual(countBefore([], id, 3), 0);
  });
});
