import * as assert from 'assert';
import { notCancelled } from '../../../server/core/cancellation';
import { parse } from '../../../server/core/fountain/parse';
import { happeningOfWord, readClause } from '../../../server/core/story/reading';
import { happeningAt } from '../../../server/core/story/mood';
import { analyseScript } from '../../../server/core/story/analyse-script';
import { Cast } from '../../../server/core/story/cast';
import { builtinPack } from '../../../server/host/builtin';

/**
 * The reading layer's one decision per clause: who does what, and whether it happens in the
 * scene's present. Each row is a sentence of narration in a present-tense script, the person it
 * must find as the subject (or none), and how it happens. Sentences are the reading's classes,
 * written for this test, not lines of any corpus.
 */
const ROWS: readonly (readonly [sentence: string, subject: string | undefined, happening: string])[] = [
  ['Neveah ties her ribbons.', 'neveah', 'now'],
  ['Neveah has tied her ribbons.', 'neveah', 'now'],
  ['Bette never answers the phone.', 'bette', 'denied'],
  ['Bette almost slaps him.', 'bette', 'denied'],
  ['Delia could leave now.', 'delia', 'hypothetical'],
  ['Ramon, who always ate lunch on the fire escape, looks away.', 'ramon', 'habitual'],
  ['Delia had driven her home that night.', 'delia', 'recounted'],
  ['Neveah, bruised and tired, climbs the stairs.', 'neveah', 'now'],
  ['Neveah, bruised and tired.', undefined, 'now'],
  ['Neveah walking. Neveah stretching.', undefined, 'now'],
  ['Bette smiling at nothing.', undefined, 'now'],
  ['Her mother reads a magazine.', undefined, 'now'],
  ['The next morning, Neveah ties her ribbons.', 'neveah', 'now'],
  ['A new photo on the board, Neveah pinned there by a thumbtack.', undefined, 'now'],
  ['Neveah slaps the mirror, or so the juniors say.', 'neveah', 'hypothetical'],
  ['Neveah, lying on the floor, stretches.', 'neveah', 'now'],
  ['Under the barre she stretches.', 'monique', 'now'],
  ['Beside Delia she stretches.', undefined, 'now'],
  ['And then the Delia of the posters walks in.', undefined, 'now'],
  ['Later the Delia dances.', 'delia', 'now'],
];

