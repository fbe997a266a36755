import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { rules } from '../../../server/core/rules/registry';
import type { Rule } from '../../../server/core/rules/rule';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const RULES = path.join(ROOT, 'server', 'core', 'rules');

describe('rule registry', () => {
  it('lists every rule file, so a new rule cannot be forgotten', () => {
    const files = fs.readdirSync(RULES).filter((f) => f.endsWith('.ts') && /export const rule\b/.test(fs.readFileSync(path.join(RULES, f), 'utf8')));
    for (const file of files) {
      // The compiled module beside this test's compiled registry: the very object the registry should hold.
      const loaded = require(path.join(__dirname, '..', '..', '..', 'server', 'core', 'rules', file.replace(/\.ts$/, '.js'))) as { rule: Rule };
      assert.ok(rules.includes(loaded.rule), `${file} (rule ${loaded.rule.id}) is not in registry.ts`);
    }
    assert.strictEqual(files.length, rules.length, 'every registered rule comes from its own file');
  });

  it('has unique, dotted kebab-case ids, each documented in ids.md', () => {
    const documented = fs.readFileSync(path.join(RULES, 'ids.md'), 'utf8');
    const ids = rules.map((r) => r.id);
    assert.strictEqual(new Set(ids).size, ids.length);
    for (const id of ids) {
      assert.match(id, /^[a-z]+(-[a-z]+)*(\.[a-z]+(-[a-z]+)*)+$/);
      assert.ok(documented.includes(`| ${id} |`), `${id} is missing from ids.md`);
    }
  });

  it('lets no rule work out whether a clause happens now: they read the reading layer (story/reading.ts)', () => {
    // mood.ts decides it; the rules may name its types and map a happening to a mood, nothing more.
    const deciding = /\b(happeningAt|happeningsOf|negatedAfter|hostHappening)\b/;
    for (const file of fs.readdirSync(RULES).filter((f) => f.endsWith('.ts'))) {
      assert.doesNotMatch(fs.readFileSync(path.join(RULES, file), 'utf8'), deciding, `${file} decides a clause's happening itself`);
    }
  });
});
