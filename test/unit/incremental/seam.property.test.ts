import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { generateFanFiction } from '../../../bench/generate';
import { notCancelled } from '../../../server/core/cancellation';
import type { CanonPack } from '../../../server/core/canon/model';
import { checkStory, type CheckResult } from '../../../server/core/check';
import { Database } from '../../../server/core/incremental/database';
import { BUILD_AFRESH } from '../../../server/core/story/passages';
import { builtinPack } from '../../../server/host/builtin';
import { Documents } from '../../../server/lsp/documents';

/**
 * Reuse between versions lives behind one seam (incremental/database.ts), which a test can turn
 * off. A writer edits the chapters of a story and the canon pack changes under them; after every
 * step the story checked with the seam that has kept everything since the first step must give
 * exactly what it gives with a seam that keeps nothing (`reuse: false`): the same findings in
 * every chapter, and the same clock where each ends.
 */
const builtin = builtinPack();

/**
 * The canon as it changes while the writer works: the built-in pack, one whose states allow more
 * (fewer coma warnings), and one whose first roles are held from the second event on (the role
 * rule then reads the clock). A step may also go back to a pack used before, whose reading the
 * seam still holds.
 */
const PACKS: readonly CanonPack[] = [
  builtin,
  { ...builtin, states: builtin.states.map((s) => ({ ...s, allows: [...s.allows, 'reach', 'grip', 'open', 'whisper'] })) },
  {
    ...builtin,
    characters: builtin.characters.map((c, i) => (i < 3 ? { ...c, roles: c.roles.map((r) => ({ ...r, from: builtin.events[1]?.id })) } : c)),
  },
];

const FRAGMENTS = [
  '\n', '\n\n', ' ', 'Cassie', 'Delia pushes Cassie off the roof.', 'She', ' her ', 'Bette', 'Neveah', 'KAI',
  '\nCASSIE\n', '\nBETTE\n(quietly)\n', 'It was Bette.', "[[canon: after Cassie's fall]]", '[[canon: before Cassie wakes]]',
  '\nINT. ROOF - NIGHT\n\n', '\nEXT. HOSPITAL - DAY (FLASHBACK)\n\n', 'BACK TO PRESENT:', 'Cassie opens her eyes.',
  'Cassie wakes up.', 'Ramon, the student,', 'x', '.', 'and', '\n\nOWEN\n', 'Owen',
];

type Step =
  | { readonly kind: 'edit'; readonly chapter: number; readonly at: number; readonly length: number; readonly text: string }
  | { readonly kind: 'canon'; readonly pack: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({
    kind: fc.constant('edit' as const),
    chapter: fc.integer({ min: 0, max: 2 }),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 60 })),
    text: fc.oneof(fc.constant(''), fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 3 }).map((p) => p.join(''))),
  }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('canon' as const), pack: fc.integer({ min: 0, max: PACKS.length - 1 }) }) },
);

/**
 * What a chapter's check shows the writer and hands the next chapter, and the passages it read:
 * those the seam built (incremental/passage-reuse.ts) must be those built afresh (story/passages.ts).
 */
function seen(result: CheckResult): unknown {
  const { script } = result;
  return {
    findings: result.findings, endClock: script.endClock, sources: script.sources,
    passages: script.passages, places: { elements: [...script.places.elements], scenes: [...script.places.scenes] }, scenes: script.scenes,
  };
}

describe('the reuse seam', function () {
  this.timeout(180_000);
  // Three chapters of one story: the clock of each starts where the one before leaves it.
  const story = generateFanFiction(150, 11);
  const lines = story.split('\n');
  const third = Math.floor(lines.length / 3);
  const chapters = [lines.slice(0, third), lines.slice(third, 2 * third), lines.slice(2 * third)].map((l) => l.join('\n'));

  it('changes no finding: edits in any chapter and canon changes give what a check that keeps nothing gives', () => {
    fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 8 }), (steps: Step[]) => {
      const db = new Database();
      const documents = new Documents();
      const uris = chapters.map((_, i) => `file:///seam/chapter-${i + 1}.fountain`);
      const versions = uris.map(() => 1);
      uris.forEach((uri, i) => documents.open(uri, 'fountain', 1, chapters[i]));
      let pack = PACKS[0];
      const check = (): void => {
        const docs = uris.map((uri) => documents.get(uri)!.doc);
        const warm = checkStory(docs, pack, { db }, notCancelled).map(seen);
        const fresh = checkStory(docs, pack, { db: new Database({ reuse: false }) }, notCancelled).map(seen);
        assert.deepStrictEqual(warm, fresh);
      };
      check();
      for (const s of steps) {
        if (s.kind === 'canon') {
          pack = PACKS[s.pack];
        } else {
          const uri = uris[s.chapter];
          const text = documents.get(uri)!.text;
          const start = Math.floor(s.at * text.length);
          const end = Math.min(text.length, start + s.length);
          const position = (offset: number) => {
            const before = text.slice(0, offset).split('\n');
            return { line: before.length - 1, character: before[before.length - 1].length };
          };
          documents.change(uri, ++versions[s.chapter], [{ range: { start: position(start), end: position(end) }, text: s.text }]);
        }
        check();
      }
    }), { numRuns: 40 });
  });

  it('keeps nothing between checks when reuse is off', () => {
    const db = new Database({ reuse: false });
    const documents = new Documents();
    const uri = 'file:///seam/off.fountain';
    documents.open(uri, 'fountain', 1, chapters[0]);
    const [first] = checkStory([documents.get(uri)!.doc], builtin, { db }, notCancelled);
    documents.change(uri, 2, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'x' }]);
    const [second] = checkStory([documents.get(uri)!.doc], builtin, { db }, notCancelled);
    assert.equal(second.script.reused, undefined, 'nothing was taken from the check before');
    assert.equal(db.stats.walked, second.script.passages.length, 'the whole script was walked');
    assert.notEqual(first.script.cast, second.script.cast, 'not even the cast is kept');
    const doc = documents.get(uri)!.doc;
    assert.equal(db.passageBuilder(doc, second.script.cast, builtin, undefined), BUILD_AFRESH, 'passages are built afresh');
  });
});
