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

/**
 * afterwriting's own count for one sample on one paper ("a4" is its default profile, "usletter" the
 * other), from the PDF it writes.
 */
function theirPages(cli: string, source: string, profile: 'a4' | 'usletter', out: string): number {
  const config = path.join(out, `${profile}.json`);
  fs.writeFileSync(config, JSON.stringify({ print_profile: profile }));
  const pdf = path.join(out, `${path.basename(source)}.${profile}.pdf`);
  execFileSync(process.execPath, [cli, '--source', source, '--pdf', pdf, '--config', config], { stdio: 'ignore', timeout: 120_000 });
  return pdfPages(pdf);
}

/**
 * The one known difference (docs/pages.md): afterwriting keeps a line's trailing space, and where
 * that space falls at the wrap point it prints an empty line. printing-trouble has one such line on
 * A4, which moves its last page break: afterwriting 12 pages, here 11.
 */
const KNOWN: Readonly<Record<string, number>> = { 'printing-trouble.fountain/a4': -1 };

// Page counts against afterwriting's on both papers; docs/pages.md has the table.
describe('page counts against afterwriting', function () {
  this.timeout(600_000);

  for (const paper of ['letter', 'a4'] as const) {
    it(`is within 3% of afterwriting on each of the nine samples on ${paper === 'a4' ? 'A4' : 'Letter'}`, function () {
      skipWithoutShared(this);
      const cli = afterwritingCli();
      if (!cli) {
        console.log('      (skipped: afterwriting is not installed; it is a devDependency: npm ci)');
        this.skip();
      }
      skipWithoutPoppler(this);
      const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-aw-'));
      const names = fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.fountain')).sort();
      assert.equal(names.length, 9);
      for (const name of names) {
        const source = path.join(SAMPLES, name);
        const theirs = theirPages(cli!, source, paper === 'a4' ? 'a4' : 'usletter', out);
        const ours = paginate(parse(fs.readFileSync(source, 'utf8')), { paper }).pages.length;
        const known = KNOWN[`${name}/${paper}`];
        if (known !== undefined) assert.equal(ours - theirs, known, `${name}: the documented difference changed: ${ours} pages, afterwriting ${theirs}`);
        else assert.ok(Math.abs(ours - theirs) <= theirs * 0.03, `${name}: ${ours} pages, afterwriting ${theirs}`);
      }
    });
  }
});
