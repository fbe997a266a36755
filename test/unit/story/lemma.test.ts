import * as assert from 'node:assert/strict';
import { baseForms, isBe, isPastForm, sameWord } from '../../../server/core/story/lemma';
import { VERBS } from '../../../server/core/story/verbs';

describe('the verb lexicon', () => {
  it('holds WordNet verbs as single words, and irregular forms with their bases', () => {
    assert.ok(VERBS.lemmas.size > 8000, `${VERBS.lemmas.size} verbs`);
    for (const verb of ['push', 'wake', 'slay', 'cling', 'unplug', 'email']) assert.ok(VERBS.lemmas.has(verb), verb);
    for (const lemma of VERBS.lemmas) assert.match(lemma, /^[a-z]+$/);
    assert.ok(VERBS.irregular.size > 2000, `${VERBS.irregular.size} irregular forms`);
  });

  it('leaves out words that are not verbs', () => {
    for (const word of ['hundr', 'hundre', 'nak', 'nake', 'wick', 'sacr', 'rug', 'kindr', 'the', 'sister']) {
      assert.ok(!VERBS.lemmas.has(word), word);
    }
  });
});

describe('base forms', () => {
  const irregular: [string, string][] = [
    ['slew', 'slay'],
    ['slain', 'slay'],
    ['sank', 'sink'],
    ['lit', 'light'],
    ['bit', 'bite'],
    ['struck', 'strike'],
    ['clung', 'cling'],
    ['flung', 'fling'],
    ['swore', 'swear'],
    ['woke', 'wake'],
    ['was', 'be'],
    ['went', 'go'],
  ];
  for (const [form, base] of irregular) {
    it(`reads "${form}" as a form of "${base}", and a past`, () => {
      assert.ok(baseForms(form).includes(base), JSON.stringify(baseForms(form)));
      assert.ok(sameWord(form, base));
      assert.ok(isPastForm(form));
    });
  }

  const regular: [string, string][] = [
    ['pushes', 'push'],
    ['pushed', 'push'],
    ['pushing', 'push'],
    ['tries', 'try'],
    ['tried', 'try'],
    ['loved', 'love'],
    ['loving', 'love'],
    ['stopped', 'stop'],
    ['stopping', 'stop'],
    ['unplugged', 'unplug'],
    ['dying', 'die'],
    ['freed', 'free'],
  ];
  for (const [form, base] of regular) {
    it(`takes the ending off "${form}" to "${base}"`, () => {
      assert.ok(baseForms(form).includes(base), JSON.stringify(baseForms(form)));
      assert.ok(sameWord(base, form));
    });
  }

  it('takes a regular ending off only where a verb is left, if the word reads as a verb at all', () => {
    assert.ok(!baseForms('pushed').includes('pushe'));
    assert.ok(!baseForms('stopped').includes('stopp'));
  });

  it('keeps noun plurals meeting their singular, the lexicon having no nouns', () => {
    assert.ok(sameWord('sisters', 'sister'));
    assert.ok(sameWord('fingerprints', 'fingerprint'));
    assert.ok(sameWord('women', 'woman'));
    assert.ok(sameWord('children', 'child'));
  });

  it('does not read a word WordNet lists as its own form as another word plus an ending', () => {
    assert.ok(!sameWord('seed', 'see'));
    assert.ok(!sameWord('need', 'ne'));
  });

  it('does not match unrelated words', () => {
    assert.ok(!sameWord('push', 'pull'));
    assert.ok(!sameWord('hundred', 'hunt'));
  });
});

describe('past forms', () => {
  for (const word of ['hundred', 'naked', 'wicked', 'sacred', 'rugged', 'kindred', 'bed', 'red', 'need', 'shed', 'seed']) {
    it(`does not read "${word}" as a past tense`, () => assert.ok(!isPastForm(word)));
  }
  for (const word of ['pushed', 'tried', 'stopped', 'loved', 'agreed', 'texted', 'woke', 'fell', 'said', 'were']) {
    it(`reads "${word}" as a past tense`, () => assert.ok(isPastForm(word)));
  }
  for (const word of ['push', 'pushes', 'pushing', 'is', 'am', 'are', 'has', 'does', 'being', 'lying']) {
    it(`does not read "${word}" as a past tense`, () => assert.ok(!isPastForm(word)));
  }
});

describe('forms of "be"', () => {
  it('knows every form of "be" and nothing else', () => {
    for (const word of ['be', 'am', 'is', 'are', 'was', 'were', 'been', 'being']) assert.ok(isBe(word), word);
    for (const word of ['bee', 'bees', 'bed', 'have', 'beings']) assert.ok(!isBe(word), word);
  });
});
