import * as assert from 'assert';
import { checkScript } from '../../../server/core/check';
import { parse } from '../../../server/core/fountain/parse';
import { rule as stateSpeaks } from '../../../server/core/rules/continuity-state-speaks';
import type { Rule } from '../../../server/core/rules/rule';
import { builtinPack } from '../../../server/host/builtin';

const SCRIPT = `EXT. ARCHER SCHOOL - ROOF - NIGHT

Delia pushes Cassie off the roof.

INT. HOSPITAL ROOM - DAY

CASSIE
Get out.
`;

const throwing: Rule = {
  id: 'test.throws',
  description: 'A rule with a bug.',
  defaultSeverity: 'warning',
  check() {
    throw new Error('a bug in a rule');
  },
};

describe('a rule that throws', () => {
  it('is reported once per check with its id, and the other rules still run', () => {
    const failures: { id: string; error: unknown }[] = [];
    const token = { isCancellationRequested: false };
    for (let check = 1; check <= 3; check++) {
      const result = checkScript(parse(SCRIPT), builtinPack(), { rules: [throwing, stateSpeaks], onRuleError: (id, error) => failures.push({ id, error }) }, token);
      assert.deepStrictEqual(result.findings.map((f) => f.ruleId), ['continuity.state-speaks']);
      assert.deepStrictEqual(failures.map((f) => f.id), Array(check).fill('test.throws'));
    }
    assert.match(String(failures[0].error), /a bug in a rule/);
  });
});

describe('a rule with a great many findings', () => {
  it('has every one of them reported, not lost to a stack overflow', () => {
    const many: Rule = {
      id: 'test.many',
      description: 'A rule that flags every character of a long script.',
      defaultSeverity: 'warning',
      check: () => Array.from({ length: 300_000 }, (_, i) => ({ ruleId: 'test.many', severity: 'warning', span: { start: i, end: i + 1 }, message: 'here' })),
    };
    const failures: unknown[] = [];
    const result = checkScript(parse(SCRIPT), builtinPack(), { rules: [many], onRuleError: (_, error) => failures.push(error) }, { isCancellationRequested: false });
    assert.deepStrictEqual(failures, []);
    assert.strictEqual(result.findings.length, 300_000);
  });
});
