import {
  CompletionItemKind, DocumentSymbol, InsertTextFormat, MarkupKind, SymbolKind,
  type CodeAction, type CodeActionParams, type CompletionItem, type FoldingRange, type Hover, type Location, type Position,
} from 'vscode-languageserver/node';
import { pathToFileURL } from 'url';
import type { CancellationToken } from '../core/cancellation';
import type { CheckResult } from '../core/check';
import { parse } from '../core/fountain/parse';
import { LineIndex } from '../core/lines';
import { canonAnchorCompletions } from '../core/features/anchor-completion';
import { canonNameCompletions } from '../core/features/canon-completion';
import type { Completion } from '../core/features/completion-types';
import type { CompletionIndexes } from '../core/features/fuzzy';
import { cueCompletions, orderedCueNames } from '../core/features/cue-completion';
import { characterAt, referencesOf } from '../core/features/definition';
import { foldingRanges } from '../core/features/folding';
import { hover, type ClockView } from '../core/features/hover';
import { outline, type OutlineNode } from '../core/features/outline';
import { sceneHeadingCompletions } from '../core/features/scene-completion';
import { titlePageCompletions, titlePageValueCompletions } from '../core/features/title-completion';
import { titlePageHover } from '../core/features/title-hover';
import { analyseScript } from '../core/story/analyse-script';
import { holds } from '../core/rules/support';
import { nearMisses } from '../core/rules/names-near-miss';
import type { Script } from '../core/story/script';
import { toFixData, toRange } from '../protocol/diagnostics';
import { countBefore } from '../core/sorted';
import type { Documents, OpenScript } from './documents';
import type { Workspace } from './workspace';
import { builtinPack, builtinPackPath, builtinPackText, BUILTIN_REF } from '../host/builtin';
import { canonEntryDocument } from '../core/features/canon-entry';
import { entryUri } from './timeline';
import { findFiles, isScriptFile, readText } from '../host/files';

const KIND: Record<Completion['kind'], CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword,
  location: CompletionItemKind.Module,
  time: CompletionItemKind.Constant,
  character: CompletionItemKind.Reference,
  'title-key': CompletionItemKind.Property,
  event: CompletionItemKind.Event,
} as Record<Completion['kind'], CompletionItemKind>;

function toItem(c: Completion, lines: LineIndex): CompletionItem {
  return {
    label: c.label,
    kind: KIND[c.kind] ?? CompletionItemKind.Text,
    detail: c.detail,
    documentation: c.documentation ? { kind: MarkupKind.Markdown, value: c.documentation } : undefined,
    sortText: c.sortText,
    filterText: c.filterText,
    insertTextFormat: InsertTextFormat.PlainText,
    textEdit: { range: toRange(lines, c.replace), newText: c.insertText ?? c.label },
  };
}

/** Everything that fits where the cursor is: title keys, headings, anchors, cues and names. */
/** `indexes`: the project's database, which keeps completion's indexes per cast and pack. */
export function completion(script: OpenScript, result: CheckResult, position: Position, token: CancellationToken, indexes: CompletionIndexes): CompletionItem[] {
  const offset = script.lines.offsetAt(position);
  const doc = script.doc;
  const pack = result.script.pack;
  const anchors = canonAnchorCompletions(doc, offset, pack, token, indexes);
  if (anchors.length > 0) return anchors.map((c) => toItem(c, script.lines));
  const title = [...titlePageCompletions(doc, offset, token), ...titlePageValueCompletions(doc, offset, token)];
  if (title.length > 0) return title.map((c) => toItem(c, script.lines));
  const misspelt = new Set(nearMisses(result.script, token).map((miss) => miss.written.toLowerCase()));
  const names = canonNameCompletions(doc, offset, result.script.cast, orderedCueNames(doc, offset, token), token, misspelt, indexes);
  const headings = sceneHeadingCompletions(doc, offset, token, pack.places);
  const cues = names.length > 0 ? [] : cueCompletions(doc, offset, token);
  return [...names, ...cues, ...headings].map((c) => toItem(c, script.lines));
}

export function hoverAt(script: OpenScript, result: CheckResult, position: Position, token: CancellationToken): Hover | null {
  const s = result.script;
  const help = titlePageHover(script.doc, script.lines.offsetAt(position));
  if (help) return { contents: { kind: MarkupKind.Markdown, value: help.markdown }, range: toRange(script.lines, help.span) };
  const found = hover(s, script.lines.offsetAt(position), (offset) => clockView(s, offset), token);
  if (!found) return null;
  return { contents: { kind: MarkupKind.Markdown, value: found.markdown }, range: toRange(script.lines, found.span) };
}

/** Where the story stands at an offset, for hover cards. */
function clockView(script: Script, offset: number): ClockView | undefined {
  const clock = script.clockAt(offset);
  if (!clock) return undefined;
  const event = clock.lo >= 0 ? script.pack.events[clock.lo] : undefined;
  const label = clock.lo === clock.hi ? (event ? `after ${event.name}` : `before ${script.pack.events[0]?.name ?? 'canon'}`) : 'between canon events';
  const states = script.pack.states.filter((st) => holds(script, st, clock)).map((st) => ({ characterId: st.character, label: st.label }));
  return { label, states };
}

