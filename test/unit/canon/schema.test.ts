import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { fieldSpecs, topLevelKeys } from '../../../server/core/canon/spec';
import { builtinText, repoRoot } from './support';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas', 'canon-pack.schema.json'), 'utf8')) as Json;

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows `$ref`s and `oneOf` branches to the object schemas a value may meet. */
function objectSchemas(node: Json | undefined): { [key: string]: Json }[] {
  if (!isObject(node)) return [];
  const ref = node.$ref;
  if (typeof ref === 'string' && isObject(schema)) {
    const name = ref.replace('#/definitions/', '');
    const definitions = schema.definitions;
    return isObject(definitions) ? objectSchemas(definitions[name]) : [];
  }
  const branches = Array.isArray(node.oneOf) ? node.oneOf.flatMap((b) => objectSchemas(b)) : [];
  return isObject(node.properties) ? [node, ...branches] : branches;
}

/** Every key the value uses must be declared by the schema at that point; returns the paths that are not. */
function undeclared(value: unknown, node: Json | undefined, where: string): string[] {
  if (Array.isArray(value)) {
    const items = isObject(node) ? node.items : undefined;
    const arrays = isObject(node) && Array.isArray(node.oneOf) ? node.oneOf.filter((b) => isObject(b) && b.type === 'array') : [];
    const itemSchema = items ?? (isObject(arrays[0]) ? arrays[0].items : undefined);
    return value.flatMap((item, i) => undeclared(item, itemSchema, `${where}[${i}]`));
  }
  if (value === null || typeof value !== 'object') return [];
  // A map with free keys (participants) declares its values, not its keys.
  if (isObject(node) && isObject(node.additionalProperties)) return [];
  const candidates = objectSchemas(node);
  if (candidates.some((c) => c.additionalProperties !== false && !isObject(c.properties))) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const owner = candidates.find((c) => isObject(c.properties) && key in c.properties);
    if (!owner) {
      const open = candidates.find((c) => isObject(c.additionalProperties));
      return open ? [] : [`${where}.${key}`];
    }
    const properties = owner.properties;
    return undeclared(child, isObject(properties) ? properties[key] : undefined, `${where}.${key}`);
  });
}

/** Every property in the schema has a description: they are what VS Code shows on hover. */
function undescribed(node: Json | undefined, where: string): string[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => undescribed(n, `${where}[${i}]`));
  if (!isObject(node)) return [];
  const own = isObject(node.properties)
    ? Object.entries(node.properties).flatMap(([key, p]) => (isObject(p) && (typeof p.description === 'string' || typeof p.$ref === 'string') ? [] : [`${where}.${key}`]))
    : [];
  return [...own, ...Object.entries(node).flatMap(([key, child]) => undescribed(child, `${where}/${key}`))];
}

describe('the canon pack JSON Schema', () => {
  it('declares every key the built-in pack uses', () => {
    assert.deepStrictEqual(undeclared(parse(builtinText()), schema, 'pack'), []);
  });

  it('describes every property', () => {
    assert.deepStrictEqual(undescribed(schema, '#'), []);
  });

  it('declares the same fields the loader reads', () => {
    assert.ok(isObject(schema) && isObject(schema.properties) && isObject(schema.definitions));
    assert.deepStrictEqual(Object.keys(schema.properties).sort(), [...topLevelKeys].sort());
    const definitions = schema.definitions;
    for (const [section, fields] of Object.entries(fieldSpecs)) {
      const definition = definitions[section.replace(/s$/, '')];
      assert.ok(isObject(definition) && isObject(definition.properties), section);
      assert.deepStrictEqual(Object.keys(definition.properties).sort(), Object.keys(fields).sort(), section);
    }
  });
});
