import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Diagnostic } from 'vscode-languageserver/node';
import { LineIndex } from '../core/lines';
import { isScriptFile } from '../host/files';
import { isPackFile } from '../host/packs';
import { STORY_FILE } from '../host/story';
import { FolderWatcher } from './folder-watcher';
import type { SessionParts } from './session-parts';
import { uriToPath } from './workspace';

/** A file whose change on disk can change a script's warnings: a pack, a story's canon-keeper.yaml, a chapter. */
export function isWatchedFile(file: string): boolean {
  return isPackFile(file) || path.basename(file) === STORY_FILE || isScriptFile(file);
}

/** The same files as globs, for a client that watches them for the server. */
export const WATCHED_GLOBS = ['**/*.canon.{yaml,yml,json}', `**/${STORY_FILE}`, '**/*.{fountain,spmd}'];

/**
 * The canon packs in use: loaded, their problems published at their lines, reloaded when edited in
 * the editor or changed on disk. Where the client cannot watch files for the server, the server
 * watches the folders of the packs in use and of the open scripts itself.
 */
export class Packs {
  readonly #session: SessionParts;
  #watcher: FolderWatcher | undefined;

  constructor(session: SessionParts) {
    this.#session = session;
  }

  /** Finds and loads every pack of the workspace and the settings. */
  scan(): void {
    this.#session.safely(() => this.#session.workspace.scanPacks());
    this.#watchFolders();
  }

  /** A pack open in the editor was edited: it is read from the editor's text, and every script checked again. */
  edited(file: string, text: string): void {
    this.#session.safely(() => this.#session.workspace.packChanged(file, text));
    this.publishProblems();
    this.#session.checks.all();
  }

  /** Files changed on disk (the client's watcher or the server's): packs not open in the editor are read again. */
  changedOnDisk(changes: readonly { readonly file: string; readonly deleted: boolean }[]): void {
    const { workspace, documents, connection } = this.#session;
    for (const { file } of changes) workspace.project.fileChanged(file);
    const packs = changes.filter((c) => isPackFile(c.file));
    for (const { file, deleted } of packs) {
      const uri = pathToFileURL(file).href;
      if (deleted) {
        workspace.packRemoved(file);
        void connection.sendDiagnostics({ uri, diagnostics: [] });
      } else if (!documents.get(uri)) {
        this.#session.safely(() => workspace.packChanged(file));
      }
    }
    if (packs.length > 0) this.publishProblems();
    this.#watchFolders();
    this.#session.checks.all();
  }

  /** The client cannot watch files for the server: the server watches them itself from now on. */
  watchForClient(): void {
    this.#watcher ??= new FolderWatcher(isWatchedFile, (files) => {
      this.#session.trace(`changed on disk: ${files.join(', ')}`);
      this.changedOnDisk(files.map((file) => ({ file, deleted: !fs.existsSync(file) })));
    });
    this.#watchFolders();
  }

  /** The scripts open in the editor changed: their folders are the ones to watch, with the packs'. */
  scriptsChanged(): void {
    if (this.#watcher) this.#watchFolders();
  }

  dispose(): void {
    this.#watcher?.dispose();
  }

  /** The folders the server's own watcher watches (none where the client watches for it). */
  get watchedFolders(): string[] {
    return this.#watcher?.folders ?? [];
  }

  #watchFolders(): void {
    if (!this.#watcher) return;
    const { workspace, documents } = this.#session;
    const folders = new Set(workspace.packFiles.map((f) => path.dirname(f)));
    for (const file of workspace.project.settingPackFiles()) folders.add(path.dirname(file));
    for (const d of documents.all()) {
      const file = d.isScript ? uriToPath(d.uri) : undefined;
      if (file) folders.add(path.dirname(file));
    }
    this.#watcher.watch(folders);
  }

  /**
   * Publishes every pack's problems, gathered per file first: a pack that another extends is read
   * by both, and one list per file (without repeats) keeps the two from overwriting each other.
   */
  publishProblems(): void {
    const { workspace, connection } = this.#session;
    const byFile = new Map<string, Map<string, Diagnostic>>();
    for (const file of workspace.packs.files) {
      if (!byFile.has(file)) byFile.set(file, new Map());
      for (const p of workspace.packs.result(file)?.problems ?? []) {
        const target = p.uri.startsWith('builtin:') ? file : p.uri;
        const lines = new LineIndex(workspace.packs.text(target) ?? '');
        const range = { start: lines.positionAt(p.span.start), end: lines.positionAt(p.span.end) };
        const list = byFile.get(target) ?? new Map<string, Diagnostic>();
        list.set(`${p.span.start}:${p.span.end}:${p.message}`, { range, severity: p.severity === 'error' ? 1 : 2, source: 'canon-keeper', code: 'canon.pack', message: p.message });
        byFile.set(target, list);
      }
    }
    for (const [target, diagnostics] of byFile) void connection.sendDiagnostics({ uri: pathToFileURL(target).href, diagnostics: [...diagnostics.values()] });
  }
}
