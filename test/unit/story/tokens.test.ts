import * as assert from 'node:assert/strict';
import * as v8 from 'v8';
import * as vm from 'vm';
import { Tokens, tokenize, type TokenKind } from '../../../server/core/story/words';

interface Read {
  readonly kind: TokenKind;
  readonly word: string;
  readonly written: string;
  readonly capitalized: boolean;
}

function read(text: string, origin = 0): Read[] {
  const tokens = tokenize(text, 0, text.length, origin);
  const out: Read[] = [];
  for (let i = 0; i < tokens.length; i++) {
    out.push({
      kind: tokens.kind(i),
      word: tokens.word(i),
      written: text.slice(tokens.start(i) + origin, tokens.end(i) + origin),
      capitalized: tokens.capitalized(i),
    });
  }
  return out;
}

describe('the tokens of a passage', () => {
  it('reads words, possessives, negations and punctuation with where each was written', () => {
    assert.deepEqual(read("Cassie's mum doesn't--know. Mrs. Shore, why?"), [
      { kind: 'word', word: 'cassie', written: 'Cassie', capitalized: true },
      { kind: 'word', word: "'s", written: "'s", capitalized: false },
      { kind: 'word', word: 'mum', written: 'mum', capitalized: false },
      { kind: 'word', word: 'does', written: 'does', capitalized: false },
      { kind: 'word', word: 'not', written: "n't", capitalized: false },
      { kind: 'break', word: '--', written: '--', capitalized: false },
      { kind: 'word', word: 'know', written: 'know', capitalized: false },
      { kind: 'stop', word: '.', written: '.', capitalized: false },
      { kind: 'word', word: 'mrs', written: 'Mrs', capitalized: true },
      { kind: 'word', word: 'shore', written: 'Shore', capitalized: true },
      { kind: 'comma', word: ',', written: ',', capitalized: false },
      { kind: 'word', word: 'why', written: 'why', capitalized: false },
      { kind: 'question', word: '?', written: '?', capitalized: false },
    ]);
  });

  it('counts offsets from the origin it is given, as a cached passage does', () => {
    const text = 'INT. ROOF\n\nBette pushes her.';
    const passage = text.indexOf('Bette');
    const tokens = tokenize(text, passage, text.length, passage);
    assert.deepEqual([tokens.start(0), tokens.end(0), tokens.start(3), tokens.end(3)], [0, 5, 16, 17]);
  });

  it('answers for a word only within the list, and lists words without punctuation', () => {
    const tokens = tokenize('Kai, run!');
    assert.deepEqual([tokens.wordAt(-1), tokens.wordAt(0), tokens.wordAt(1), tokens.wordAt(2), tokens.wordAt(4)],
      [undefined, 'kai', undefined, 'run', undefined]);
    assert.deepEqual(tokens.words(), ['kai', 'run']);
    assert.deepEqual(tokens.words(1), ['run']);
    assert.equal(tokens.someWord((w) => w === 'run'), true);
    assert.equal(tokens.someWord((w) => w === 'run', 0, 2), false);
    assert.equal(tokenize('').length, 0);
  });

  it('reads tokens that start far into a long passage, or a word thousands of letters long, where they stand', () => {
    const far = `${'a '.repeat(40_000)}Bette pushes her.`;
    const tokens = tokenize(far);
    const bette = tokens.length - 4;
    assert.deepEqual([tokens.word(bette), tokens.start(bette), tokens.end(bette), tokens.capitalized(bette)], ['bette', 80_000, 80_005, true]);
    assert.equal(far.slice(tokens.start(0), tokens.end(0)), 'a');
    assert.deepEqual([tokens.kind(tokens.length - 1), tokens.start(tokens.length - 1)], ['stop', far.length - 1]);
    const long = `Kai ${'x'.repeat(3000)}, run.`;
    const read = tokenize(long);
    assert.deepEqual(read.words(), ['kai', 'x'.repeat(3000), 'run']);
    assert.deepEqual([read.start(1), read.end(1), read.kind(2), read.start(3), read.end(3)], [4, 3004, 'comma', 3006, 3009]);
  });

  it('keeps the end of a word longer than a small integer holds with its kind and case', () => {
    const length = 2 ** 28 + 3;
    const tokens = new Tokens(['x'], [7, length * 16 + 1], true);
    assert.equal(tokens.end(0), 7 + length);
    assert.equal(tokens.kind(0), 'word');
    assert.equal(tokens.capitalized(0), true);
  });

  it('keeps a token in two slots, not in an object of its own', () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const sentence = 'Cassie climbs onto the roof, and Bette follows her up the stairs. ';
    const texts = Array.from({ length: 20_000 }, (_, i) => `${sentence}Scene ${i}.`);
    // Every distinct word interned (in a word table, as the passage cache keeps one: each distinct
    // word one string), and the tokenizer compiled, before the measure.
    const table = new Map<string, string>();
    for (const text of texts) tokenize(text, 0, text.length, 0, table);
    gc();
    gc();
    const before = process.memoryUsage().heapUsed;
    const kept = texts.map((text) => tokenize(text, 0, text.length, 0, table));
    gc();
    gc();
    const bytes = process.memoryUsage().heapUsed - before;
    const count = kept.reduce((n, tokens) => n + tokens.length, 0);
    // An object per token took 64 bytes and its slot 8; two slots take 16, plus each list's own.
    assert.ok(bytes / count < 32, `${(bytes / count).toFixed(1)} bytes per token over ${count} tokens`);
  });
});
