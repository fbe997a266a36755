import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

/**
 * The module VS Code loads as `extensionTestsPath`, in the real extension host: runs every
 * `*.test.js` beside it with mocha and writes what happened to a JSON file, because under
 * code-server nobody reads the extension host's console and the page stays open after the run.
 * The file's path comes from CANON_KEEPER_E2E_RESULT (set on code-server's or VS Code's
 * environment by the driver); the result is written once, complete, by a rename.
 */
export interface E2eTestResult {
  readonly title: string;
  readonly state: 'passed' | 'failed' | 'pending';
  readonly durationMs?: number;
  readonly error?: string;
}

export interface E2eRunResult {
  readonly passed: number;
  readonly failed: number;
  readonly pending: number;
  readonly tests: readonly E2eTestResult[];
}

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 90_000, color: false, reporter: 'spec' });
  for (const file of fs.readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  const tests: E2eTestResult[] = [];
  try {
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', (test) => tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration }));
      runner.on('fail', (test, error: Error) =>
        tests.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration, error: error?.message ?? String(error) }),
      );
      runner.on('pending', (test) => tests.push({ title: test.fullTitle(), state: 'pending' }));
    });
  } catch (error) {
    // A test file that does not load is a failure the driver must see, not a silent empty run.
    tests.push({ title: 'loading the end-to-end suite', state: 'failed', error: error instanceof Error ? error.stack ?? error.message : String(error) });
  }
  const result: E2eRunResult = {
    passed: tests.filter((t) => t.state === 'passed').length,
    failed: tests.filter((t) => t.state === 'failed').length,
    pending: tests.filter((t) => t.state === 'pending').length,
    tests,
  };
  writeResult(result);
  if (result.failed > 0) throw new Error(`${result.failed} end-to-end test(s) failed`);
}

function writeResult(result: E2eRunResult): void {
  const file = process.env.CANON_KEEPER_E2E_RESULT ?? path.resolve(__dirname, '../../../../.e2e/result.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(result, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}
