import * as fs from 'fs';
import * as path from 'path';

/** How many folders are watched at most: each costs an inotify watch, and a system has a few thousand. */
export const MAX_WATCHED_FOLDERS = 64;
/** Editors save in bursts (a temporary file, a rename, a change): one batch per burst, this long after its last event. */
const SETTLE_MS = 100;

/**
 * Watches folders (not their subfolders) for the files `relevant` picks, and reports the files
 * changed in each burst of events once it settles. For a client that cannot watch files for the
 * server (it did not declare dynamic registration of didChangeWatchedFiles): a pack saved on disk
 * must change the warnings there too. A folder is watched rather than a file, since editors save
 * by writing another file and renaming it over the first, which ends a watch on the file.
 */
export class FolderWatcher {
  readonly #watchers = new Map<string, fs.FSWatcher>();
  readonly #changed = new Set<string>();
  readonly #relevant: (file: string) => boolean;
  readonly #onChanged: (files: string[]) => void;
  #timer: NodeJS.Timeout | undefined;

  constructor(relevant: (file: string) => boolean, onChanged: (files: string[]) => void) {
    this.#relevant = relevant;
    this.#onChanged = onChanged;
  }

  /** Watches these folders and no others, the first MAX_WATCHED_FOLDERS of them. */
  watch(folders: Iterable<string>): void {
    const wanted = new Set([...new Set([...folders].map((f) => path.resolve(f)))].slice(0, MAX_WATCHED_FOLDERS));
    for (const [folder, watcher] of this.#watchers) {
      if (!wanted.has(folder)) {
        watcher.close();
        this.#watchers.delete(folder);
      }
    }
    for (const folder of wanted) if (!this.#watchers.has(folder)) this.#start(folder);
  }

  get folders(): string[] {
    return [...this.#watchers.keys()];
  }

  dispose(): void {
    for (const watcher of this.#watchers.values()) watcher.close();
    this.#watchers.clear();
    if (this.#timer) clearTimeout(this.#timer);
  }

  #start(folder: string): void {
    try {
      // Not persistent: the watch never keeps the server alive after its client has gone.
      const watcher = fs.watch(folder, { persistent: false }, (_event, name) => this.#event(folder, name));
      watcher.on('error', () => {
        watcher.close();
        this.#watchers.delete(folder);
      });
      this.#watchers.set(folder, watcher);
    } catch {
      // A folder that is gone, or a system out of watches: its files are read again when opened.
    }
  }

  #event(folder: string, name: string | Buffer | null): void {
    if (name === null) return;
    const file = path.join(folder, name.toString());
    if (!this.#relevant(file)) return;
    this.#changed.add(file);
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#flush(), SETTLE_MS);
  }

  #flush(): void {
    this.#timer = undefined;
    const files = [...this.#changed];
    this.#changed.clear();
    if (files.length > 0) this.#onChanged(files);
  }
}
