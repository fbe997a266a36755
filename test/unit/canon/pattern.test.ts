import * as assert from 'assert';
import { parsePattern, tokenizeWords } from '../../../server/core/canon/load';

describe('phrasing patterns', () => {
  it('reads words, slots and wildcards', () => {
    assert.deepStrictEqual(parsePattern('{culprit} Push {victim} * edge'), [
      { kind: 'slot', name: 'culprit' },
      { kind: 'word', word: 'push' },
      { kind: 'slot', name: 'victim' },
      { kind: 'any' },
      { kind: 'word', word: 'edge' },
    ]);
  });

  it("keeps a possessive as a word of its own, so {victim} place matches Cassie's place", () => {
    assert.deepStrictEqual(tokenizeWords('Neveah takes Cassie’s place.'), ['neveah', 'takes', 'cassie', "'s", 'place']);
    assert.deepStrictEqual(parsePattern("{cassie}'s funeral"), [
      { kind: 'slot', name: 'cassie' },
      { kind: 'word', word: "'s" },
      { kind: 'word', word: 'funeral' },
    ]);
    assert.deepStrictEqual(tokenizeWords("'Don't,' she said"), ["don't", 'she', 'said']);
  });

  it('reports malformed patterns as messages', () => {
    for (const bad of ['{culprit push', 'push }', '{}', '{a b} push', '*', '{victim}', '', '{a{b}}']) {
      assert.strictEqual(typeof parsePattern(bad), 'string', bad);
    }
  });

  it('treats regex-looking text as plain words', () => {
    assert.deepStrictEqual(parsePattern('(a+)+$'), [{ kind: 'word', word: 'a' }]);
    assert.strictEqual(typeof parsePattern('^$.*+?()[]|\\'), 'string');
  });
});
