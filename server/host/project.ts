import * as path from 'path';
import type { CancellationToken } from '../core/cancellation';
import type { CanonPack } from '../core/canon/model';
import { checkScript, type CheckResult, type SeveritySetting } from '../core/check';
import type { FountainDocument } from '../core/fountain/model';
import { Database } from '../core/incremental/database';
import type { Rule } from '../core/rules/rule';
import { sameClock, type Clock } from '../core/story/script';
import { builtinPack } from './builtin';
import { ChapterClocks } from './chapter-clocks';
import { findPackFiles, packFileFor, packFilesIn, PackStore } from './packs';
import { readStoryConfig } from './story';

/** What the writer set: in the editor's settings, or by the command line's flags. */
export interface ProjectSettings {
  /** Packs for scripts with no pack near them (canonKeeper.canonPacks), absolute or from the first root. */
  readonly canonPacks: readonly string[];
  /** Severity per rule id (canonKeeper.severity, or --severity); over the folder's canon-keeper.yaml. */
  readonly severity: Readonly<Record<string, SeveritySetting>>;
}

export const DEFAULT_SETTINGS: ProjectSettings = { canonPacks: [], severity: {} };

export interface ProjectOptions {
  /** How far up a script's canon pack is looked for: the editor's workspace folders, or projectRootOf. */
  readonly roots: readonly string[];
  /** In an untrusted workspace only the built-in pack is used. */
  readonly trusted: boolean;
  /** A file's text as open in the editor, unsaved edits included; undefined reads the disk. */
  readonly openText?: (file: string) => string | undefined;
  readonly rules?: readonly Rule[];
  /**
   * Told each time a script is read in full: checked (`check`), or read for where it leaves the
   * clock for the chapters after it (`clock`). The server traces these; tests count them.
   */
  readonly onAnalysed?: (file: string | undefined, purpose: AnalysisPurpose) => void;
}

export type AnalysisPurpose = 'check' | 'clock';

/** A script to check: a key to remember its last check by, its file where it has one, its parse. */
export interface ScriptInput {
  readonly key: string;
  readonly file?: string;
  readonly doc: FountainDocument;
  readonly text: string;
}

export interface CheckRequest {
  readonly token: CancellationToken;
  readonly onRuleError: (ruleId: string, error: unknown) => void;
  /** A pack given outright (the command line's --canon) instead of the one the project finds. */
  readonly pack?: CanonPack;
  /** A start given outright (the command line's --story) instead of where earlier chapters leave the clock. */
  readonly start?: { readonly clock?: Clock };
}

interface LastCheck {
  readonly doc: FountainDocument;
  readonly pack: CanonPack;
  readonly start?: Clock;
  readonly severities: string;
  readonly result: CheckResult;
}

/**
 * The one model of a writer's project, which the server and the command line both ask: which canon
 * pack governs a script, where its clock starts (where the earlier chapters of its folder leave it),
 * which severities apply; and the check itself. So `canon-keeper check FILE` is what the editor shows.
 */
export class Project {
  readonly roots: readonly string[];
  readonly trusted: boolean;
  settings: ProjectSettings = DEFAULT_SETTINGS;
  readonly packs: PackStore;
  /** Pack files found by scanPacks and the watcher; before a scan, each folder is listed as asked. */
  packFiles: string[] = [];
  #scanned = false;
  readonly #rules?: readonly Rule[];
  readonly #clocks: ChapterClocks;
  readonly #openText: (file: string) => string | undefined;
  readonly #onAnalysed: (file: string | undefined, purpose: AnalysisPurpose) => void;
  /**
   * Each script's last complete check, with what it was checked against. A later chapter is checked
   * again at every keystroke in an earlier one; where its own parse, pack, severities and start
   * clock are as they were, that check is this one.
   */
  readonly #checks = new Map<string, LastCheck>();
  /**
   * What checks keep for the checks of later versions (core/incremental/database.ts): the one seam
   * where analyses reuse earlier ones, owned here for as long as the project is open.
   */
  readonly db = new Database();

  constructor(options: ProjectOptions) {
    this.roots = options.roots.map((r) => path.resolve(r));
    this.trusted = options.trusted;
    this.#rules = options.rules;
    const openText = options.openText ?? (() => undefined);
    this.#openText = openText;
    this.packs = new PackStore(this.roots, openText);
    this.#onAnalysed = options.onAnalysed ?? (() => undefined);
    this.#clocks = new ChapterClocks(openText, this.db, (file) => this.#onAnalysed(file, 'clock'));
  }

