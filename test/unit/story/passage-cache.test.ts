import * as assert from 'node:assert/strict';
import { builtinPack } from '../../../server/host/builtin';
import { PassageCache, type PassageReading } from '../../../server/core/incremental/passage-cache';
import { ScriptNames } from '../../../server/core/story/script-cast';
import { tokenize } from '../../../server/core/story/words';

function readingFor(key: string, reads: string[]): () => PassageReading {
  return () => {
    reads.push(key);
    return { clauses: [], recent: [], recognitions: undefined, used: 0, context: undefined };
  };
}

describe('the passage cache', () => {
  it('keeps the readings an analysis used and drops the rest once they outgrow the script', () => {
    const cache = new PassageCache(builtinPack());
    const names = new ScriptNames([]);
    const text = 'Cassie stretches at the barre.';
    const reads: string[] = [];
    cache.begin();
    const version = cache.version('action', text, text, () => ({ tokens: tokenize(text), mentions: [] }), names);
    const contexts = Array.from({ length: 100 }, (_, i) => `context ${i}`);
    const first = contexts.map((key) => cache.reading(version, key, readingFor(key, reads)));
    cache.end([version], []);
    assert.equal(reads.length, 100);

    // The next analysis reads the passage in two of those contexts, not in the first one read.
    cache.begin();
    cache.version('action', text, text, () => assert.fail('the words are cached'), names);
    assert.equal(cache.reading(version, 'context 57', readingFor('context 57', reads)), first[57]);
    assert.equal(cache.reading(version, 'context 3', readingFor('context 3', reads)), first[3]);
    cache.end([version], []);
    assert.equal(reads.length, 100, 'both were cached');

    // Only those two are kept: the others, the first one read among them, are read again.
    cache.begin();
    cache.version('action', text, text, () => assert.fail('the words are cached'), names);
    assert.equal(cache.reading(version, 'context 3', readingFor('context 3', reads)), first[3]);
    assert.equal(cache.reading(version, 'context 57', readingFor('context 57', reads)), first[57]);
    assert.notEqual(cache.reading(version, 'context 0', readingFor('context 0', reads)), first[0]);
    assert.notEqual(cache.reading(version, 'context 10', readingFor('context 10', reads)), first[10]);
    assert.deepEqual(reads.slice(100), ['context 0', 'context 10']);
    cache.end([version], []);
  });

  it('keeps, when it drops what an analysis did not use, the versions and readings it took from the one before by index', () => {
    const cache = new PassageCache(builtinPack());
    const names = new ScriptNames([]);
    const words = (text: string, read: () => void = () => undefined) => cache.version('action', text, text, () => {
      read();
      return { tokens: tokenize(text), mentions: [] };
    }, names);
    const reads: string[] = [];
    cache.begin();
    const taken = words('Cassie stretches at the barre.');
    const dropped = words('Bette watches from the door.');
    const reading = cache.reading(taken, 'context', readingFor('context', reads));
    cache.end([taken, dropped], []);

    // The next analysis asks the cache for neither passage: it takes one, and its reading, by
    // index. Texts read meanwhile (a writer's versions of a line being typed) make the cache hold
    // more than its bound for a one-passage script, so it drops what this analysis did not use.
    cache.begin();
    for (let i = 0; i < 80; i++) words(`Passage number ${i}.`);
    cache.end([taken], [{ recent: [], speakerId: undefined, heading: '', version: taken, entry: reading }]);

    cache.begin();
    assert.equal(words('Cassie stretches at the barre.', () => assert.fail('the version taken by index was dropped')), taken);
    assert.equal(cache.reading(taken, 'context', readingFor('context again', reads)), reading, 'its reading was dropped');
    let readAgain = false;
    assert.notEqual(words('Bette watches from the door.', () => (readAgain = true)), dropped);
    assert.ok(readAgain, 'the version nothing used was kept');
  });
});
