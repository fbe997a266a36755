import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type {
  ClientCapabilities, Diagnostic, PublishDiagnosticsParams, Registration, RegistrationParams, TextDocumentContentChangeEvent,
} from 'vscode-languageserver';

/** The repository root, from out/test/protocol/support. */
export const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
export const SERVER = path.join(ROOT, 'bin', 'canon-keeper-ls');

/** Protocol tests drive the bundled server; without a build there is nothing to drive. */
export function serverBuilt(): boolean {
  return fs.existsSync(path.join(ROOT, 'dist', 'server.js'));
}

export function skipUnlessBuilt(context: Mocha.Context): void {
  if (serverBuilt()) return;
  console.log('    (skipped: dist/server.js is missing; run `npm run build` first)');
  context.skip();
}

export function tempFolder(prefix: string): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
}

export function uriOf(file: string): string {
  return pathToFileURL(file).href;
}

export interface ClientOptions {
  /** What the extension passes as initializationOptions.trusted; true unless said otherwise. */
  readonly trusted?: boolean;
  /** The `canonKeeper` section the client answers workspace/configuration with. */
  readonly settings?: Record<string, unknown>;
  readonly env?: NodeJS.ProcessEnv;
  /** The server to start, a Node script run with --stdio; bin/canon-keeper-ls unless said. */
  readonly server?: string;
  /** What the client declares it supports; VS Code's (VS_CODE_CAPABILITIES) unless said. */
  readonly capabilities?: ClientCapabilities;
  /** What the extension passes as initializationOptions.canonEntries: it opens `canon-keeper:` documents. */
  readonly canonEntries?: boolean;
  /** The trace level asked for in initialize: 'verbose' has the server send $/logTrace. */
  readonly trace?: 'off' | 'messages' | 'verbose';
}

/** What VS Code's client declares, as far as the server reads it (client-support.ts). */
export const VS_CODE_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
  textDocument: {
    publishDiagnostics: { relatedInformation: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'] } },
  },
};

export interface LogMessage {
  readonly type: number;
  readonly message: string;
}

export interface Timed<T> {
  readonly value: T;
  readonly ms: number;
}

/** Rejects when `promise` has not settled within `ms`, naming what was awaited. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took more than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * A client speaking LSP to the real server binary over stdio, as an editor would (the pattern of
 * server.test.ts). It records every publish with a sequence number, so that a test can wait for
 * the diagnostics that follow a given moment, and every log message, so that a test can assert the
 * server logged no error.
 */
export class Client {
  readonly connection: MessageConnection;
  readonly logs: LogMessage[] = [];
  /** What the server registered dynamically (client/registerCapability). */
  readonly registrations: Registration[] = [];
  /** The server's $/logTrace lines, where initialize asked for a verbose trace. */
  readonly traces: string[] = [];
  readonly #process: ChildProcess;
  readonly #published = new Map<string, { params: PublishDiagnosticsParams; seq: number }>();
  readonly #versions = new Map<string, (number | undefined)[]>();
  #seq = 0;
  #stderr = '';
  #exit: number | null | undefined;

  private constructor(workspace: string, options: ClientOptions) {
    const env = { ...process.env, ...options.env };
    this.#process = spawn(process.execPath, [options.server ?? SERVER, '--stdio'], { cwd: workspace, env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.#process.stderr?.on('data', (chunk: Buffer) => { this.#stderr = (this.#stderr + chunk.toString()).slice(-20_000); });
    this.#process.on('exit', (code) => { this.#exit = code; });
    this.connection = createMessageConnection(new StreamMessageReader(this.#process.stdout!), new StreamMessageWriter(this.#process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.#published.set(p.uri, { params: p, seq: ++this.#seq });
      const versions = this.#versions.get(p.uri) ?? [];
      versions.push(p.version);
      this.#versions.set(p.uri, versions);
    });
    this.connection.onNotification('window/logMessage', (m: LogMessage) => this.logs.push(m));
    this.connection.onRequest('workspace/configuration', () => [options.settings ?? {}]);
    this.connection.onRequest('client/registerCapability', (params: RegistrationParams) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    this.connection.onNotification('$/logTrace', (t: { message: string }) => this.traces.push(t.message));
    this.connection.listen();
  }

  static async start(workspace: string, options: ClientOptions = {}): Promise<Client> {
    const client = new Client(workspace, options);
    await within(client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uriOf(workspace),
      workspaceFolders: [{ uri: uriOf(workspace), name: 'ws' }],
      capabilities: options.capabilities ?? VS_CODE_CAPABILITIES,
      initializationOptions: { trusted: options.trusted !== false, ...(options.canonEntries ? { canonEntries: true } : {}) },
      trace: options.trace ?? 'off',
    }), 10_000, 'initialize');
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  get pid(): number {
    return this.#process.pid as number;
  }

