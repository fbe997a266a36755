import * as assert from 'assert';
import type { Diagnostic } from 'vscode-languageserver';
import { Published, sameJson } from '../../../server/lsp/published';

function warning(line: number, character: number, message = 'Cassie is in a coma here.'): Diagnostic {
  return {
    range: { start: { line, character }, end: { line, character: character + 6 } },
    severity: 2, code: 'continuity.state-speaks', source: 'canon-keeper', message,
    relatedInformation: [{ location: { uri: 'file:///a.fountain', range: { start: { line: 5, character: 0 }, end: { line: 5, character: 33 } } }, message: 'She fell here.' }],
  };
}

describe('what the server last published', () => {
  it('sends a script\'s first list, and then only a list that differs from the one sent', () => {
    const published = new Published();
    assert.strictEqual(published.differs('a', [warning(11, 0)]), true);
    assert.strictEqual(published.differs('a', [warning(11, 0)]), false);
    assert.strictEqual(published.differs('b', [warning(11, 0)]), true, 'each script has its own');
    assert.strictEqual(published.differs('a', [warning(12, 0)]), true);
    assert.strictEqual(published.differs('a', [warning(11, 0)]), true, 'the list sent last counts, not an older one');
    assert.strictEqual(published.differs('a', []), true);
    assert.strictEqual(published.differs('a', []), false);
  });

  it('sends the list again after the script was closed', () => {
    const published = new Published();
    published.differs('a', [warning(11, 0)]);
    published.forget('a');
    assert.strictEqual(published.differs('a', [warning(11, 0)]), true);
  });

  it('tells apart lists that differ in any field, however deep', () => {
    const base = warning(11, 0);
    const related = warning(11, 0);
    (related.relatedInformation as { location: { range: { start: { character: number } } } }[])[0].location.range.start.character = 9;
    const variants: Diagnostic[][] = [
      [warning(11, 1)], [warning(11, 0, 'Cassie speaks in her coma.')], [{ ...base, severity: 1 }], [{ ...base, code: 'names.near-miss' }],
      [related], [{ ...base, relatedInformation: undefined }], [{ ...base, data: { fixes: [] } }], [base, base], [],
    ];
    for (const variant of variants) assert.strictEqual(sameJson([base], variant), false, JSON.stringify(variant));
    assert.strictEqual(sameJson([base], [warning(11, 0)]), true);
  });

  it('reads a field left undefined as absent, as JSON does', () => {
    assert.strictEqual(sameJson({ a: 1, b: undefined }, { a: 1 }), true);
    assert.strictEqual(sameJson({ a: 1 }, { a: 1, b: undefined }), true);
    assert.strictEqual(sameJson({ a: 1 }, { a: 1, b: null }), false);
    assert.strictEqual(sameJson([1, 2], { 0: 1, 1: 2 }), false);
    assert.strictEqual(sameJson({ 0: 1, 1: 2 }, [1, 2]), false);
  });
});
