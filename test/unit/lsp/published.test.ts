import * as assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import type { Finding, Related, Severity } from '../../../server/core/finding';
import { LineIndex } from '../../../server/core/lines';
import { toDiagnostic } from '../../../server/protocol/diagnostics';
import { Published } from '../../../server/lsp/published';

const URI = 'file:///story/visiting-hours.fountain';
const TEXT = 'EXT. ROOF - NIGHT\n\nDelia pushes Cassie off the roof.\r\n\r\nINT. HOSPITAL - DAY\rCASSIE\nGet out.\n';
const LINES = new LineIndex(TEXT);

function coma(start: number, message = 'Cassie is in a coma here.'): Finding {
  return {
    ruleId: 'continuity.state-speaks', severity: 'warning', span: { start, end: start + 6 }, message,
    related: [{ span: { start: 19, end: 52 }, message: 'She fell here.' }],
  };
}

function sendIfChanged(published: Published, uri: string, findings: Finding[], lines = LINES): boolean {
  if (published.unchanged(uri, findings, lines)) return false;
  published.sent(uri, findings.map((f) => toDiagnostic(f, lines, uri, false)));
  return true;
}

describe('what the server last published', () => {
  const cue = TEXT.indexOf('CASSIE');

  it('sends a script\'s first list, and then only a list that differs from the one sent', () => {
    const published = new Published();
    assert.equal(sendIfChanged(published, URI, [coma(cue)]), true);
    assert.equal(sendIfChanged(published, URI, [coma(cue)]), false);
    assert.equal(sendIfChanged(published, 'file:///other.fountain', [coma(cue)]), true, 'each script has its own');
    assert.equal(sendIfChanged(published, URI, [coma(cue + 1)]), true);
    assert.equal(sendIfChanged(published, URI, [coma(cue)]), true, 'the list sent last counts, not an older one');
    assert.equal(sendIfChanged(published, URI, []), true);
    assert.equal(sendIfChanged(published, URI, []), false);
  });

  it('compares where findings stand in lines, not their offsets: a letter typed on another line moves none', () => {
    const published = new Published();
    sendIfChanged(published, URI, [coma(cue)]);
    const typed = `${TEXT.slice(0, 25)}x${TEXT.slice(25)}`;
    const after = new LineIndex(typed);
    const moved = { ...coma(cue + 1), related: [{ span: { start: 19, end: 53 }, message: 'She fell here.' }] };
    assert.equal(published.unchanged(URI, [moved], after), false, 'the related place on the typed line grew by a character');
    const typedElsewhere = `${TEXT.slice(0, 2)}x${TEXT.slice(2)}`;
    const shifted = { ...coma(cue + 1), related: [{ span: { start: 20, end: 53 }, message: 'She fell here.' }] };
    assert.equal(published.unchanged(URI, [shifted], new LineIndex(typedElsewhere)), true, 'typed on the heading line: every place is where it was');
  });

  it('sends the list again after the script was closed', () => {
    const published = new Published();
    sendIfChanged(published, URI, [coma(cue)]);
    published.forget(URI);
    assert.equal(sendIfChanged(published, URI, [coma(cue)]), true);
  });

  // Any two findings: the comparison agrees with writing both out as diagnostics and comparing those.
  const severity = fc.constantFrom<Severity>('error', 'warning', 'information', 'hint');
  const offset = fc.integer({ min: -2, max: TEXT.length + 3 });
  const span = fc.tuple(offset, offset).map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) }));
  const related: fc.Arbitrary<Related> = fc.record({ span, message: fc.constantFrom('She fell here.', 'Here.'), uri: fc.option(fc.constantFrom(URI, 'file:///b.fountain'), { nil: undefined }) }, { requiredKeys: ['span', 'message'] });
  const finding: fc.Arbitrary<Finding> = fc.record({
    ruleId: fc.constantFrom('continuity.state-speaks', 'names.near-miss'), severity, span, message: fc.constantFrom('In a coma.', 'Not her name.'),
    related: fc.option(fc.array(related, { maxLength: 2 }), { nil: undefined }),
  }, { requiredKeys: ['ruleId', 'severity', 'span', 'message'] });
  /** A finding and another one like it, the same or changed in one part, so that both answers come often. */
  const pair = fc.tuple(finding, finding, fc.integer({ min: 0, max: 9 }), related).map(([a, b, k, other]): [Finding, Finding] => {
    const parts: (keyof Finding)[] = ['ruleId', 'severity', 'span', 'message', 'related'];
    if (k < parts.length) return [a, { ...a, [parts[k]]: b[parts[k]] }];
    const first = a.related?.[0];
    if (!first || k > 7) return [a, a];
    // One part of the first related place: its document (absent means this one), its span, its message.
    const changed = [{ ...first, uri: other.uri }, { ...first, span: other.span }, { ...first, message: other.message }][k - parts.length];
    return [a, { ...a, related: [changed, ...(a.related ?? []).slice(1)] }];
  });

  it('takes findings for those sent exactly when their diagnostics are the same', () => {
    fc.assert(fc.property(fc.array(pair, { minLength: 1, maxLength: 3 }), (pairs) => {
      const published = new Published();
      const sent = pairs.map(([, b]) => b);
      const now = pairs.map(([a]) => a);
      const write = (findings: Finding[]) => findings.map((f) => toDiagnostic(f, LINES, URI, false));
      published.sent(URI, write(sent));
      assert.equal(published.unchanged(URI, now, LINES), isDeepStrictEqual(write(now), write(sent)));
    }), { numRuns: 2000 });
  });
});