  get alive(): boolean {
    return this.#exit === undefined;
  }

  get stderr(): string {
    return this.#stderr;
  }

  /** The sequence number of the latest publish: a moment to wait for diagnostics after. */
  get seq(): number {
    return this.#seq;
  }

  /** Errors the server logged (window/logMessage of type Error). */
  errors(): string[] {
    return this.logs.filter((m) => m.type === 1).map((m) => m.message);
  }

  open(uri: string, text: string, languageId = 'fountain', version = 1): void {
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): void {
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  notify(method: string, params: unknown): void {
    void this.connection.sendNotification(method, params);
  }

  /** Sends a request and times its answer; fails if no answer comes within the bound. */
  async request<T>(method: string, params: unknown, boundMs = 5_000): Promise<Timed<T>> {
    const start = performance.now();
    const value = await within(this.connection.sendRequest(method, params) as Promise<T>, boundMs, `${method} ${this.#exitNote()}`);
    return { value, ms: performance.now() - start };
  }

  /** Polls, with a bound, until the server publishes for `uri` at `version` (if given) after moment `since`. */
  async diagnostics(uri: string, { version, since = 0, boundMs = 10_000 }: { version?: number; since?: number; boundMs?: number } = {}): Promise<Diagnostic[]> {
    let found: Diagnostic[] | undefined;
    await this.until(() => {
      const p = this.#published.get(uri);
      if (!p || p.seq <= since || (version !== undefined && p.params.version !== version)) return false;
      found = p.params.diagnostics;
      return true;
    }, `diagnostics for ${uri}${version === undefined ? '' : ` at version ${version}`}`, boundMs);
    return found as Diagnostic[];
  }

  /**
   * The diagnostics the client holds for `uri` once the server has handled everything sent so far.
   * The server checks a version before it handles any message sent after it, and publishes only a
   * list that differs from the one the client holds: so once a request sent now is answered, the
   * last list published is the one for the latest version, whether or not that version needed one.
   */
  async settled(uri: string, boundMs = 15_000): Promise<Diagnostic[]> {
    await this.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }, boundMs);
    const p = this.#published.get(uri);
    if (!p) throw new Error(`nothing was ever published for ${uri} ${this.#exitNote()}`);
    return p.params.diagnostics;
  }

  /** The versions of `uri` that diagnostics were published for, in order. */
  publishedVersions(uri: string): (number | undefined)[] {
    return [...(this.#versions.get(uri) ?? [])];
  }

  /** Polls a condition every 10 ms until it holds or the bound passes. */
  async until(condition: () => boolean, what: string, boundMs: number): Promise<void> {
    const deadline = Date.now() + boundMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`no ${what} within ${boundMs} ms ${this.#exitNote()}`);
      if (!this.alive) throw new Error(`the server exited while waiting for ${what} ${this.#exitNote()}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** The server's resident memory in MB, from /proc (Linux only; undefined elsewhere). */
  rssMb(): number | undefined {
    try {
      const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
      return kb === undefined ? undefined : Number(kb) / 1024;
    } catch {
      return undefined;
    }
  }

  async stop(): Promise<void> {
    try {
      if (this.alive) {
        await within(this.connection.sendRequest('shutdown'), 5_000, 'shutdown');
        void this.connection.sendNotification('exit');
        await this.until(() => !this.alive, 'exit after shutdown', 5_000).catch(() => undefined);
      }
    } finally {
      this.connection.dispose();
      if (this.alive) this.#process.kill();
    }
  }

  #exitNote(): string {
    return this.alive ? '' : `(server exited with ${this.#exit}; stderr: ${this.#stderr.slice(-2000)})`;
  }
}
