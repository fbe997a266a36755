import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import type { CanonPack } from '../core/canon/model';
import { loadPack, type PackResolver } from '../core/canon/load';
import { readText } from './files';
import { isInside } from './project-root';

export const BUILTIN_ID = 'tiny-pretty-things';
export const BUILTIN_REF = `builtin:${BUILTIN_ID}`;
const BUILTIN_FILE = path.join('canon', 'tiny-pretty-things.canon.yaml');

/**
 * Where the built-in pack file is: beside the bundle in the extension (dist/../canon), or at the
 * repository root when running from compiled sources (out/server/host/../../../canon).
 */
export function builtinPackPath(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, BUILTIN_FILE);
    if (fs.existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error(`Canon Keeper's built-in canon pack (${BUILTIN_FILE}) is missing from the installation.`);
}

let builtin: CanonPack | undefined;

/**
 * The built-in pack as loaded at build time (scripts/bundle.mjs writes it beside the bundles):
 * reading it is JSON.parse, where loading the YAML is a third of a cold check of a short script.
 */
export const SNAPSHOT_FILE = 'tiny-pretty-things.snapshot.json';

/** The built-in pack, loaded once. A broken built-in pack is a bug in Canon Keeper, so it throws. */
export function builtinPack(): CanonPack {
  if (builtin) return builtin;
  const text = builtinText();
  builtin = readSnapshot(path.join(__dirname, SNAPSHOT_FILE), text) ?? loadBuiltin(text);
  return builtin;
}

function loadBuiltin(text: string): CanonPack {
  const result = loadPack(text, BUILTIN_REF, () => undefined);
  if (!result.pack) {
    const first = result.problems[0];
    throw new Error(`The built-in canon pack is broken: ${first?.message ?? 'unknown problem'}`);
  }
  return result.pack;
}

/**
 * The snapshot of the built-in pack, for the build to write: the pack, and the text it was loaded
 * from. The text itself rather than a digest: comparing 15 KB is nothing, where a digest had every
 * check load node's crypto module for it (3-4 ms of a process).
 */
export function builtinSnapshot(): string {
  const text = builtinText();
  return snapshotOf(text, loadBuiltin(text));
}

export function snapshotOf(text: string, pack: CanonPack): string {
  return JSON.stringify({ source: text, pack });
}

/**
 * The pack in a snapshot file, where the snapshot was made from exactly `text`; undefined where
 * there is none, it is unreadable, or the pack file changed since (the YAML is loaded then).
 */
export function readSnapshot(file: string, text: string): CanonPack | undefined {
  const raw = readText(file);
  if (raw === undefined) return undefined;
  try {
    const snapshot = JSON.parse(raw) as { source?: unknown; pack?: CanonPack };
    return snapshot.source === text && typeof snapshot.pack === 'object' && snapshot.pack !== null ? snapshot.pack : undefined;
  } catch {
    return undefined;
  }
}

/** Text of the built-in pack, for packs that extend it. */
export function builtinPackText(): { uri: string; text: string } {
  return { uri: BUILTIN_REF, text: builtinText() };
}

/** The built-in pack file's text; throws where the installation lacks it (builtinPackPath). */
function builtinText(): string {
  return fs.readFileSync(builtinPackPath(), 'utf8');
}

/**
 * Resolves `extends:` refs for packs on disk: the built-in pack by name, or a path relative to the
 * extending pack that must stay inside one of the allowed roots (the workspace, the extension).
 * Packs open in the editor are read from `openText`, so every pack sees the same version of another.
 */
export function fileResolver(allowedRoots: readonly string[], openText: (file: string) => string | undefined = () => undefined): PackResolver {
  return (ref, fromUri) => {
    if (ref === BUILTIN_REF || ref === BUILTIN_ID) return builtinPackText();
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref) && !/^[a-z]:[\\/]/i.test(ref)) return { error: `unsupported pack reference “${ref}”: use a relative path or ${BUILTIN_REF}` };
    const from = fromUri.startsWith('file:') ? fileURLToPathSafe(fromUri) : fromUri;
    const target = path.resolve(path.dirname(from), ref);
    const real = realpathOrSelf(target);
    if (!allowedRoots.some((root) => isInside(realpathOrSelf(root), real))) {
      return { error: `“${ref}” is outside the workspace: a pack may only extend packs in the workspace or the built-in pack` };
    }
    // A pack open in the editor is read as the writer sees it, unsaved edits included.
    const open = openText(target);
    if (open !== undefined) return { uri: target, text: open };
    const text = readText(real);
    return text === undefined ? undefined : { uri: target, text };
  };
}

function realpathOrSelf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** The path of a file: URL, with node's own conversion (drive letters, UNC hosts, escapes). */
function fileURLToPathSafe(uri: string): string {
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}
