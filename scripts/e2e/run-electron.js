#!/usr/bin/env node
// The same mocha suite (test/e2e/suite) through @vscode/test-electron, for machines where a VS Code
// build exists: VSCODE_EXECUTABLE names it (test-electron cannot download one here). Used by e2e.sh
// only when that variable is set.
//
//   VSCODE_EXECUTABLE=/path/to/code node scripts/e2e/run-electron.js --vsix canon-keeper.vsix --work DIR
//
// As with code-server, the extension under test is the package: the .vsix is unzipped (it is a zip
// whose extension/ folder is what VS Code installs) and that folder is the extensionDevelopmentPath.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { runTests } = require('@vscode/test-electron');
const { record } = require('./results');

const repo = path.resolve(__dirname, '..', '..');

async function main() {
  const args = process.argv.slice(2);
  const opt = (name) => args[args.indexOf(`--${name}`) + 1];
  const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE;
  if (!vscodeExecutablePath) throw new Error('VSCODE_EXECUTABLE is not set');
  const work = path.resolve(opt('work'));
  const unpacked = path.join(work, 'vsix');
  fs.mkdirSync(unpacked, { recursive: true });
  const unzip = spawnSync('unzip', ['-q', '-o', path.resolve(opt('vsix')), '-d', unpacked], { encoding: 'utf8' });
  if (unzip.status !== 0) throw new Error(`unzip failed: ${unzip.stderr}`);
  const workspace = path.join(work, 'workspace');
  fs.cpSync(path.join(repo, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  const resultFile = path.join(work, 'suite-result.json');
  process.env.CANON_KEEPER_E2E_RESULT = resultFile;

  let exitCode;
  try {
    exitCode = await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: path.join(unpacked, 'extension'),
      extensionTestsPath: path.join(repo, 'out', 'test', 'e2e', 'suite', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', path.join(work, 'user'),
        '--extensions-dir', path.join(work, 'extensions')],
      extensionTestsEnv: { CANON_KEEPER_E2E_RESULT: resultFile },
    });
  } catch (error) {
    exitCode = error;
  }
  if (!fs.existsSync(resultFile)) throw new Error(`VS Code ended (${exitCode}) without the suite's result`);
  const result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  for (const test of result.tests) record(test.state === 'pending' ? 'skipped' : test.state, `VS Code (electron): ${test.title}`, test.error);
}

main().catch((error) => {
  record('failed', 'VS Code (electron): the run could be carried out', error?.message ?? error);
  process.exitCode = 1;
});
