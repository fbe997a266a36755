import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { expect, test } from '@playwright/test';
import { codeServerRun, installedExtension, remote, repo, workbenchUrl } from './code-server';

/**
 * The mocha suite test/e2e/suite, run in the real extension host against the installed package:
 * the page URL's payload names the folder the .vsix was unpacked into as extensionDevelopmentPath
 * (it overrides the installed copy of the same id, which is that same folder) and the compiled suite
 * as extensionTestsPath. A file left out of the .vsix fails the run. The page stays open after the
 * tests, so the suite writes its result to a file and this spec polls for it.
 */
const run = codeServerRun();
interface MochaTest { readonly title: string; readonly state: 'passed' | 'failed' | 'pending'; readonly error?: string }

test.describe('code-server', () => {
  test('the .vsix installs with --install-extension', () => {
    const installed = installedExtension(run);
    expect(installed, `a canon-keeper.canon-keeper-* folder in ${run.extensions}`).toBeDefined();
    expect(fs.existsSync(path.join(installed!, 'package.json'))).toBe(true);
  });

  // Each mocha test is a step of this test, and scripts/e2e/playwright-reporter.js counts each step
  // as a check of its own; a mocha failure fails its step (softly, so that every step is reported).
  test('the mocha suite ran in the extension host and wrote its result', async ({ page }) => {
    test.info().annotations.push({ type: 'checks', description: 'each step is a check' });
    const suiteMs = Number(process.env.E2E_SUITE_TIMEOUT_MS ?? 600_000);
    test.setTimeout(suiteMs + 60_000);
    const installed = installedExtension(run);
    expect(installed, 'the installed extension').toBeDefined();
    const suite = path.join(repo, 'out', 'test', 'e2e', 'suite', 'index.js');
    expect(fs.existsSync(suite), `${suite} exists (the build compiles test/e2e)`).toBe(true);
    const consoleLines: string[] = [];
    page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
    try {
      await page.goto(workbenchUrl(run, [
        ['extensionDevelopmentPath', remote(run, installed!)],
        ['extensionTestsPath', remote(run, suite)],
      ]));
      await expect
        .poll(() => fs.existsSync(run.resultFile), { message: 'the suite writes its result', timeout: suiteMs, intervals: [250] })
        .toBe(true);
    } finally {
      fs.writeFileSync(path.join(run.artefacts, 'suite-page-console.log'), consoleLines.join('\n'));
      await page.screenshot({ path: path.join(run.artefacts, 'suite-end.png') }).catch(() => undefined);
    }
    const tests = (JSON.parse(fs.readFileSync(run.resultFile, 'utf8')) as { tests: MochaTest[] }).tests;
    expect(tests.length, 'tests the suite ran').toBeGreaterThan(0);
    for (const mocha of tests) {
      await test.step(`VS Code: ${mocha.title}`, async (step) => {
        step.skip(mocha.state === 'pending', 'pending');
        expect.soft(mocha.state, mocha.error ?? mocha.title).toBe('passed');
      });
    }
  });
});

test.describe('PDF', () => {
  test('the first pages of the exported PDF as pictures (pdftoppm)', () => {
    test.skip(spawnSync('pdftoppm', ['-v']).error !== undefined, 'pdftoppm (poppler-utils) is not installed');
    // The suite's Export PDF test wrote it.
    const pdf = path.join(run.workspace, 'desk', 'after-the-fall.pdf');
    expect(fs.existsSync(pdf), `${pdf} was written by the suite's Export PDF test`).toBe(true);
    for (const n of [1, 2]) {
      const out = path.join(run.artefacts, `pdf-page${n}`);
      const made = spawnSync('pdftoppm', ['-png', '-r', '60', '-f', String(n), '-l', String(n), '-singlefile', pdf, out], { encoding: 'utf8' });
      expect(made.status, `pdftoppm: ${made.error?.message ?? made.stderr}`).toBe(0);
    }
  });
});