  /** Finds and loads every pack under the roots and in the settings; untrusted, there are none. */
  scanPacks(): void {
    if (!this.trusted) return;
    const found = new Set<string>();
    for (const root of this.roots) for (const f of findPackFiles(root)) found.add(f);
    for (const f of this.settingPackFiles()) found.add(f);
    this.packFiles = [...found].sort();
    this.#scanned = true;
    for (const f of this.packFiles) this.packs.load(f, this.#openText(f));
  }

  settingPackFiles(): string[] {
    if (!this.trusted) return [];
    return this.settings.canonPacks.map((p) => path.resolve(this.roots[0] ?? process.cwd(), p));
  }

  /** A pack file changed on disk or in the editor (`text`): it and the packs extending it are reloaded. */
  packChanged(file: string, text?: string): void {
    if (!this.trusted) return;
    if (!this.packFiles.includes(file)) this.packFiles = [...this.packFiles, file].sort();
    this.packs.load(file, text ?? this.#openText(file));
    // Packs that extend the changed one must see the change too; there are few packs, so reload all.
    for (const other of this.packFiles) if (other !== file) this.packs.load(other, this.#openText(other));
    this.#clocks.clear();
  }

  packRemoved(file: string): void {
    this.packFiles = this.packFiles.filter((f) => f !== file);
    this.packs.forget(file);
    this.#clocks.clear();
  }

  /** The pack file that governs a script, or undefined for the built-in pack. */
  packFileFor(script: string | undefined): string | undefined {
    if (!this.trusted || !script) return undefined;
    return packFileFor(script, (folder) => this.#packsIn(folder), this.roots, this.settingPackFiles());
  }

  /** The canon a script is checked against: its pack's last good version, else the built-in pack. */
  canonFor(script: string | undefined): { pack: CanonPack; file?: string } {
    const file = this.packFileFor(script);
    return { pack: (file && this.packs.pack(file)) || builtinPack(), file };
  }

  /** The severities for a script: its folder's canon-keeper.yaml, under the settings or flags. */
  severities(script: string | undefined): Record<string, SeveritySetting> {
    const folder = script ? readStoryConfig(path.dirname(script))?.severity ?? {} : {};
    return { ...folder, ...this.settings.severity } as Record<string, SeveritySetting>;
  }

  /** Checks a script against its canon, its clock starting where its earlier chapters leave it. */
  check(script: ScriptInput, request: CheckRequest): CheckResult {
    const pack = request.pack ?? this.canonFor(script.file).pack;
    const start = request.start ? request.start.clock : this.#startClock(script.file, pack, request.token);
    const severities = this.severities(script.file);
    const key = JSON.stringify(severities);
    const last = this.#checks.get(script.key);
    if (last && last.doc === script.doc && last.pack === pack && sameClock(last.start, start) && last.severities === key) return last.result;
    const options = { severities, startClock: start, onRuleError: request.onRuleError, rules: this.#rules, db: this.db };
    this.#onAnalysed(script.file, 'check');
    const result = checkScript(script.doc, pack, options, request.token);
    if (request.token.isCancellationRequested) return result;
    this.#checks.set(script.key, { doc: script.doc, pack, start, severities: key, result });
    // Where this script leaves the clock, for the chapters after it: they need not read it again.
    if (script.file) this.#clocks.remember(script.file, { text: script.text, pack, start, end: result.script.endClock });
    return result;
  }

  /** A file changed on disk, as a watcher reports it: a chapter's text is read again. */
  fileChanged(file: string): void {
    this.#clocks.forgetText(file);
  }

  /** A script was closed: its last check is not kept. */
  forget(key: string): void {
    this.#checks.delete(key);
  }

  #startClock(file: string | undefined, pack: CanonPack, token: CancellationToken): Clock | undefined {
    return file ? this.#clocks.startOf(file, pack, token) : undefined;
  }

  #packsIn(folder: string): readonly string[] {
    return this.#scanned ? this.packFiles.filter((f) => path.dirname(f) === folder) : packFilesIn(folder);
  }
}