/**
 * The entry of the character under the cursor: in a workspace pack, its file and line; in the
 * built-in pack, a read-only `canon-keeper:` document of the entry where the client shows those
 * (`entries`), else the pack file in the extension's folder.
 */
export function definition(script: OpenScript, result: CheckResult, position: Position, workspace: Workspace, entries = false): Location | null {
  const at = characterAt(result.script, script.lines.offsetAt(position));
  if (!at) return null;
  const character = result.script.cast.character(at.characterId);
  const origin = character?.origin;
  if (!origin) return null;
  if (entries && origin.uri === BUILTIN_REF) {
    const entry = canonEntryDocument(builtinPack(), builtinPackText().text, at.characterId, BUILTIN_REF);
    if (entry) return { uri: entryUri(at.characterId), range: toRange(new LineIndex(entry.text), entry.span) };
  }
  const file = origin.uri.startsWith('builtin:') ? builtinPackPath() : origin.uri;
  const text = workspace.packs.text(file) ?? readText(file);
  if (text === undefined) return null;
  return { uri: pathToFileURL(file).href, range: toRange(new LineIndex(text), origin.span) };
}

/** Every cue and mention of the character, in this script and the workspace's other scripts. */
export function references(script: OpenScript, result: CheckResult, position: Position, workspace: Workspace,
  documents: Documents, token: CancellationToken): Location[] | null {
  const at = characterAt(result.script, script.lines.offsetAt(position));
  if (!at) return null;
  const locations: Location[] = [];
  const seen = new Set<string>();
  const add = (uri: string, text: string, s: Script): void => {
    const lines = new LineIndex(text);
    for (const span of referencesOf(s, at.characterId)) locations.push({ uri, range: toRange(lines, span) });
    seen.add(uri);
  };
  add(script.uri, script.text, result.script);
  for (const other of documents.all()) {
    if (token.isCancellationRequested || seen.has(other.uri) || !other.isScript) continue;
    add(other.uri, other.text, analyseScript(other.doc, result.script.pack, result.script.cast, undefined, token));
  }
  for (const file of workspaceScripts(workspace)) {
    const uri = pathToFileURL(file).href;
    if (token.isCancellationRequested || seen.has(uri)) continue;
    const text = readText(file);
    if (text !== undefined) add(uri, text, analyseScript(parse(text), result.script.pack, result.script.cast, undefined, token));
  }
  return locations;
}

/** The workspace's scripts, at most 500 in all. */
function workspaceScripts(workspace: Workspace): string[] {
  const found: string[] = [];
  for (const root of workspace.roots) found.push(...findFiles(root, isScriptFile, 500 - found.length));
  return found;
}

export function documentSymbols(script: OpenScript, token: CancellationToken): DocumentSymbol[] {
  const convert = (node: OutlineNode): DocumentSymbol => ({
    name: node.name,
    detail: node.detail,
    kind: node.kind === 'section' ? SymbolKind.Namespace : SymbolKind.Event,
    range: toRange(script.lines, node.span),
    selectionRange: toRange(script.lines, node.selectionSpan),
    children: node.children.map(convert),
  });
  return outline(script.doc, token).map(convert);
}

export function folding(script: OpenScript, token: CancellationToken): FoldingRange[] {
  return foldingRanges(script.doc, script.lines, token).map((r) => ({ startLine: r.startLine, endLine: r.endLine, kind: r.kind }));
}

/**
 * The quick fixes of the diagnostics a client asks about, from the findings of the analysis they
 * match (same span, rule and message). Fixes are not published with every diagnostic: at each
 * version that serialised every fix in the document, 40% of the notification, for the few a
 * writer ever asks for. A diagnostic from an older version that no longer matches gets none.
 */
export function codeActions(params: CodeActionParams, script: OpenScript, result: CheckResult): CodeAction[] {
  const actions: CodeAction[] = [];
  const findings = result.findings;
  for (const diagnostic of params.context.diagnostics) {
    const start = script.lines.offsetAt(diagnostic.range.start);
    const end = script.lines.offsetAt(diagnostic.range.end);
    const finding = findings.slice(countBefore(findings, (f) => f.span.start, start), countBefore(findings, (f) => f.span.start, start, true))
      .find((f) => f.span.end === end && f.ruleId === diagnostic.code && f.message === diagnostic.message);
    for (const fix of finding?.fixes ?? []) {
      const data = toFixData(fix, script.lines);
      actions.push({
        title: data.title,
        kind: 'quickfix',
        diagnostics: [diagnostic],
        isPreferred: data.preferred,
        edit: { changes: { [params.textDocument.uri]: [...data.edits] } },
      });
    }
  }
  return actions;
}

