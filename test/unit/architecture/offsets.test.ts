import * as assert from 'node:assert/strict';
import { notCancelled } from '../../../server/core/cancellation';
import { checkScript } from '../../../server/core/check';
import { parse } from '../../../server/core/fountain/parse';
import type { PassageSpan, Span } from '../../../server/core/span';
import { at, baseOf } from '../../../server/core/story/script';
import { builtinPack } from '../../../server/host/builtin';

/**
 * Offsets read from a passage count from the passage's start (a PassageSpan), so that a passage an
 * edit before it moved reads the same; offsets of the document (a Span) count from its start. The
 * two are different types: `at` turns one into the other, and the build (this file included)
 * fails where one is passed for the other.
 */
function documentSpan(span: Span): Span {
  return span;
}

function passageSpan(span: PassageSpan): PassageSpan {
  return span;
}

describe('offsets', () => {
  it('of a passage and of the document are not mixed by accident', () => {
    const inPassage: PassageSpan = { start: 0, end: 6 };
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
    assert.equal(span.start, baseOf(script, action) + mention.start);
    assert.equal(text.slice(span.start, span.end), 'Cassie');
  });
});
