// The Playwright reporter of test/e2e/playwright.config.ts: one line per check in $E2E_RESULTS
// (see results.js), which e2e.sh counts for its closing line, and one line on the console.
//
// A check is a test, titled by its describe blocks and its own title ("Browser: the Problems panel
// lists ..."). A test annotated `checks` (the extension-host suite) also counts each of its steps as a
// check: every mocha test is one step. The test itself then stands for what happened outside its
// steps (the suite ran and wrote its result), so a failed step fails the step, not both.
// An error outside every test (code-server did not start, the global time bound) is a failed check.
'use strict';
const { record } = require('./results');

const plain = (text) => String(text ?? '').replace(/\u001b\[[0-9;]*m/g, '');
const skipReason = (annotations) => annotations?.find((a) => a.type === 'skip')?.description ?? 'skipped';

function title(test) {
  const titles = [test.title];
  for (let suite = test.parent; suite && suite.type === 'describe'; suite = suite.parent) titles.unshift(suite.title);
  return titles.join(': ');
}

class ResultsReporter {
  printsToStdio() {
    return true;
  }

  onBegin(config, suite) {
    console.log(`  ${suite.allTests().length} Playwright tests in ${config.rootDir}`);
  }

  onStdErr(chunk, test) {
    // The web server's complaints and the tests' own; the rest is in the report.
    if (!test) process.stderr.write(plain(chunk));
  }

  onTestEnd(test, result) {
    const checkedSteps = test.annotations.some((a) => a.type === 'checks')
      ? result.steps.filter((step) => step.category === 'test.step')
      : [];
    for (const step of checkedSteps) {
      if (step.annotations?.some((a) => a.type === 'skip')) record('skipped', step.title, skipReason(step.annotations));
      else if (step.error) record('failed', step.title, plain(step.error.message));
      else record('passed', step.title);
    }
    const stepErrors = new Set(checkedSteps.filter((s) => s.error).map((s) => plain(s.error.message)));
    const ownErrors = result.errors.filter((e) => !stepErrors.has(plain(e.message)));
    if (result.status === 'skipped') record('skipped', title(test), skipReason(result.annotations ?? test.annotations));
    else if (result.status === 'passed' || (ownErrors.length === 0 && checkedSteps.length > 0)) record('passed', title(test));
    else record('failed', title(test), `${result.status}: ${plain(ownErrors[0]?.message ?? result.error?.message)}`);
  }

  onError(error) {
    record('failed', 'code-server: the run could be carried out', plain(error.message ?? error.value));
  }

  onEnd(result) {
    if (result.status === 'timedout') record('failed', 'code-server: the run ends within its global time bound', 'globalTimeout in test/e2e/playwright.config.ts');
    if (result.status === 'interrupted') record('failed', 'code-server: the run was not interrupted', 'interrupted');
  }
}

module.exports = ResultsReporter;
