import * as assert from 'node:assert/strict';
import { notCancelled } from '../../../server/core/cancellation';
import type { Finding, Fix } from '../../../server/core/finding';
import { checkRule } from '../../../server/core/incremental/rule-memo';
import { rule } from '../../../server/core/rules/names-near-miss';
import { lines, scriptOf, textOf } from './support';

const SCENE = ['INT. ARCHER SCHOOL - STUDIO A - DAY', '', 'DELLIA', 'You look tired.', ''];

function findings(text: string): Finding[] {
  return checkRule(rule, scriptOf(text), notCancelled);
}

function keepFix(text: string, written: string): Fix {
  const finding = findings(text).find((f) => textOf(text, f.span) === written);
  assert.ok(finding, `a near-miss on ${written}`);
  const fix = finding.fixes?.find((f) => f.title.startsWith('Keep this spelling'));
  assert.ok(fix, 'a Keep this spelling fix');
  return fix;
}

function applied(text: string, fix: Fix): string {
  return [...fix.edits].sort((a, b) => b.span.start - a.span.start)
    .reduce((t, edit) => t.slice(0, edit.span.start) + edit.newText + t.slice(edit.span.end), text);
}

describe('Keep this spelling (names.near-miss quick fix)', () => {
  it('says where it records the spelling', () => {
    const fix = keepFix(lines(...SCENE), 'DELLIA');
    assert.equal(fix.title, 'Keep this spelling: add ‘DELLIA’ to Spellings: on the title page');
    assert.notEqual(fix.preferred, true, 'correcting the name stays the preferred fix');
  });

  it('starts a title page where there is none, and the warning stops', () => {
    const text = lines(...SCENE);
    const fixed = applied(text, keepFix(text, 'DELLIA'));
    assert.ok(fixed.startsWith('Spellings: DELLIA\n\nINT. ARCHER SCHOOL'), fixed);
    assert.deepEqual(findings(fixed), []);
  });

  it('adds a Spellings: line to a title page without one', () => {
    const text = lines('Title: Second Position', 'Canon: compliant', '', ...SCENE);
    const fixed = applied(text, keepFix(text, 'DELLIA'));
    assert.ok(fixed.startsWith('Title: Second Position\nCanon: compliant\nSpellings: DELLIA\n\n'), fixed);
    assert.deepEqual(findings(fixed), []);
    assert.equal(scriptOf(fixed).conventions.mode, 'compliant');
  });

  it('adds to the names Spellings: already keeps, whatever their case', () => {
    const text = lines('Title: Second Position', 'Spellings: Ramone', '', ...SCENE, 'RAMONE', 'Again.', '', 'Dellia sighs.');
    assert.deepEqual(findings(text).map((f) => textOf(text, f.span)), ['DELLIA', 'Dellia']);
    const fixed = applied(text, keepFix(text, 'DELLIA'));
    assert.ok(fixed.startsWith('Title: Second Position\nSpellings: Ramone, DELLIA\n\n'), fixed);
    assert.deepEqual(findings(fixed), []);
  });
});
