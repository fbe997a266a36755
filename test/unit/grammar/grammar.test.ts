import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { repoRoot } from './repo';

// Runs the scope assertions in test/grammar with vscode-tmgrammar-test, so that `npm test` covers the grammar.
describe('syntaxes/fountain.tmLanguage.json', () => {
  it('passes the scope assertions in test/grammar', function () {
    this.timeout(60_000);
    const cli = path.join(repoRoot, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js');
    const run = spawnSync(process.execPath, [cli, '--compact', 'test/grammar/*.test.fountain'], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 55_000,
    });
    assert.strictEqual(run.status, 0, `${run.stdout}\n${run.stderr}`);
  });
});
