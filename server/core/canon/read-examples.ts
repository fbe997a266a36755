import { isMap, isScalar } from 'yaml';
import type { ExpectedFinding, Origin, PackExample } from './model';
import { describe, type NodeReader, type YamlValue } from './read-node';

export const exampleKeys = ['name', 'script', 'expect', 'quiet'];

/** Rule ids are dotted kebab-case: `continuity.state-speaks`. */
const ruleId = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/;

/**
 * Reads `examples:`, the pack's own tests: each a short Fountain script and the findings it must
 * give (`expect:`) or that it gives none (`quiet: true`). Whether the rules named exist is told when
 * the examples run, by the engine that knows the rules.
 */
export function readExamples(reader: NodeReader, node: YamlValue, at: Origin): PackExample[] {
  const items = reader.items(node, 'examples', at, false) ?? [];
  const examples: PackExample[] = [];
  items.forEach((item, i) => {
    const example = readExample(reader, item, `examples[${i}]`, reader.origin(item, at));
    if (example) examples.push(example);
  });
  return examples;
}

function readExample(reader: NodeReader, node: YamlValue, path: string, at: Origin): PackExample | undefined {
  const pairs = reader.pairs(node, path, at, exampleKeys);
  if (!pairs) {
    if (node === null || node === undefined) reader.error(at, `${path}: empty example`);
    return undefined;
  }
  const origin = reader.origin(node, at);
  let name: string | undefined;
  let script: string | undefined;
  let expect: ExpectedFinding[] | undefined;
  let quiet: boolean | undefined;
  let quietAt = origin;
  for (const { key, keyAt, value } of pairs) {
    const valueAt = reader.origin(value, keyAt);
    if (key === 'name') name = reader.string(value, `${path}.name`, valueAt);
    else if (key === 'script') script = reader.string(value, `${path}.script`, valueAt);
    else if (key === 'expect') expect = readExpect(reader, value, `${path}.expect`, valueAt);
    else if (key === 'quiet') {
      quiet = reader.boolean(value, `${path}.quiet`, valueAt);
      quietAt = valueAt;
    }
  }
  const start = { uri: origin.uri, span: { start: origin.span.start, end: origin.span.start } };
  if (script === undefined || script.trim() === '') {
    if (!pairs.some((p) => p.key === 'script')) reader.error(start, `${path}: missing 'script' (the Fountain text to check, e.g. script: "Macbeth kills Duncan.")`);
    else reader.error(start, `${path}: the script is empty`);
    return undefined;
  }
  if (quiet === true && expect !== undefined && expect.length > 0) {
    reader.error(quietAt, `${path}: 'quiet: true' says the script gives no warning, but 'expect' lists some: keep one of them`);
    return undefined;
  }
  if (expect === undefined && quiet === undefined) {
    if (!pairs.some((p) => p.key === 'expect' || p.key === 'quiet')) {
      reader.error(start, `${path}: say what the script must give: 'expect: [rule-id, ...]', or 'quiet: true' for no warning at all`);
    }
    return undefined;
  }
  const lines = script.split(/\r\n|\r|\n/).length;
  for (const want of expect ?? []) {
    if (want.line !== undefined && want.line > lines) reader.error(want.origin, `${path}: line ${want.line} is past the end of the script (${lines} line${lines === 1 ? '' : 's'})`);
  }
  return { name: name ?? firstLine(script), script, expect: expect ?? [], origin };
}

function firstLine(script: string): string {
  return script.trim().split(/\r\n|\r|\n/)[0].trim();
}

/** `expect: [continuity.state-speaks, { rule: continuity.never, line: 3 }]`, or `expect: []`. */
function readExpect(reader: NodeReader, node: YamlValue, path: string, at: Origin): ExpectedFinding[] | undefined {
  if (isScalar(node) && node.value === null) return [];
  const items = reader.items(node, path, at, true);
  if (!items) return undefined;
  const found: ExpectedFinding[] = [];
  items.forEach((item, i) => {
    const itemAt = reader.origin(item, at);
    const read = isMap(item) ? readRuleAndLine(reader, item, `${path}[${i}]`, itemAt) : readRule(reader, item, `${path}[${i}]`, itemAt);
    if (read) found.push(read);
  });
  return found;
}

function readRule(reader: NodeReader, node: YamlValue, path: string, at: Origin): ExpectedFinding | undefined {
  const rule = reader.string(node, path, at);
  if (rule === undefined) return undefined;
  if (!ruleId.test(rule)) {
    reader.error(at, `${path}: '${rule}' is not a rule id: rule ids look like continuity.state-speaks (canon-keeper check prints them after the severity)`);
    return undefined;
  }
  return { rule, origin: at };
}

function readRuleAndLine(reader: NodeReader, node: YamlValue, path: string, at: Origin): ExpectedFinding | undefined {
  const pairs = reader.pairs(node, path, at, ['rule', 'line']) ?? [];
  let rule: ExpectedFinding | undefined;
  let line: number | undefined;
  for (const pair of pairs) {
    const valueAt = reader.origin(pair.value, pair.keyAt);
    if (pair.key === 'rule') rule = readRule(reader, pair.value, `${path}.rule`, valueAt);
    else {
      const value = isScalar(pair.value) ? pair.value.value : undefined;
      if (typeof value === 'number' && Number.isInteger(value) && value >= 1) line = value;
      else reader.error(valueAt, `${path}.line: expected a line number of the script, from 1, got ${describe(pair.value)}${typeof value === 'number' ? ` ${value}` : ''}`);
    }
  }
  if (!pairs.some((p) => p.key === 'rule')) reader.error(at, `${path}: missing 'rule'`);
  return rule && (line === undefined ? rule : { ...rule, line });
}
