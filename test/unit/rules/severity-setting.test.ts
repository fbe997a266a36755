import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { notCancelled } from '../../../server/core/cancellation';
import { checkScript, type SeveritySetting } from '../../../server/core/check';
import { parse } from '../../../server/core/fountain/parse';
import { rules } from '../../../server/core/rules/registry';
import { canon } from '../names/support';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

interface SeveritySchema {
  readonly properties: Record<string, { readonly enum: readonly string[]; readonly description: string }>;
  readonly additionalProperties: boolean;
  readonly markdownDescription: string;
}

function setting(): SeveritySchema {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  return pkg.contributes.configuration.properties['canonKeeper.severity'] as SeveritySchema;
}

const SCRIPT = [
  'INT. ARCHER SCHOOL - STUDIO A - DAY', '', 'DELLIA', 'Again.', '', '[[canon: after Cassie\'s fall]]', '',
  'INT. HOSPITAL - CASSIE\'S ROOM - NIGHT', '', 'CASSIE', 'Where am I?', '',
].join('\n');

describe('the canonKeeper.severity setting', () => {
  it('lists every rule id, each with what it finds from ids.md, and no other key', () => {
    const schema = setting();
    assert.deepEqual(Object.keys(schema.properties).sort(), rules.map((r) => r.id).sort());
    assert.equal(schema.additionalProperties, false);
    const documented = fs.readFileSync(path.join(ROOT, 'server', 'core', 'rules', 'ids.md'), 'utf8');
    for (const [id, property] of Object.entries(schema.properties)) {
      const what = new RegExp(`^\\| ${id.replace(/\./g, '\\.')} \\| (.+?) \\|$`, 'm').exec(documented)?.[1];
      assert.equal(property.description, `Finds ${what}.`);
      assert.deepEqual(property.enum, ['error', 'warning', 'information', 'hint', 'off']);
    }
  });

  it('gives an example that the schema accepts and that does what it says', () => {
    const schema = setting();
    const example = JSON.parse(/`(\{.*?\})`/.exec(schema.markdownDescription)?.[1] ?? 'null') as Record<string, SeveritySetting>;
    assert.ok(example && Object.keys(example).length > 0, 'the description has an example');
    for (const [id, level] of Object.entries(example)) {
      assert.ok(schema.properties[id], `${id} is a rule id`);
      assert.ok(schema.properties[id].enum.includes(level), `${level} is a severity`);
    }
    const found = (severities: Record<string, SeveritySetting>): string[] =>
      checkScript(parse(SCRIPT), canon().pack, { severities }, notCancelled).findings.map((f) => `${f.ruleId} ${f.severity}`);
    assert.deepEqual(found({}), ['names.near-miss warning', 'continuity.state-speaks warning']);
    assert.deepEqual(found(example), ['continuity.state-speaks error']);
  });
});
