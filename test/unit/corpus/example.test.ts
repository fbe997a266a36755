import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { checkFountain, CheckedFinding } from '../../support/check';
import { isCanonFinding } from './compare';

/**
 * The bundled example is what a new user opens first, so it carries no verdict lines. Its verdicts
 * live here instead, as data: the line (1-based, as the editor's gutter shows it), a piece of that
 * line's text so an edit to the example that shifts lines fails loudly, and the rule expected there.
 * Every other line, including the traps listed below, must stay quiet.
 */
const expected: readonly { line: number; text: string; code: string }[] = [
  { line: 44, text: 'CASSIE', code: 'continuity.state-speaks' },
  { line: 47, text: 'Cassie reaches out', code: 'continuity.state-acts' },
  { line: 68, text: 'Nevaeh', code: 'names.near-miss' },
  { line: 70, text: 'Ramon, a senior student', code: 'continuity.role' },
  { line: 72, text: "Delia's older sister Bette", code: 'continuity.family' },
  { line: 78, text: 'Ramon pushed Cassie', code: 'continuity.participant' },
  { line: 80, text: 'Ramon has never been with Delia', code: 'continuity.relationship' },
  { line: 84, text: 'Bette Shore', code: 'names.wrong-surname' },
  { line: 98, text: 'Cassie dies', code: 'continuity.never' },
  { line: 104, text: 'The fingerprints reveal', code: 'continuity.event-order' },
];

/** Lines written to tempt a careless checker; listed so a reader of this test knows they are deliberate. */
const traps: readonly { line: number; text: string; why: string }[] = [
  { line: 15, text: 'CASSIE', why: 'Cassie speaks before the fall' },
  { line: 21, text: 'CASSIE', why: 'Cassie speaks before the fall' },
  { line: 25, text: 'Delia pushes Cassie off the roof.', why: 'the canon fall, which starts the coma' },
  { line: 33, text: 'KAI', why: 'an original character' },
  { line: 34, text: 'Neveah did it', why: 'a belief in dialogue' },
  { line: 42, text: "Cassie doesn't move.", why: 'a negated action' },
  { line: 49, text: "Cassie's hands lie still", why: 'lying still is what the coma allows' },
  { line: 55, text: 'Bette shoves Cassie off the roof.', why: 'a flashback re-showing the fall differently' },
  { line: 59, text: 'Bette wakes in the chair', why: 'Bette waking is not Cassie waking' },
  { line: 63, text: 'the acting director', why: "Monique's canon role" },
  { line: 94, text: 'pulls the plug', why: 'the canon order: the plug after the fall' },
];

const check: (text: string) => readonly CheckedFinding[] = checkFountain;

const examplePath = path.resolve(__dirname, '..', '..', '..', '..', 'examples', 'after-the-fall.fountain');

describe('examples/after-the-fall.fountain', () => {
  const text = fs.readFileSync(examplePath, 'utf8');
  const lines = text.split(/\r\n|\r|\n/);

  it('still has the lines this test points at', () => {
    for (const { line, text: snippet } of [...expected, ...traps]) {
      assert.ok(lines[line - 1]?.includes(snippet), `line ${line} should contain "${snippet}" but is "${lines[line - 1]}"`);
    }
  });

  it('has no verdict lines: it is what users read', () => {
    assert.ok(!/\[\[(\^|quiet:)/.test(text));
  });

  it('gets exactly the expected warnings, each on its line', () => {
    const actual = check(text)
      .filter((f) => isCanonFinding(f.code))
      .map((f) => `${f.line + 1} ${f.severity} ${f.code}`);
    const unique = [...new Set(actual)].sort(byLine);
    const wanted = expected.map((e) => `${e.line} warning ${e.code}`).sort(byLine);
    assert.deepStrictEqual(unique, wanted);
  });

  it('shows every canon rule at least once', () => {
    const codes = new Set(expected.map((e) => e.code));
    for (const code of [
      'continuity.state-speaks',
      'continuity.state-acts',
      'continuity.participant',
      'continuity.never',
      'continuity.family',
      'continuity.relationship',
      'continuity.role',
      'continuity.event-order',
      'names.near-miss',
      'names.wrong-surname',
    ]) {
      assert.ok(codes.has(code), `the example shows no ${code}`);
    }
  });
});

function byLine(a: string, b: string): number {
  return parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b);
}
