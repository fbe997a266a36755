import * as assert from 'node:assert/strict';
import { notCancelled } from '../../../server/core/cancellation';
import { checkScript } from '../../../server/core/check';
import { parse } from '../../../server/core/fountain/parse';
import * as fs from 'fs';
import * as path from 'path';
import { absolute, baseOffset, type PassageBase, type PassageSpan, type RelOffset, type Span } from '../../../server/core/span';
import { ROOT, sourceFiles } from './import-graph';
import { at, baseOf } from '../../../server/core/story/script';
import { builtinPack } from '../../../server/host/builtin';

/**
 * Offsets read from a passage count from the passage's start (a PassageSpan, a RelOffset), so that
 * a passage an edit before it moved reads the same; offsets of the document (a Span, an AbsOffset)
 * count from its start. The two are different types: `at` (a span) and `absolute` (one offset) turn
 * one into the other, a passage's start (PassageBase) is no number to add by hand, and the build
 * (this file included) fails where one is passed for the other.
 */
function documentSpan(span: Span): Span {
  return span;
}

function passageSpan(span: PassageSpan): PassageSpan {
  return span;
}

describe('offsets', () => {
  it('of a passage and of the document are not mixed by accident', () => {
    const inPassage = { start: 0, end: 6 } as PassageSpan;
    const inDocument: Span = { start: 40, end: 46 };
    // @ts-expect-error a span of a passage is not a span of the document
    documentSpan(inPassage);
    // @ts-expect-error nor the other way round
    passageSpan(inDocument);
    assert.ok(documentSpan(inDocument) && passageSpan(inPassage));
  });

  it('of a passage become the document\'s through `at`, which adds where the passage starts', () => {
    const text = 'INT. STUDIO - DAY\n\nMonique watches Cassie.\n';
    const script = checkScript(parse(text), builtinPack(), {}, notCancelled).script;
    const action = script.passages.findIndex((p) => p.kind === 'action');
    const mention = script.passages[action].mentions.find((m) => m.characterId === 'cassie')!;
    const span = at(script, action, mention);
    assert.equal(span.start, absolute(baseOf(script, action), mention.start));
    assert.equal(span.start, baseOffset(baseOf(script, action)) + mention.start);
    assert.equal(text.slice(span.start, span.end), 'Cassie');
  });

  it('of a passage are placed in the document by `absolute` only, never by adding its start by hand', () => {
    const base = 40 as unknown as PassageBase;
    const offset = 3 as RelOffset;
    // @ts-expect-error a passage's start is no number: a rule cannot add it to an offset itself
    const byHand: number = base + offset;
    // @ts-expect-error nor take an offset of the document for one of a passage
    const mixed: RelOffset = 43;
    assert.equal(absolute(base, offset), 43);
    assert.ok(byHand === 43 && mixed === 43);
  });

  it('are read as numbers from a passage\'s start only behind the seam, never in a rule', () => {
    // baseOffset is for the code that places and moves passages (incremental/, the clock's sources).
    const rules = sourceFiles('server/core/rules').filter((f) => /\bbaseOffset\b/.test(fs.readFileSync(path.join(ROOT, f), 'utf8')));
    assert.deepEqual(rules, []);
  });
});
