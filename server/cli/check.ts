import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { notCancelled } from '../core/cancellation';
import type { CanonPack } from '../core/canon/model';
import type { SeveritySetting } from '../core/check';
import { parse } from '../core/fountain/parse';
import { LineIndex } from '../core/lines';
import type { Clock } from '../core/story/script';
import { Project } from '../host/project';
import { projectRootOf } from '../host/project-root';
import { findFiles, isScriptFile } from '../host/files';
import { chaptersIn, naturalCompare } from '../host/story';
import { toDiagnostic } from '../protocol/diagnostics';
import type { CliOptions } from './args';
import { COMMAND_LINE_FILE, COMMAND_LINE_PACK, PACK_ERRORS, packFromFlags } from './canon';
import { InputError, readScript } from './input';
import { PackProblems } from './pack-report';
import { formatJson, formatSarif, formatText, type FileReport } from './report';

/** Enough for any fan's folder of stories; the walk also stops after 5,000 folders. */
const MAX_SCRIPTS = 10_000;

/** Scripts to check: each with where its clock starts, unless the project finds that (a FILE, a FOLDER's chapters). */
interface Group {
  readonly files: readonly string[];
  /** --story: the FILEs as consecutive chapters, the first starting with no clock. */
  readonly consecutive: boolean;
}

/** `canon-keeper check`: each script as the editor shows it, by the same project model. */
export function runCheck(options: CliOptions): number {
  const packProblems = new PackProblems();
  const given = packFromFlags(options.canon, packProblems);
  const projects = new Projects(options.severities as Record<string, SeveritySetting>, packProblems);
  const scripts: FileReport[] = [];
  // Pack errors are told whole, not one script at a time: no script is checked against a canon that failed to load.
  const groupsToCheck = packProblems.hasErrors ? [] : groups(options);
  for (const group of groupsToCheck) scripts.push(...checkGroup(group, projects, given));
  // A pack's warnings (an unknown key) are listed first, as the writer fixes the canon before the script.
  const reports = [...packProblems.reports(), ...scripts];
  const output = options.format === 'json' ? formatJson(reports) : options.format === 'sarif' ? formatSarif(reports) : formatText(reports);
  process.stdout.write(output);
  if (packProblems.hasErrors) {
    process.stderr.write(`canon-keeper: ${PACK_ERRORS}\n`);
    return 2;
  }
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 1)) ? 1 : 0;
}

/**
 * Each FILE alone, each FOLDER's scripts and those of the folders inside it (each folder's stories
 * told apart by their title pages, host/story.ts), or with --story all the FILEs as one story.
 */
function groups(options: CliOptions): Group[] {
  const files = options.files.flatMap((input) => isFolder(input) ? scriptsUnder(input) : [input]);
  return options.story ? [{ files, consecutive: true }] : [{ files, consecutive: false }];
}

/** A folder's scripts in chapter order, then those of each folder inside it, found with the bounded walk. */
function scriptsUnder(folder: string): string[] {
  const found = findFiles(folder, isScriptFile, MAX_SCRIPTS);
  const folders = [...new Set([folder, ...found.map((f) => path.dirname(f))].map((f) => path.resolve(f)))];
  folders.sort((a, b) => (a === path.resolve(folder) ? -1 : b === path.resolve(folder) ? 1 : naturalCompare(a, b)));
  // Paths as the writer gave them, so that the report names files the way the command line did.
  return folders.flatMap((f) => chaptersIn(path.join(folder, path.relative(path.resolve(folder), f))));
}

function isFolder(input: string): boolean {
  try {
    return fs.statSync(input).isDirectory();
  } catch {
    throw new InputError(`cannot read ${input}: no such file or folder`);
  }
}

function checkGroup(group: Group, projects: Projects, given: CanonPack | undefined): FileReport[] {
  const reports: FileReport[] = [];
  // With --story the first FILE's pack governs them all, as one story has one canon.
  const storyPack = group.consecutive && group.files.length > 0 ? given ?? projects.canonOf(group.files[0]) : given;
  if (group.consecutive && storyPack === undefined) return reports;
  let clock: Clock | undefined;
  for (const file of group.files) {
    const text = readScript(file);
    const absolute = path.resolve(file);
    const project = projects.of(absolute);
    const pack = storyPack ?? projects.canonOf(file);
    if (pack === undefined) continue;
    const start = group.consecutive ? { clock } : undefined;
    const result = project.check({ key: absolute, file: absolute, doc: parse(text), text }, { token: notCancelled, onRuleError, pack, start });
    clock = result.script.endClock;
    const lines = new LineIndex(text);
    const uri = pathToFileURL(absolute).href;
    reports.push({ path: file, text, diagnostics: result.findings.map((f) => toDiagnostic(f, lines, uri)), canon: canonName(pack) });
  }
  return reports;
}

/** The pack as the writer knows it: its name, and the file it came from or "built in". */
function canonName(pack: CanonPack): string {
  const files = pack.origins.filter((o) => !o.startsWith('builtin:')).map((o) => path.relative(process.cwd(), o.startsWith('file:') ? fileURLToPath(o) : o) || o);
  if (pack.id === COMMAND_LINE_PACK) return `the packs of --canon (${files.filter((f) => !f.endsWith(COMMAND_LINE_FILE)).join(', ')})`;
  return files.length === 0 ? `${pack.name}, built in` : `${pack.name}, from ${files[0]}`;
}

function onRuleError(id: string, error: unknown): void {
  process.stderr.write(`canon-keeper: rule ${id} failed and was skipped: ${(error as Error).message}\n`);
}

/** One project per project root (host/project-root.ts), all with the flags' severities. */
class Projects {
  readonly #byRoot = new Map<string, Project>();
  readonly #severity: Record<string, SeveritySetting>;

  readonly #packProblems: PackProblems;

  constructor(severity: Record<string, SeveritySetting>, packProblems: PackProblems) {
    this.#severity = severity;
    this.#packProblems = packProblems;
  }

  of(file: string): Project {
    const root = projectRootOf(file);
    let project = this.#byRoot.get(root);
    if (!project) {
      project = new Project({ roots: [root], trusted: true });
      project.settings = { canonPacks: [], severity: this.#severity };
      this.#byRoot.set(root, project);
    }
    return project;
  }

  /** The pack the project finds for a script, its problems told; undefined where it has errors. */
  canonOf(file: string): CanonPack | undefined {
    const absolute = path.resolve(file);
    const project = this.of(absolute);
    const found = project.canonFor(absolute);
    if (!found.file) return found.pack;
    const problems = project.packs.result(found.file)?.problems ?? [];
    this.#packProblems.add(problems);
    return problems.some((p) => p.severity === 'error') ? undefined : found.pack;
  }
}
