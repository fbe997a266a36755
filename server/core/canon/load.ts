import { LineIndex } from '../lines';
import { buildPack } from './build';
import { asFile, emptyMerged, overlay, withOrigins, type Merged } from './merge';
import type { CanonPack, Origin, PackExample } from './model';
import { ProblemSink, type PackProblem } from './problems';
import { readFile } from './read-file';
import { checkEntries } from './validate-entries';
import { checkWhereabouts } from './validate-places';
import { checkReferences, fileName } from './validate-refs';

export type { PackProblem } from './problems';
export { parsePattern, tokenizeWords, type PatternTerm } from './pattern';

/**
 * Reads a pack file for the loader. The caller owns files, URIs and sandboxing; a ref is what
 * the pack wrote after `extends:` (a relative path, or `builtin:tiny-pretty-things`).
 * Undefined means "no such pack"; an error is a message to show at the ref.
 */
export type PackResolver = (ref: string, fromUri: string) => { uri: string; text: string } | { error: string } | undefined;

export interface LoadResult {
  /** Absent when any file had an error: the caller keeps the last good pack. */
  readonly pack?: CanonPack;
  readonly problems: PackProblem[];
}

/** How deep `extends:` may go: a fix-it on an AU on the show is three; eight is generous. */
export const maxExtendsDepth = 8;

/**
 * Loads a pack from its text, with everything it extends, and validates the merged result.
 * Pure, and never throws: any problem, including a bug here, comes back as a located problem.
 */
export function loadPack(text: string, uri: string, resolve: PackResolver): LoadResult {
  const sink = new ProblemSink();
  try {
    const loader = new Loader(sink, resolve);
    const merged = loader.load(text, uri, [], undefined);
    const lineOf = (at: Origin): number => loader.lineOf(at);
    checkEntries(merged, sink);
    checkWhereabouts(merged, sink);
    checkReferences(merged, sink, lineOf);
    if (sink.hasErrors) return { problems: sink.list() };
    const pack = buildPack(merged);
    return { pack: loader.examples ? { ...pack, examples: loader.examples } : pack, problems: sink.list() };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    sink.error(uri, { start: 0, end: 0 }, `internal error while loading the pack (please report it): ${message}`);
    return { problems: sink.list() };
  }
}

class Loader {
  readonly #sink: ProblemSink;
  readonly #resolve: PackResolver;
  /** Each file is read once per load, however many packs extend it. */
  readonly #cache = new Map<string, Merged>();
  readonly #texts = new Map<string, string>();

  constructor(sink: ProblemSink, resolve: PackResolver) {
    this.#sink = sink;
    this.#resolve = resolve;
  }

  /** `chain` is the files being loaded above this one; `rootRef` the outermost file's ref. */
  /** The outermost file's `examples:`, where it has some. */
  examples: readonly PackExample[] | undefined;

  load(text: string, uri: string, chain: readonly string[], rootRef: Origin | undefined): Merged {
    this.#texts.set(uri, text);
    const file = readFile(text, uri, this.#sink);
    if (chain.length === 0) this.examples = file.examples;
    let base = emptyMerged();
    for (const ref of file.extends) {
      const loaded = this.#loadBase(ref.ref, ref.at, uri, [...chain, uri], rootRef ?? ref.at);
      if (loaded) base = withOrigins(overlay(base, asFile(loaded, loaded.origins[0] ?? ref.ref), this.#sink), loaded.origins);
    }
    return overlay(base, file, this.#sink);
  }

  #loadBase(ref: string, at: Origin, fromUri: string, chain: readonly string[], rootRef: Origin): Merged | undefined {
    if (chain.length > maxExtendsDepth) {
      this.#report(at, rootRef, `extends goes more than ${maxExtendsDepth} packs deep (at '${ref}')`);
      return undefined;
    }
    const found = this.#call(ref, fromUri);
    if (found === undefined) {
      this.#sink.error(at.uri, at.span, `extends: cannot find pack '${ref}'`);
      return undefined;
    }
    if ('error' in found) {
      this.#sink.error(at.uri, at.span, `extends: cannot read '${ref}': ${found.error}`);
      return undefined;
    }
    const loop = chain.indexOf(found.uri);
    if (loop >= 0) {
      const names = [...chain.slice(loop), found.uri].map(fileName).join(' → ');
      this.#report(at, rootRef, `extends cycle: ${names}`);
      return undefined;
    }
    const cached = this.#cache.get(found.uri);
    if (cached) return cached;
    const loaded = this.load(found.text, found.uri, chain, rootRef);
    this.#cache.set(found.uri, loaded);
    return loaded;
  }

  /** A resolver is the caller's code; if it throws, that is a problem with the ref, not a crash. */
  #call(ref: string, fromUri: string): ReturnType<PackResolver> | { error: string } {
    try {
      return this.#resolve(ref, fromUri);
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }

  /**
   * Reports where the problem is and, when that is in a base pack, also at the outermost
   * file's `extends:`, since that is the file the writer has open.
   */
  #report(at: Origin, rootRef: Origin, message: string): void {
    this.#sink.error(at.uri, at.span, message);
    if (rootRef.uri !== at.uri) this.#sink.error(rootRef.uri, rootRef.span, message);
  }

  lineOf(at: Origin): number {
    return new LineIndex(this.#texts.get(at.uri) ?? '').positionAt(at.span.start).line + 1;
  }
}
