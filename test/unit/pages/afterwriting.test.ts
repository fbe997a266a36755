import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from '../../../server/core/fountain/parse';
import { paginate } from '../../../server/core/pages/paginate-script';
import { repoRoot, sharedFountain, skipWithoutShared } from '../fountain/sharedData';
import { pdfPages, skipWithoutPoppler } from './poppler';

const SAMPLES = path.join(sharedFountain, 'samples');

function afterwritingCli(): string | undefined {
  const cli = path.join(repoRoot, 'node_modules', 'afterwriting', 'awc.js');
  return fs.existsSync(cli) ? cli : undefined;
}

// Page counts against afterwriting's on US Letter (its "usletter" profile), the paper this
// paginator prints on by default; docs/pages.md has the table for both papers and why they differ.
describe('page counts against afterwriting', function () {
  this.timeout(600_000);

  it('is within 3% of afterwriting on each of the nine samples, on Letter', function () {
    skipWithoutShared(this);
    const cli = afterwritingCli();
    if (!cli) {
      console.log('      (skipped: afterwriting is not installed; it is a devDependency: npm ci)');
      this.skip();
    }
    skipWithoutPoppler(this);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-aw-'));
    const config = path.join(out, 'letter.json');
    fs.writeFileSync(config, JSON.stringify({ print_profile: 'usletter' }));
    const rows: string[] = [];
    for (const name of fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.fountain')).sort()) {
      const source = path.join(SAMPLES, name);
      const pdf = path.join(out, name + '.pdf');
      execFileSync(process.execPath, [cli!, '--source', source, '--pdf', pdf, '--config', config], { stdio: 'ignore', timeout: 120_000 });
      const theirs = pdfPages(pdf);
      const ours = paginate(parse(fs.readFileSync(source, 'utf8')), { paper: 'letter' }).pages.length;
      rows.push(`${name}: ${ours} vs ${theirs}`);
      assert.ok(Math.abs(ours - theirs) <= theirs * 0.03, `${name}: ${ours} pages, afterwriting ${theirs}`);
    }
    assert.equal(rows.length, 9, rows.join('\n'));
  });
});
