import * as path from 'path';
import type { CancellationToken } from '../core/cancellation';
import type { CheckResult } from '../core/check';
import { sameClock, type Clock } from '../core/story/script';
import { chaptersOf } from '../host/story';
import type { OpenScript } from './documents';
import { Published } from './published';
import type { SessionParts } from './session-parts';
import { uriToPath } from './workspace';

/** A token the server cancels itself, when a newer version of the document makes the work stale. */
class Cancellation implements CancellationToken {
  isCancellationRequested = false;

  cancel(): void {
    this.isCancellationRequested = true;
  }
}

/**
 * The checks of open scripts and the publishing of their diagnostics. A check runs after the
 * current message is handled (setImmediate), cancelled by the next edit, so the editor is never
 * blocked and stale diagnostics are never published. A chapter's check is followed by the open
 * chapters after it only where it moved where the story clock ends: an edit that moves nothing
 * checks no other chapter.
 */
export class Checks {
  readonly #session: SessionParts;
  readonly #pending = new Map<string, Cancellation>();
  readonly #results = new Map<string, { version: number; result: CheckResult }>();
  /** Where each open script last left the clock, to tell whether the chapters after it must be checked again. */
  readonly #ends = new Map<string, Clock | undefined>();
  readonly #failedRules = new Set<string>();
  #published = new Published();

  constructor(session: SessionParts) {
    this.#session = session;
  }

  /** The client's support is known (initialize): diagnostics carry related places only where it takes them. */
  started(): void {
    this.#published = new Published(this.#session.support.relatedInformation);
  }

  /** Schedules a check of the script as it is now. */
  schedule(script: OpenScript): void {
    // Before the settings are known, nothing is checked: every open script is when they are.
    if (!this.#session.isReady) return;
    this.#pending.get(script.uri)?.cancel();
    const token = new Cancellation();
    this.#pending.set(script.uri, token);
    setImmediate(() => {
      if (!token.isCancellationRequested) this.#session.safely(() => this.#run(script.uri, script.version, token));
      if (this.#pending.get(script.uri) === token) this.#pending.delete(script.uri);
    });
  }

  /** Every open script again (the canon or the settings changed), each story's chapters in order. */
  all(): void {
    for (const script of this.#openScripts()) this.schedule(script);
  }

  /** Every open script, now, before anything else is handled: the first checks once the settings are known. */
  allNow(): void {
    for (const script of this.#openScripts()) {
      this.#pending.get(script.uri)?.cancel();
      this.#pending.delete(script.uri);
      // Each chapter in order, so the chapters after one need not be scheduled again.
      this.#session.safely(() => this.#run(script.uri, script.version, new Cancellation(), false));
    }
  }

  #openScripts(): OpenScript[] {
    const scripts = this.#session.documents.all().filter((d) => d.isScript);
    return scripts.sort((a, b) => a.uri.localeCompare(b.uri, undefined, { numeric: true }));
  }

  /** A script was closed: nothing of it is kept, and the client is told to show nothing for it. */
  forget(uri: string): void {
    this.#pending.get(uri)?.cancel();
    this.#results.delete(uri);
    this.#ends.delete(uri);
    this.#published.forget(uri);
  }

  /** The analysis of the document as it is now, computed on demand if the scheduled one has not run yet. */
  analysed(uri: string, token: CancellationToken): { script: OpenScript; result: CheckResult } | undefined {
    const script = this.#session.documents.get(uri);
    if (!script || !script.isScript) return undefined;
    const cached = this.#results.get(uri);
    if (cached && cached.version === script.version) return { script, result: cached.result };
    const result = this.#check(script, token);
    this.#results.set(uri, { version: script.version, result });
    return { script, result };
  }

  #run(uri: string, version: number, token: Cancellation, followLater = true): void {
    const script = this.#session.documents.get(uri);
    if (!script || script.version !== version) return;
    const result = this.#check(script, token);
    if (token.isCancellationRequested) return;
    this.#results.set(uri, { version, result });
    this.#publish(script, result);
    const end = result.script.endClock;
    const moved = !this.#ends.has(uri) || !sameClock(this.#ends.get(uri), end);
    this.#ends.set(uri, end);
    const later = moved && followLater ? this.#laterChapters(script) : [];
    for (const chapter of later) if (!this.#pending.has(chapter.uri)) this.schedule(chapter);
    this.#session.trace(`${uri} version ${version} done: ${later.length} open chapters after it to check`);
  }

  #check(script: OpenScript, token: CancellationToken): CheckResult {
    return this.#session.workspace.check(script, token, (id, error) => this.ruleFailed(id, error));
  }

  #publish(script: OpenScript, result: CheckResult): void {
    if (this.#published.unchanged(script.uri, result.findings, script.lines)) return;
    const diagnostics = this.#published.diagnostics(result.findings, script.lines, script.uri);
    void this.#session.connection.sendDiagnostics({ uri: script.uri, version: script.version, diagnostics });
    this.#published.sent(script.uri, diagnostics);
  }

  /** The open scripts after this one in its story (its folder's chapters), in chapter order. */
  #laterChapters(script: OpenScript): OpenScript[] {
    const file = uriToPath(script.uri);
    if (!file) return [];
    const folder = path.dirname(file);
    const open = new Map<string, OpenScript>();
    for (const d of this.#session.documents.all()) {
      const other = d.isScript && d.uri !== script.uri ? uriToPath(d.uri) : undefined;
      if (other && path.dirname(other) === folder) open.set(path.resolve(other), d);
    }
    if (open.size === 0) return [];
    const chapters = chaptersOf(file).map((c) => path.resolve(c));
    const at = chapters.indexOf(path.resolve(file));
    if (at < 0) return [];
    return chapters.slice(at + 1).map((c) => open.get(c)).filter((d): d is OpenScript => d !== undefined);
  }

  /** A rule that throws is logged once, not at every keystroke; the other rules still ran. */
  ruleFailed(id: string, error: unknown): void {
    if (this.#failedRules.has(id)) return;
    this.#failedRules.add(id);
    this.#session.connection.console.error(`Rule ${id} failed and was skipped; the other rules still ran. ${(error as Error)?.stack ?? String(error)}`);
  }
}
