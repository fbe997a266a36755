import { benchFolder } from './temp';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { notCancelled } from '../server/core/cancellation';
import type { CheckResult } from '../server/core/check';
import { toDiagnostic } from '../server/protocol/diagnostics';
import { Documents, type OpenScript } from '../server/lsp/documents';
import { Published } from '../server/lsp/published';
import { Workspace } from '../server/lsp/workspace';

/** A rule that fails fails the benchmark: its figures would be for less work than the server does. */
export function ruleFailed(id: string, error: unknown): never {
  throw new Error(`${id}: ${String(error)}`);
}

/**
 * The server's path from a text notification to published diagnostics, in process: the same
 * Documents and Workspace.check calls that server.ts makes, the same comparison of the findings
 * with the diagnostics last sent, and where they differ the same conversion and the JSON of the
 * notification that sends them.
 */
export class Session {
  readonly uri: string;
  readonly documents = new Documents();
  readonly workspace: Workspace;
  #version = 1;
  result: CheckResult | undefined;
  readonly #published = new Published();
  /** CPU ms of the last publish alone: the findings compared with those sent, and if they differ, written and sent. */
  publishing = 0;
  /** Whether the last version's diagnostics were sent (they differed from those sent before). */
  sent = false;

  constructor(name: string) {
    const folder = benchFolder('canon-keeper-bench-');
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
   * The check, and its diagnostics published as the server does: sent, as JSON-RPC writes them,
   * only where they differ from those sent last. Returns the notification's length in bytes, 0
   * where nothing was sent.
   */
  #publish(script: OpenScript): number {
    const result = this.workspace.check(script, notCancelled, ruleFailed);
    this.result = result;
    let length = 0;
    this.publishing = cpu(() => {
      this.sent = !this.#published.unchanged(script.uri, result.findings, script.lines);
      if (!this.sent) return;
      const diagnostics = this.#published.diagnostics(result.findings, script.lines, script.uri);
      length = notification(script, diagnostics).length;
      this.#published.sent(script.uri, diagnostics);
    });
    return length;
  }

  /**
   * CPU ms of sending the current version's diagnostics whole, as every version whose list changed
   * is sent: what a keystroke that moves a diagnostic pays for publishing, whatever the analysis did.
   */
  publishAll(): number {
    const script = this.script;
    const result = this.result;
    if (!result) throw new Error('nothing analysed yet');
    return cpu(() => notification(script, result.findings.map((f) => toDiagnostic(f, script.lines, script.uri, false))).length);
  }
}

function notification(script: OpenScript, diagnostics: unknown[]): string {
  const params = { uri: script.uri, version: script.version, diagnostics };
  return JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params });
}

/** CPU time (user + system, all threads of the process) that `run` takes, in ms. */
export function cpu(run: () => unknown): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}
