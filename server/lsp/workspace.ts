import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import type { CancellationToken } from '../core/cancellation';
import type { CanonPack } from '../core/canon/model';
import type { FountainDocument } from '../core/fountain/model';
import { checkScript, type CheckResult, type SeveritySetting } from '../core/check';
import { parse } from '../core/fountain/parse';
import { sameClock, type Clock } from '../core/story/script';
import { builtinPack } from '../host/builtin';
import { readText } from '../host/files';
import { canonFor, findPackFiles, isPackFile, packFileFor, PackStore } from '../host/packs';
import { earlierChapters, readStoryConfig } from '../host/story';
import type { Rule } from '../core/rules/rule';
import type { Documents, OpenScript } from './documents';

export interface Settings {
  readonly canonPacks: readonly string[];
  readonly severity: Readonly<Record<string, SeveritySetting>>;
}

export const DEFAULT_SETTINGS: Settings = { canonPacks: [], severity: {} };

export function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What the server knows beyond one document: the workspace's canon packs (with their last good
 * versions), the settings, whether the workspace is trusted, and the chapters of each story.
 */
export class Workspace {
  readonly roots: string[];
  readonly trusted: boolean;
  settings: Settings = DEFAULT_SETTINGS;
  packs: PackStore;
  packFiles: string[] = [];
  readonly #documents: Documents;
  /** Where each earlier chapter leaves the clock, for the text, pack and start clock it was read with. */
  readonly #chapterClocks = new Map<string, { text: string; pack: CanonPack; start?: Clock; clock?: Clock }>();
  /**
   * Each open script's last complete check, with what it was checked against. A later chapter is
   * checked again at every keystroke in an earlier one; where its own text, pack, settings and
   * start clock are as they were, that check is this one.
   */
  readonly #checks = new Map<string, { doc: FountainDocument; pack: CanonPack; start?: Clock; severities: string; result: CheckResult }>();

  readonly #rules?: readonly Rule[];

  constructor(roots: readonly string[], trusted: boolean, documents: Documents, rules?: readonly Rule[]) {
    this.#rules = rules;
    this.roots = [...roots];
    this.trusted = trusted;
    this.#documents = documents;
    this.packs = new PackStore(roots, (file) => this.#openText(file));
  }

  /** Finds and loads the workspace's packs; in an untrusted workspace there are none but the built-in one. */
  scanPacks(): void {
    if (!this.trusted) return;
    const found = new Set<string>();
    for (const root of this.roots) for (const f of findPackFiles(root)) found.add(f);
    for (const f of this.settingPackFiles()) found.add(f);
    this.packFiles = [...found].sort();
    for (const f of this.packFiles) this.packs.load(f, this.#openText(f));
  }

  settingPackFiles(): string[] {
    if (!this.trusted) return [];
    return this.settings.canonPacks.map((p) => path.isAbsolute(p) ? p : path.resolve(this.roots[0] ?? process.cwd(), p));
  }

  /** A pack file changed on disk or in the editor. */
  packChanged(file: string, text?: string): void {
    if (!this.trusted) return;
    if (!this.packFiles.includes(file)) this.packFiles = [...this.packFiles, file].sort();
    this.packs.load(file, text ?? this.#openText(file));
    // Packs that extend the changed one must see the change too; there are few packs, so reload all.
    for (const other of this.packFiles) if (other !== file) this.packs.load(other, this.#openText(other));
    this.#chapterClocks.clear();
  }

  packRemoved(file: string): void {
    this.packFiles = this.packFiles.filter((f) => f !== file);
    this.packs.forget(file);
    this.#chapterClocks.clear();
  }

  isPack(uri: string): boolean {
    const file = uriToPath(uri);
    return file !== undefined && isPackFile(file);
  }

  /** The canon a script is checked against. */
  canonFor(uri: string): { pack: CanonPack; file?: string } {
    const file = uriToPath(uri);
    if (!this.trusted || !file) return { pack: builtinPack() };
    const packFile = packFileFor(file, this.packFiles, this.roots, this.settingPackFiles());
    return { pack: canonFor(this.packs, packFile), file: packFile };
  }

  severities(uri: string): Record<string, SeveritySetting> {
    const file = uriToPath(uri);
    const folder = file ? readStoryConfig(path.dirname(file))?.severity ?? {} : {};
    return { ...folder, ...this.settings.severity } as Record<string, SeveritySetting>;
  }

  /** Checks an open script, starting the clock where its earlier chapters leave it. */
  check(script: OpenScript, token: CancellationToken, onRuleError: (id: string, e: unknown) => void): CheckResult {
    const { pack } = this.canonFor(script.uri);
    const startClock = this.#startClock(script.uri, pack, token);
    const severities = this.severities(script.uri);
    const settings = JSON.stringify(severities);
    const last = this.#checks.get(script.uri);
    if (last && last.doc === script.doc && last.pack === pack && sameClock(last.start, startClock) && last.severities === settings) return last.result;
    const result = checkScript(script.doc, pack, { severities, startClock, onRuleError, rules: this.#rules }, token);
    if (token.isCancellationRequested) return result;
    this.#checks.set(script.uri, { doc: script.doc, pack, start: startClock, severities: settings, result });
    // Where this script leaves the clock, for the chapters after it: they need not read it again.
    const file = uriToPath(script.uri);
    if (file) this.#chapterClocks.set(file, { text: script.text, pack, start: startClock, clock: result.script.endClock });
    return result;
  }

  /** A script was closed: its last check is not kept. */
  closed(uri: string): void {
    this.#checks.delete(uri);
  }

  #startClock(uri: string, pack: CanonPack, token: CancellationToken): Clock | undefined {
    const file = uriToPath(uri);
    if (!file) return undefined;
    let clock: Clock | undefined;
    for (const chapter of earlierChapters(file)) {
      const text = this.#openText(chapter) ?? readText(chapter);
      if (text === undefined) continue;
      const cached = this.#chapterClocks.get(chapter);
      // A chapter that narrates no event ends where it starts: an edit before it changes its end.
      if (cached && cached.text === text && cached.pack === pack && sameClock(cached.start, clock)) {
        clock = cached.clock;
        continue;
      }
      const result = checkScript(parse(text), pack, { startClock: clock, rules: [] }, token);
      // A cancelled reading stopped part way: where it got to is not where the chapter ends.
      if (token.isCancellationRequested) return clock;
      this.#chapterClocks.set(chapter, { text, pack, start: clock, clock: result.script.endClock });
      clock = result.script.endClock;
    }
    return clock;
  }

  #openText(file: string): string | undefined {
    return this.#documents.get(pathToFileURL(file).href)?.text;
  }
}

