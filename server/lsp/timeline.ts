import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Connection } from 'vscode-languageserver/node';
import { canonEntryDocument } from '../core/features/canon-entry';
import { parse } from '../core/fountain/parse';
import { canonView } from '../core/timeline/canon';
import { titleOf } from '../core/timeline/story';
import { builtinPack, builtinPackText, BUILTIN_ID, BUILTIN_REF } from '../host/builtin';
import { readText } from '../host/files';
import { chaptersOf } from '../host/story';
import { projectTimeline, type TimelineInput } from '../host/timeline';
import {
  CANON_ENTRY_SCHEME, TIMELINE, type CanonEntryParams, type CanonEntryResult, type CanonResult, type TimelineParams, type TimelineResult,
} from '../protocol/timeline';
import type { Documents } from './documents';
import { uriToPath, type Workspace } from './workspace';

export interface TimelineContext {
  readonly documents: Documents;
  readonly workspace: () => Workspace;
  readonly onRuleError: (ruleId: string, error: unknown) => void;
  readonly guard: <T>(run: () => T, fallback: T) => T;
}

/**
 * The canon and the timeline as pictures (protocol/timeline.ts): the story of a script on the
 * canon clock, the canon in force, and the built-in pack's entries as read-only documents. The
 * pictures are drawn by the client from this data, with the renderers `canon-keeper timeline` uses.
 */
export function registerTimeline(connection: Connection, context: TimelineContext): void {
  const { documents, guard } = context;
  connection.onRequest(TIMELINE.timeline, (params: TimelineParams, token) => guard((): TimelineResult | null => {
    const open = documents.get(params.uri);
    if (!open?.isScript) return null;
    const workspace = context.workspace();
    const inputs = storyOf(documents, params.uri);
    const made = projectTimeline(workspace.project, inputs, token, context.onRuleError);
    // Chapters not open in the editor were checked for the picture alone: their checks are not kept.
    for (const input of inputs) if (!documents.get(input.uri ?? '')) workspace.project.forget(input.key);
    if (!made) return null;
    const file = uriToPath(params.uri);
    const named = titleOf(inputs[0].doc) ?? (inputs.length > 1 && file ? path.basename(path.dirname(file)) : inputs[0].name.replace(/\.(fountain|spmd)$/i, ''));
    return { title: named, ...made };
  }, null));

  connection.onRequest(TIMELINE.canon, (params: TimelineParams) => guard((): CanonResult => {
    const { pack, file } = context.workspace().canonFor(params.uri);
    return file ? { canon: canonView(pack), file } : { canon: canonView(pack) };
  }, { canon: canonView(builtinPack()) }));

  connection.onRequest(TIMELINE.canonEntry, (params: CanonEntryParams) => guard((): CanonEntryResult | null => {
    const wanted = parseEntryUri(params.uri);
    if (!wanted || wanted.pack !== BUILTIN_ID) return null;
    const found = canonEntryDocument(builtinPack(), builtinPackText().text, wanted.character, BUILTIN_REF);
    return found ? { text: found.text } : null;
  }, null));
}

/** The address of the read-only document of a built-in character's entry. */
export function entryUri(characterId: string): string {
  return `${CANON_ENTRY_SCHEME}:/${BUILTIN_ID}/${encodeURIComponent(characterId)}.yaml`;
}

function parseEntryUri(uri: string): { pack: string; character: string } | undefined {
  const match = new RegExp(`^${CANON_ENTRY_SCHEME}:/+([^/]+)/([^/]+)\\.yaml$`).exec(uri);
  return match ? { pack: decodeURIComponent(match[1]), character: decodeURIComponent(match[2]) } : undefined;
}

/** The script's story: its folder's chapters in order (the script among them), each as the editor has it. */
function storyOf(documents: Documents, uri: string): TimelineInput[] {
  const file = uriToPath(uri);
  const open = documents.get(uri);
  if (!file) return open ? [{ key: uri, doc: open.doc, text: open.text, name: uri.split('/').pop() ?? uri, uri }] : [];
  const chapters = chaptersOf(file);
  if (!chapters.some((c) => path.resolve(c) === path.resolve(file))) chapters.push(file);
  return chapters.flatMap((chapter): TimelineInput[] => {
    const chapterUri = pathToFileURL(chapter).href;
    const name = path.basename(chapter);
    const doc = documents.get(chapterUri);
    if (doc) return [{ key: chapterUri, file: chapter, doc: doc.doc, text: doc.text, name, uri: chapterUri }];
    const text = readText(chapter);
    return text === undefined ? [] : [{ key: `timeline:${chapter}`, file: chapter, doc: parse(text), text, name, uri: chapterUri }];
  });
}

