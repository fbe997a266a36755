import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { CheckResult } from '../server/core/check';
import { resetStoryCaches } from '../server/core/story/passage-cache';
import { toDiagnostic } from '../server/lsp/diagnostics';
import { Documents, type OpenScript } from '../server/lsp/documents';
import { Workspace } from '../server/lsp/workspace';

/** A token nobody cancels: the benchmark measures work that runs to the end. */
const running = { isCancellationRequested: false };

/**
 * The server's path from a text notification to published diagnostics, in process: the same
 * Documents and Workspace.check calls that server.ts makes, the same conversion to diagnostics, and
 * the JSON the notification publishing them is written as.
 */
export class Session {
  readonly uri: string;
  readonly documents = new Documents();
  readonly workspace: Workspace;
  #version = 1;
  result: CheckResult | undefined;
  /** CPU ms of the last publish alone: the findings as diagnostics and the notification's JSON. */
  publishing = 0;

  constructor(name: string) {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'canon-keeper-bench-'));
    this.uri = pathToFileURL(path.join(folder, name)).href;
    this.workspace = new Workspace([folder], true, this.documents);
  }

  /** didOpen, then the check the server schedules for it. */
  open(text: string): number {
    const script = this.documents.open(this.uri, 'fountain', this.#version, text);
    return this.#publish(script);
  }

  /** didChange with one ranged change, then the check for that version. */
  change(line: number, character: number, deleteCount: number, insert: string): number {
    const range = { start: { line, character }, end: { line, character: character + deleteCount } };
    const script = this.documents.change(this.uri, ++this.#version, [{ range, text: insert }]);
    if (!script) throw new Error('the document is not open');
    return this.#publish(script);
  }

  get script(): OpenScript {
    const script = this.documents.get(this.uri);
    if (!script) throw new Error('the document is not open');
    return script;
  }

  /**
   * The check, the diagnostics, and the notification that publishes them as the server writes it:
   * JSON-RPC serialises every diagnostic at every version, which is part of what a keystroke costs
   * (at 200k lines more than the conversion itself). Returns the notification's length in bytes.
   */
  #publish(script: OpenScript): number {
    const result = this.workspace.check(script, running, (id, error) => { throw new Error(`${id}: ${String(error)}`); });
    this.result = result;
    let length = 0;
    this.publishing = cpu(() => {
      const diagnostics = result.findings.map((f) => toDiagnostic(f, script.lines, script.uri, false));
      const params = { uri: script.uri, version: script.version, diagnostics };
      length = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params }).length;
    });
    return length;
  }
}

/** Forgets everything analysed so far, so that the next analysis is cold. */
export function forgetCaches(): void {
  resetStoryCaches();
}

/** CPU time (user + system, all threads of the process) that `run` takes, in ms. */
export function cpu(run: () => unknown): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}
