// One line per check in the run's results file, which scripts/e2e.sh counts for its closing line:
//   passed<TAB>title    failed<TAB>title<TAB>why    skipped<TAB>title<TAB>why
'use strict';
const fs = require('fs');

function record(state, title, why) {
  const oneLine = (text) => String(text ?? '').replace(/\s+/g, ' ').trim();
  const line = [state, oneLine(title), ...(why ? [oneLine(why)] : [])].join('\t');
  if (process.env.E2E_RESULTS) fs.appendFileSync(process.env.E2E_RESULTS, `${line}\n`);
  const mark = { passed: 'ok  ', failed: 'FAIL', skipped: 'skip' }[state] ?? state;
  console.log(`  ${mark} ${oneLine(title)}${why ? ` -- ${oneLine(why)}` : ''}`);
}

/** Runs one check, recording it as passed or failed; never throws. Returns whether it passed. */
async function check(title, body) {
  try {
    await body();
    record('passed', title);
    return true;
  } catch (error) {
    record('failed', title, error?.message ?? error);
    return false;
  }
}

module.exports = { record, check };

// From a shell: node scripts/e2e/results.js passed|failed|skipped "title" ["why"]
if (require.main === module) {
  const [state, title, why] = process.argv.slice(2);
  record(state, title, why);
}
