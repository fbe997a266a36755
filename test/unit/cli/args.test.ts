import * as assert from 'assert';
import { parseArgs, UsageError } from '../../../server/cli/args';

describe('the command line’s arguments', () => {
  it('reads every documented flag, repeated ones in order, in either spelling', () => {
    const options = parseArgs(['check', '--canon', 'a.canon.yaml', '--canon=b.canon.yaml', '--story', '--format=sarif', '--severity', 'names.near-miss=off', 'x.fountain', 'story/']);
    assert.deepStrictEqual(options, {
      command: 'check', format: 'sarif', canon: ['a.canon.yaml', 'b.canon.yaml'], story: true,
      severities: { 'names.near-miss': 'off' }, files: ['x.fountain', 'story/'],
    });
  });

  it('defaults to text for check and json for parse', () => {
    assert.strictEqual(parseArgs(['check', 'x.fountain']).format, 'text');
    assert.strictEqual(parseArgs(['parse', 'x.fountain']).format, 'json');
  });

  it('answers help and version wherever they are asked', () => {
    for (const argv of [[], ['help'], ['--help'], ['-h'], ['check', '--help']]) assert.strictEqual(parseArgs(argv).command, 'help', argv.join(' '));
    for (const argv of [['--version'], ['-v']]) assert.strictEqual(parseArgs(argv).command, 'version', argv.join(' '));
  });

  it('says clearly what is wrong with bad usage', () => {
    const cases: [string[], RegExp][] = [
      [['frobnicate', 'x'], /unknown command “frobnicate”/],
      [['check'], /check needs at least one file/],
      [['check', '--bogus', 'x'], /unknown option “--bogus”/],
      [['check', 'x', '--format'], /--format needs a value/],
      [['check', '--format=', 'x'], /--format needs a value/],
      [['check', '--format', 'xml', 'x'], /--format must be text, json or sarif, not “xml”/],
      [['parse', '--format', 'text', 'x'], /parse prints json only/],
      [['check', '--severity', 'names.near-miss=loud', 'x'], /--severity takes RULE=LEVEL/],
      [['check', 'x', '--canon'], /--canon needs a value/],
    ];
    for (const [argv, message] of cases) assert.throws(() => parseArgs(argv), (e: unknown) => e instanceof UsageError && message.test(e.message), argv.join(' '));
  });
});
