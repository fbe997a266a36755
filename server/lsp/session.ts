import type { Connection } from 'vscode-languageserver/node';
import type { Rule } from '../core/rules/rule';
import { Checks } from './checks';
import { LEAST_SUPPORT, type ClientSupport } from './client-support';
import { Documents } from './documents';
import { Packs } from './packs';
import { Workspace } from './workspace';

/**
 * What the handlers share: the connection, the open documents, the project (made in `initialize`,
 * when its folders are known), what the client supports, and the checks. Each concern's handlers
 * (on-*.ts) take this and stay a few lines each.
 */
export class Session {
  readonly connection: Connection;
  readonly documents = new Documents();
  readonly checks: Checks;
  readonly packs: Packs;
  readonly rules?: readonly Rule[];
  workspace: Workspace;
  support: ClientSupport = LEAST_SUPPORT;
  /** The client opens `canon-keeper:` documents (the built-in pack's entries) for Go to Definition: initializationOptions.canonEntries. */
  canonEntries = false;
  /**
   * Resolved once the settings are known (initialized, after the client answered for them) and
   * the open scripts' first checks have run: no script is checked, and no request answered, with
   * settings about to change, so the first diagnostics and answers are already the right ones.
   */
  readonly ready: Promise<void>;
  #ready = false;
  #resolveReady: () => void = () => undefined;

  constructor(connection: Connection, rules?: readonly Rule[]) {
    this.connection = connection;
    this.rules = rules;
    this.workspace = new Workspace([], false, this.documents);
    this.ready = new Promise((resolve) => { this.#resolveReady = resolve; });
    this.checks = new Checks(this);
    this.packs = new Packs(this);
  }

  /** The project of these folders: every script read in full is traced (shown where the client asked for verbose traces). */
  open(roots: readonly string[], trusted: boolean): void {
    this.workspace = new Workspace(roots, trusted, this.documents, this.rules, (file, purpose) => {
      this.trace(`${purpose === 'check' ? 'checked' : 'read for the clock'}: ${file ?? 'a script with no file'}`);
    });
  }

  get isReady(): boolean {
    return this.#ready;
  }

  /** The settings are known: the open scripts are checked, then the requests that waited are answered. */
  markReady(): void {
    this.#ready = true;
    this.checks.allNow();
    this.#resolveReady();
  }

  /** A request's answer, once the server is ready; `fallback` where answering fails. */
  async answer<T>(run: () => T, fallback: T): Promise<T> {
    await this.ready;
    return this.guard(run, fallback);
  }

  /** A line in the client's trace ($/logTrace), sent only when the client turned tracing on. */
  trace(message: string): void {
    this.connection.tracer.log(message);
  }

  /** Never let a handler's failure take the server down: log it, answer `fallback`. */
  guard<T>(run: () => T, fallback: T): T {
    try {
      return run();
    } catch (error) {
      this.connection.console.error(`Canon Keeper: ${(error as Error)?.stack ?? String(error)}`);
      return fallback;
    }
  }

  safely(run: () => void): void {
    this.guard(() => { run(); return undefined; }, undefined);
  }
}
