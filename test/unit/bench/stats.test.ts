import * as assert from 'assert';
import { mean, median, quantile } from '../../../bench/stats';

describe('bench statistics', () => {
  it('reports the 90th percentile of keystrokes by nearest rank, so one slow keystroke in ten shows', () => {
    const strokes = [8, 7, 9, 6, 10, 5, 120, 4, 3, 2];
    assert.strictEqual(median(strokes), 6.5);
    assert.strictEqual(quantile(strokes, 0.9), 10);
    assert.strictEqual(quantile([...strokes, 150], 0.9), 120);
    assert.strictEqual(quantile(strokes, 1), 120);
    assert.strictEqual(quantile([42], 0.9), 42);
  });

  it('means every keystroke, the slow ones included', () => {
    assert.strictEqual(mean([10, 10, 10, 130]), 40);
  });
});