describe('the reading of a clause', () => {
  const pack = builtinPack();
  const readingsOf = (sentence: string): { subject?: string; happening: string }[] => {
    const doc = parse(`INT. STUDIO - DAY\n\nMonique watches the class.\n\n${sentence}\n`);
    const script = analyseScript(doc, pack, new Cast(pack), undefined, notCancelled);
    return script.narration.filter((n) => n.passage === script.narration[script.narration.length - 1].passage)
      .map((n) => readClause(n.clause))
      .map((r) => ({ subject: r.subject?.characterId, happening: r.happening }));
  };

  it('reads participles of a description as no verb of the subject: "and" joins verbs of one tense, asides may follow one another', () => {
    const verbsOf = (sentence: string): string[] => {
      const doc = parse(`INT. STUDIO - DAY\n\nMonique watches the class.\n\n${sentence}\n`);
      const script = analyseScript(doc, pack, new Cast(pack), undefined, notCancelled);
      return script.narration.filter((n) => n.passage === script.narration[script.narration.length - 1].passage)
        .map((n) => ({ clause: n.clause, r: readClause(n.clause) }))
        .filter(({ r }) => r.subject !== undefined && r.verb !== undefined)
        .map(({ clause, r }) => `${r.subject?.characterId} ${clause.tokens.word(r.verb as number)}`);
    };
    assert.deepStrictEqual(verbsOf('Cassie lies there, pale and bruised under the tape.'), ['cassie lies']);
    assert.deepStrictEqual(verbsOf('Cassie, unconscious, strapped down, is lifted into the ambulance.'), ['cassie is']);
    // What the rule still reads: verbs of one tense, and a finite verb right after an aside.
    assert.deepStrictEqual(verbsOf('Delia walks up behind her and shoves her.'), ['delia walks', 'delia shoves']);
    assert.deepStrictEqual(verbsOf('Delia shoved her and ran.'), ['delia shoved', 'delia ran']);
    assert.deepStrictEqual(verbsOf('Cassie, in her coma, mouths a word.'), ['cassie mouths']);
  });

  it('gives the "who" of a cleft to its focus, not to the name a contrast sets beside it', () => {
    const whoOf = (sentence: string): (string | undefined)[] =>
      readingsOf(sentence).filter((r, i, all) => i === all.length - 1 || r.subject !== undefined).slice(-1).map((r) => r.subject);
    assert.deepStrictEqual(whoOf('It is Delia, and not Bette, who ties the ribbons.'), ['delia']);
    assert.deepStrictEqual(whoOf('It is Nobody Knows, then, and not Bette, who ties the ribbons.'), [undefined]);
    assert.deepStrictEqual(whoOf('Monique nods to Bette, who ties the ribbons.'), ['bette']);
    // The contrast denies its own name, not what the cleft says: that hangs from "it is Delia".
    const last = (sentence: string): string | undefined => readingsOf(sentence).slice(-1)[0]?.happening;
    assert.strictEqual(last('It is Delia, and not Bette, who ties the ribbons.'), 'now');
    assert.strictEqual(last('It is not Delia who ties the ribbons.'), 'denied');
  });

  it('takes a present perfect by its participle, and a verb by its WordNet lemma', () => {
    const lemmaOf = (sentence: string): string | undefined => {
      const doc = parse(`INT. STUDIO - DAY\n\n${sentence}\n`);
      const script = analyseScript(doc, pack, new Cast(pack), undefined, notCancelled);
      return script.narration.map((n) => readClause(n.clause)).find((r) => r.subject)?.lemma;
    };
    assert.strictEqual(lemmaOf('Neveah has tied her ribbons.'), 'tie');
    assert.strictEqual(lemmaOf('Bette strikes the mirror.'), 'strike');
    assert.strictEqual(lemmaOf('Delia clung to the rail.'), 'cling');
  });

  for (const [sentence, subject, happening] of ROWS) {
    it(`“${sentence}” → ${subject ?? 'nobody acts'}, ${happening}`, () => {
      const first = readingsOf(sentence).find((r) => r.subject !== undefined) ?? { subject: undefined, happening: 'now' };
      assert.strictEqual(first.subject, subject);
      if (subject !== undefined) assert.strictEqual(first.happening, happening);
    });
  }

  it('decides each word of a clause in one pass as it decides the verb: what a rule asks of a noun', () => {
    const doc = parse('INT. STUDIO - DAY\n\nMonique watches the class.\n\nBette claims that Neveah, who once was her partner, had not been to the studio, and then she goes to stretch. Did Delia leave? If Ramon stays, the laptop plays a video of Cassie dancing.\n');
    const script = analyseScript(doc, pack, new Cast(pack), undefined, notCancelled);
    let words = 0;
    for (const { clause } of script.narration) {
      for (let i = clause.from; i < clause.to; i++, words++) assert.strictEqual(happeningOfWord(clause, i), happeningAt(clause, i), clause.tokens.word(i));
    }
    assert.ok(words > 30);
  });

  it('reads a noun of belief as a noun, "about" as "about to" only, and a past dated by a noun of time as before the scene', () => {
    const happeningOf = (sentence: string, word: string): string => {
      const doc = parse(`INT. STUDIO - DAY\n\nMonique watches the class.\n\n${sentence}\n`);
      const script = analyseScript(doc, pack, new Cast(pack), undefined, notCancelled);
      for (const { clause } of script.narration) {
        for (let i = clause.from; i < clause.to; i++) if (clause.tokens.wordAt(i) === word) return happeningOfWord(clause, i);
      }
      return 'absent';
    };
    assert.strictEqual(happeningOf('A letter lies on the desk: Delia writes every word herself.', 'writes'), 'now');
    assert.strictEqual(happeningOf('It is a lie that Delia writes to her.', 'writes'), 'hypothetical');
    assert.strictEqual(happeningOf('She talks about Delia, who slaps the mirror.', 'slaps'), 'now');
    assert.strictEqual(happeningOf('Delia is about to slap the mirror.', 'slap'), 'hypothetical');
    assert.strictEqual(happeningOf('The heat that lay on the studio the day Cassie fell lies on it now.', 'fell'), 'recounted');
  });
});
