import * as assert from 'assert';
import { judge } from './compare';
import { CorpusSyntaxError, parseCorpusScript } from './expectations';

/** The harness measures the checker, so the harness itself must be right: these pin how it reads verdicts. */
describe('corpus verdict lines', () => {
  const source = [
    'INT. HOSPITAL - NIGHT',
    '',
    'CASSIE',
    '[[^ warning continuity.state-speaks]]',
    'Where am I?',
    '',
    'Neveah holds her hand.',
    '[[quiet: others may act near her]]',
    '[[canon: before Cassie wakes]]',
  ].join('\n');

  it('strips verdict lines and keeps every other line, notes included', () => {
    const script = parseCorpusScript(source);
    assert.strictEqual(
      script.text,
      ['INT. HOSPITAL - NIGHT', '', 'CASSIE', 'Where am I?', '', 'Neveah holds her hand.', '[[canon: before Cassie wakes]]'].join('\n'),
    );
    assert.deepStrictEqual(script.originalLines, [0, 1, 2, 4, 5, 6, 8]);
  });

  it('points each verdict at the nearest script line above', () => {
    const script = parseCorpusScript(source);
    assert.deepStrictEqual(script.expected, [{ line: 2, severity: 'warning', code: 'continuity.state-speaks', subtle: false }]);
    assert.deepStrictEqual(script.quiet, [{ line: 5, reason: 'others may act near her' }]);
  });

  it('lets verdicts stack under one line', () => {
    const script = parseCorpusScript('Bette Shore pushes Cassie off the roof.\n[[^ warning names.wrong-surname]]\n[[^ warning continuity.participant]]');
    assert.deepStrictEqual(script.expected.map((e) => [e.line, e.code]), [
      [0, 'names.wrong-surname'],
      [0, 'continuity.participant'],
    ]);
  });

  it('marks a subtle contradiction apart from a plain one', () => {
    const script = parseCorpusScript('She gets up.\n[[^ warning continuity.state-acts subtle]]\nCassie dies.\n[[^ warning continuity.never]]');
    assert.deepStrictEqual(script.expected.map((e) => [e.line, e.subtle]), [[0, true], [1, false]]);
  });

  it('points a verdict after one blank line at the paragraph above it', () => {
    const script = parseCorpusScript('Cassie dies.\n\n[[^ warning continuity.never]]');
    assert.deepStrictEqual(script.expected.map((e) => e.line), [0]);
  });

  it('refuses a verdict under two blank lines, or a malformed verdict', () => {
    assert.throws(() => parseCorpusScript('Cassie dies.\n\n\n[[^ warning continuity.never]]'), CorpusSyntaxError);
    assert.throws(() => parseCorpusScript('\n[[^ warning continuity.never]]'), CorpusSyntaxError);
    assert.throws(() => parseCorpusScript('Cassie dies.\n[[^ warnin continuity.never]]'), CorpusSyntaxError);
    assert.throws(() => parseCorpusScript('Cassie dies.\n[[quiet:]]'), CorpusSyntaxError);
  });

  it('reads a quiet note on a line that also expects a warning as a comment: the expectation stands', () => {
    const script = parseCorpusScript('Cassie dies.\n[[^ warning continuity.never]]\n[[quiet: the rest of the line is right]]');
    assert.deepStrictEqual(script.expected.map((e) => [e.line, e.code]), [[0, 'continuity.never']]);
    assert.deepStrictEqual(script.quiet, []);
  });

  it('judges false negatives, false positives and traps separately, ignoring non-canon codes', () => {
    const script = parseCorpusScript(source);
    const verdict = judge(script, [
      { line: 5, severity: 'warning', code: 'continuity.state-acts', message: 'acts' },
      { line: 5, severity: 'warning', code: 'continuity.state-acts', message: 'acts again' },
      { line: 0, severity: 'information', code: 'fountain.style', message: 'not judged here' },
    ]);
    assert.deepStrictEqual(verdict.missed.map((f) => f.code), ['continuity.state-speaks']);
    assert.deepStrictEqual(verdict.unexpected.map((f) => [f.line, f.code]), [[5, 'continuity.state-acts']]);
    assert.strictEqual(verdict.quietBroken.length, 1);
    assert.strictEqual(verdict.quietKept.length, 0);
  });

  it('counts a finding with the right code but the wrong severity as both missed and unexpected', () => {
    const script = parseCorpusScript('CASSIE\n[[^ hint continuity.state-speaks]]\nHi.');
    const verdict = judge(script, [{ line: 0, severity: 'warning', code: 'continuity.state-speaks', message: '' }]);
    assert.strictEqual(verdict.missed.length, 1);
    assert.strictEqual(verdict.unexpected.length, 1);
  });
});
