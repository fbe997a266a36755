import { fileURLToPath, pathToFileURL } from 'url';
import type { CancellationToken } from '../core/cancellation';
import type { CanonPack } from '../core/canon/model';
import type { CheckResult } from '../core/check';
import type { Rule } from '../core/rules/rule';
import { isPackFile, type PackStore } from '../host/packs';
import { DEFAULT_SETTINGS, Project, type ProjectOptions, type ProjectSettings } from '../host/project';
import type { Documents, OpenScript } from './documents';

export type Settings = ProjectSettings;
export { DEFAULT_SETTINGS };

/** The path of a file: URI, or undefined for any other scheme (an untitled document, say). */
export function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The server's view of the project (host/project.ts, which the command line asks too): the same
 * model, addressed by URI, reading open documents before the disk.
 */
export class Workspace {
  readonly project: Project;
  readonly #documents: Documents;

  constructor(roots: readonly string[], trusted: boolean, documents: Documents, rules?: readonly Rule[],
    onAnalysed?: ProjectOptions['onAnalysed']) {
    this.#documents = documents;
    this.project = new Project({ roots, trusted, rules, onAnalysed, openText: (file) => this.#openText(file) });
  }

  get roots(): readonly string[] {
    return this.project.roots;
  }

  get trusted(): boolean {
    return this.project.trusted;
  }

  get settings(): Settings {
    return this.project.settings;
  }

  set settings(settings: Settings) {
    this.project.settings = settings;
  }

  get packs(): PackStore {
    return this.project.packs;
  }

  get packFiles(): readonly string[] {
    return this.project.packFiles;
  }

  scanPacks(): void {
    this.project.scanPacks();
  }

  packChanged(file: string, text?: string): void {
    this.project.packChanged(file, text);
  }

  packRemoved(file: string): void {
    this.project.packRemoved(file);
  }

  isPack(uri: string): boolean {
    const file = uriToPath(uri);
    return file !== undefined && isPackFile(file);
  }

  /** The canon a script is checked against. */
  canonFor(uri: string): { pack: CanonPack; file?: string } {
    return this.project.canonFor(uriToPath(uri));
  }

  /** Checks an open script, starting the clock where its earlier chapters leave it. */
  check(script: OpenScript, token: CancellationToken, onRuleError: (id: string, e: unknown) => void): CheckResult {
    const input = { key: script.uri, file: uriToPath(script.uri), doc: script.doc, text: script.text };
    return this.project.check(input, { token, onRuleError });
  }

  /** A script was closed: its last check is not kept. */
  closed(uri: string): void {
    this.project.forget(uri);
  }

  #openText(file: string): string | undefined {
    return this.#documents.get(pathToFileURL(file).href)?.text;
  }
}
