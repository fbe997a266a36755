import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ForwardSearch, LineEnds, lineContentEnd } from '../../../server/core/fountain/chars';

/**
 * The parser's native searches (for line breaks and for note and boneyard openers) keep what they
 * searched and search in chunks. Whatever order they are asked in, they must answer as a plain
 * indexOf bounded by the limit would: texts long enough to cross several chunks, openers that
 * straddle a chunk's end, and queries that go back as well as forward.
 */
const text = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom('a', '[', '[', '[[', '\n', '\r') }, { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('a', 'b'), minLength: 3000, maxLength: 5000 }) }), { maxLength: 40 })
  .map((parts) => parts.join(''));
// Short spans put limits on openers (a '[[' that starts just before its limit), long ones cross chunks.
const query = fc.record({ step: fc.oneof(fc.nat(8), fc.nat(6000)), back: fc.boolean(), span: fc.oneof(fc.nat(4), fc.nat(9000)) });

describe('the parser\'s forward search', () => {
  it('answers as indexOf bounded by the limit, over texts of several chunks and queries in any order', () => {
    fc.assert(
      fc.property(text, fc.array(query, { maxLength: 30 }), (t, queries) => {
        const search = new ForwardSearch(t, '[[');
        let at = 0;
        for (const q of queries) {
          at = q.back ? Math.max(0, at - q.step) : Math.min(t.length, at + q.step);
          const limit = at + q.span;
          const found = t.indexOf('[[', at);
          assert.equal(search.next(at, limit), found >= 0 && found < limit ? found : -1, `at ${at}, limit ${limit}`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds an opener that straddles the end of a stretch it searched before', () => {
    for (let p = 4090; p <= 4100; p++) {
      const t = `${'a'.repeat(p)}[[${'a'.repeat(10)}`;
      const search = new ForwardSearch(t, '[[');
      assert.equal(search.next(0, 2), -1, 'nothing at the start');
      assert.equal(search.next(p - 1, p + 5), p, `the '[[' at ${p}`);
    }
  });

  it('finds every line\'s end as the character-by-character reading does', () => {
    fc.assert(
      fc.property(text, (t) => {
        const ends = new LineEnds(t);
        for (let at = 0; at <= t.length; at = lineContentEnd(t, at) + 1) assert.equal(ends.contentEnd(at), lineContentEnd(t, at), `line at ${at}`);
      }),
      { numRuns: 200 },
    );
  });
});
