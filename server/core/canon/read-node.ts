import { isAlias, isMap, isScalar, isSeq, type LineCounter, type Node, type Pair } from 'yaml';
import { span } from '../span';
import type { Origin } from './model';
import type { ProblemSink } from './problems';
import { didYouMean } from './suggest';

/** A YAML node as the yaml library hands it out, or nothing where a value was left empty. */
export type YamlValue = Node | null | undefined;

export interface KeyedValue {
  readonly key: string;
  readonly keyAt: Origin;
  readonly value: YamlValue;
}

/**
 * Reads YAML nodes of one file with type checks, reporting each mismatch at the node itself,
 * with the path a writer would follow to find it: "characters[2].pronouns".
 */
export class NodeReader {
  readonly #sink: ProblemSink;
  readonly #lines: LineCounter;
  readonly uri: string;

  /** Where YAML read a colon as a new key: a value broken there was already reported, in better words. */
  readonly #yamlErrors: readonly number[];

  constructor(uri: string, sink: ProblemSink, lines: LineCounter, yamlErrors: readonly number[] = []) {
    this.uri = uri;
    this.#yamlErrors = yamlErrors;
    this.#sink = sink;
    this.#lines = lines;
  }

  get sink(): ProblemSink {
    return this.#sink;
  }

  /** 1-based, as people count lines. */
  lineOf(offset: number): number {
    return this.#lines.linePos(offset).line;
  }

  origin(node: YamlValue, fallback: Origin): Origin {
    return node?.range ? { uri: this.uri, span: span(node.range[0], node.range[1]) } : fallback;
  }

  error(at: Origin, message: string): void {
    this.#sink.error(at.uri, at.span, message);
  }

  warning(at: Origin, message: string): void {
    this.#sink.warning(at.uri, at.span, message);
  }

  /** A string value, or undefined (reported) when it is something else; null is "absent". */
  string(node: YamlValue, path: string, at: Origin): string | undefined {
    if (node === null || node === undefined || (isScalar(node) && node.value === null)) return undefined;
    if (isScalar(node) && typeof node.value === 'string') return node.value;
    if (this.#holdsYamlError(node)) return undefined;
    const hint = isScalar(node) && node.value !== null ? ' (put it in quotes)' : '';
    this.error(this.origin(node, at), `${path}: expected a string, got ${describe(node)}${hint}`);
    return undefined;
  }

  #holdsYamlError(node: YamlValue): boolean {
    const range = node?.range;
    return range !== undefined && range !== null && this.#yamlErrors.some((at) => at >= range[0] && at <= range[1]);
  }

  boolean(node: YamlValue, path: string, at: Origin): boolean | undefined {
    if (node === null || node === undefined || (isScalar(node) && node.value === null)) return undefined;
    if (isScalar(node) && typeof node.value === 'boolean') return node.value;
    this.error(this.origin(node, at), `${path}: expected true or false, got ${describe(node)}`);
    return undefined;
  }

  /** The items of a list; a single item stands for a list of one where `single` allows it. */
  items(node: YamlValue, path: string, at: Origin, single: boolean): YamlValue[] | undefined {
    if (node === null || node === undefined || (isScalar(node) && node.value === null)) return undefined;
    if (isSeq(node)) return node.items.map((item) => asNode(item));
    if (single && isScalar(node)) return [node];
    this.error(this.origin(node, at), `${path}: expected a list, got ${describe(node)}`);
    return undefined;
  }

  /**
   * The entries of a map with string keys; unknown keys are reported as warnings with a
   * suggestion and skipped, so one typo does not cost the writer the whole pack.
   */
  pairs(node: YamlValue, path: string, at: Origin, known: readonly string[] | undefined): KeyedValue[] | undefined {
    if (node === null || node === undefined || (isScalar(node) && node.value === null)) return undefined;
    if (!isMap(node)) {
      this.error(this.origin(node, at), `${path}: expected a map (key: value lines), got ${describe(node)}`);
      return undefined;
    }
    const result: KeyedValue[] = [];
    for (const pair of node.items) {
      const keyed = this.#keyed(pair, path, at, known);
      if (keyed) result.push(keyed);
    }
    return result;
  }

  #keyed(pair: Pair, path: string, at: Origin, known: readonly string[] | undefined): KeyedValue | undefined {
    const keyNode = asNode(pair.key);
    const keyAt = this.origin(keyNode, at);
    const value = asNode(pair.value);
    if (!isScalar(keyNode) || (typeof keyNode.value !== 'string' && typeof keyNode.value !== 'number')) {
      this.error(keyAt, `${path}: keys must be plain words, got ${describe(keyNode)}`);
      return undefined;
    }
    const key = String(keyNode.value);
    if (known && !known.includes(key)) {
      const where = path === '' ? '' : ` in ${path}`;
      this.warning(keyAt, `unknown key '${key}'${where}${didYouMean(key, known)}`);
      return undefined;
    }
    return { key, keyAt, value };
  }
}

/** Narrows the yaml library's `unknown`-typed children to nodes. */
export function asNode(value: unknown): YamlValue {
  if (value === null || value === undefined) return null;
  if (isScalar(value) || isMap(value) || isSeq(value) || isAlias(value)) return value;
  return null;
}

export function describe(node: YamlValue): string {
  if (node === null || node === undefined) return 'nothing';
  if (isSeq(node)) return 'a list';
  if (isMap(node)) return 'a map';
  if (isAlias(node)) return `an alias (*${node.source}; packs do not expand aliases, write the value out)`;
  if (isScalar(node)) {
    switch (typeof node.value) {
      case 'string':
        return 'a string';
      case 'number':
      case 'bigint':
        return 'a number';
      case 'boolean':
        return 'true/false';
      default:
        return node.value === null ? 'nothing' : 'a value';
    }
  }
  return 'a value';
}
