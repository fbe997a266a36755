import * as assert from 'assert';
import { loadPack } from '../../../server/core/canon/load';
import { notCancelled } from '../../../server/core/cancellation';
import { checkScript } from '../../../server/core/check';
import { Database } from '../../../server/core/incremental/database';
import { parse } from '../../../server/core/fountain/parse';
import { Documents } from '../../../server/lsp/documents';
import { checkFountain } from '../../support/check';

/**
 * Roles held from one event until another, as a pack says them: a small pack of its own (a kingdom
 * with a succession and a school with a graduation, not the built-in canon), checked the way the
 * CLI and the server check.
 */
const PACK = `
canon: 1
id: succession
name: The Succession
characters:
  - id: aldric
    name: Aldric Vane
    pronouns: he/him
    roles: [{ role: king, until: aldric-dies }]
  - id: bors
    name: Bors Vane
    pronouns: he/him
    roles:
      - { role: king, from: aldric-dies }
      - { role: student, until: graduation }
      - { role: graduate, from: graduation }
  - id: cedric
    name: Cedric Holt
    pronouns: he/him
roles:
  - id: king
    exclusive: true
  - id: student
    conflicts: [graduate]
  - id: graduate
events:
  - id: graduation
    name: Bors graduates
    phrasings: ["{bors} graduate"]
  - id: aldric-dies
    name: Aldric dies
    phrasings: ["{aldric} die"]
`;

const pack = (() => {
  const result = loadPack(PACK, 'succession.canon.yaml', () => undefined);
  assert.deepStrictEqual(result.problems, []);
  return result.pack!;
})();

const codes = (lines: readonly string[]): string[] =>
  checkFountain(['INT. HALL - DAY', '', ...lines.flatMap((l) => [l, ''])].join('\n'), { pack })
    .filter((f) => f.code === 'continuity.role').map((f) => `${f.line}: ${f.message.replace(/ Canon.*/, '')}`);

describe('roles over time', () => {
  it('reads from and until into the model', () => {
    const bors = pack.characters.find((c) => c.id === 'bors')!;
    assert.deepStrictEqual(bors.roles.map((r) => [r.role, r.from, r.until]),
      [['king', 'aldric-dies', undefined], ['student', undefined, 'graduation'], ['graduate', 'graduation', undefined]]);
  });

  it('judges a timed role nowhere the clock is unknown', () => {
    assert.deepStrictEqual(codes(['Bors, the king, frowns.', 'Aldric, the king, frowns.', 'Cedric, the king, frowns.']), []);
  });

  it('knows who holds an exclusive role before and after the event that passes it on', () => {
    assert.deepStrictEqual(codes(['Bors graduates.', 'Cedric, the king, frowns.', 'Aldric dies.', 'Cedric, the king, frowns.']), [
      '4: In canon the king is Aldric Vane, not Cedric.',
      '8: In canon the king is Bors Vane, not Cedric.',
    ]);
  });

  it('warns where a holder is given the role outside the time they hold it', () => {
    assert.deepStrictEqual(codes(['Bors graduates.', 'Bors, the king, frowns.', 'Aldric dies.', 'Bors, the king, smiles.', 'Aldric, the king, sleeps.']), [
      '4: In canon Bors is a king only from Aldric dies.',
      '10: In canon Aldric is a king only until Aldric dies.',
    ]);
  });

  it('reads a role conflict only where the conflicting claim holds: a student until graduation', () => {
    assert.deepStrictEqual(codes(['Bors, a graduate, waits.']), []);
    assert.deepStrictEqual(codes(['Bors graduates.', 'Bors, a student, waits.']), ['4: In canon Bors is a student only until Bors graduates.']);
    assert.deepStrictEqual(codes(['Bors graduates.', 'Bors, a graduate, waits.']), []);
  });

  it('leaves a role spoken of at another time alone', () => {
    assert.deepStrictEqual(codes(['Bors graduates.', 'Bors, the future king, waits.']), []);
  });

  it('reports a role that ends before it begins, and an exclusive role held by two at once', () => {
    const broken = PACK.replace('{ role: king, from: aldric-dies }', '{ role: king, from: aldric-dies, until: graduation }')
      .replace('roles: [{ role: king, until: aldric-dies }]', 'roles: [king]');
    const problems = loadPack(broken, 'succession.canon.yaml', () => undefined).problems.map((p) => `${p.severity} ${p.span.start} ${p.message}`);
    const at = broken.indexOf('{ role: king, from');
    assert.deepStrictEqual(problems, [`error ${at} character 'bors': role 'king' ends at 'graduation', which is not after 'aldric-dies' where it begins`]);
    const twice = PACK.replace('roles: [{ role: king, until: aldric-dies }]', 'roles: [king]');
    const warnings = loadPack(twice, 'succession.canon.yaml', () => undefined).problems.map((p) => `${p.severity} ${p.span.start} ${p.message}`);
    assert.deepStrictEqual(warnings, [`warning ${twice.indexOf('{ role: king, from')} role 'king' is exclusive, but 'aldric' and 'bors' hold it at the same time: say when each holds it with 'from:' and 'until:' (event ids)`]);
  });

  it('reports a claim that names no event', () => {
    const wrong = PACK.replace('from: aldric-dies }', 'from: aldric-die }');
    const problems = loadPack(wrong, 'succession.canon.yaml', () => undefined).problems;
    assert.deepStrictEqual(problems.map((p) => [p.severity, p.span.start, p.message]),
      [['error', wrong.indexOf('aldric-die }'), "character 'bors' names unknown event 'aldric-die' — did you mean 'aldric-dies'?"]]);
  });

  it('gives after an edit what a fresh check gives, the clock before a role changed or not', () => {
    const text = ['INT. HALL - DAY', '', 'Bors graduates.', '', 'INT. YARD - DAY', '', 'Cedric waits.', '',
      'INT. THRONE ROOM - DAY', '', 'Cedric, the king, frowns.', ''].join('\n');
    const documents = new Documents();
    const db = new Database();
    const uri = 'file:///roles.fountain';
    documents.open(uri, 'fountain', 1, text);
    const roles = (findings: readonly { ruleId: string; span: { start: number }; message: string }[]): string[] =>
      findings.filter((f) => f.ruleId === 'continuity.role').map((f) => `${f.span.start} ${f.message}`);
    const first = roles(checkScript(documents.get(uri)!.doc, pack, { db }, notCancelled).findings);
    assert.strictEqual(first.length, 1);
    // An edit that leaves the clock as it was, then one that moves it: each as a fresh check says.
    const edits = [{ line: 6, text: 'Cedric waits and waits.' }, { line: 6, text: 'Aldric dies.' }, { line: 2, text: 'Bors sleeps.' }];
    let version = 1;
    for (const edit of edits) {
      const open = documents.change(uri, ++version, [{ range: { start: { line: edit.line, character: 0 }, end: { line: edit.line, character: 100 } }, text: edit.text }])!;
      const warm = roles(checkScript(open.doc, pack, { db }, notCancelled).findings);
      assert.deepStrictEqual(warm, roles(checkScript(parse(open.text), structuredClone(pack), {}, notCancelled).findings), edit.text);
    }
  });
});
