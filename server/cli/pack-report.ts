import * as path from 'path';
import type { Diagnostic } from 'vscode-languageserver';
import type { PackProblem } from '../core/canon/load';
import { LineIndex } from '../core/lines';
import { BUILTIN_REF, builtinPackText } from '../host/builtin';
import { readText } from '../host/files';
import { PACK_CODE, type FileReport } from './report';

/**
 * Problems of the canon packs a command read, collected once per problem: several scripts share a
 * pack, and a pack may be extended by several others.
 */
export class PackProblems {
  readonly #byFile = new Map<string, Map<string, PackProblem>>();

  /** A pack file that was read, reported even when it has no problem (lint lists every pack). */
  read(file: string): void {
    if (!this.#byFile.has(file)) this.#byFile.set(file, new Map());
  }

  add(problems: readonly PackProblem[]): void {
    for (const p of problems) {
      this.read(p.uri);
      this.#byFile.get(p.uri)?.set(`${p.span.start}:${p.span.end}:${p.severity}:${p.message}`, p);
    }
  }

  get hasErrors(): boolean {
    return [...this.#byFile.values()].some((m) => [...m.values()].some((p) => p.severity === 'error'));
  }

  /** One report per pack file, in the compiler style of scripts; with `all`, also packs without problems. */
  reports(all = false): FileReport[] {
    const reports: FileReport[] = [];
    for (const [file, problems] of this.#byFile) {
      if (problems.size === 0 && !all) continue;
      const text = file === BUILTIN_REF ? builtinPackText().text : readText(file) ?? '';
      const lines = new LineIndex(text);
      const diagnostics = [...problems.values()].sort((a, b) => a.span.start - b.span.start).map((p) => toDiagnostic(p, lines));
      reports.push({ path: shown(file), text, diagnostics, pack: true });
    }
    return reports;
  }
}

function toDiagnostic(problem: PackProblem, lines: LineIndex): Diagnostic {
  const range = { start: lines.positionAt(problem.span.start), end: lines.positionAt(problem.span.end) };
  return { range, severity: problem.severity === 'error' ? 1 : 2, source: 'canon-keeper', code: PACK_CODE, message: problem.message };
}

/** A pack inside the current folder by its relative path, as scripts are shown; others as they are. */
export function shown(file: string): string {
  if (!path.isAbsolute(file)) return file;
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
