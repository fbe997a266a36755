import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type CompletionParams } from 'vscode-languageserver/node';
import type { CancellationToken } from '../core/cancellation';
import type { LineIndex } from '../core/lines';
import { packCompletions, type PackCompletion, type PackCompletionKind } from '../core/features/pack-completion';
import { rules } from '../core/rules/registry';
import { toRange } from '../protocol/diagnostics';
import type { Documents } from './documents';
import { uriToPath, type Workspace } from './workspace';

const KIND: Readonly<Record<PackCompletionKind, CompletionItemKind>> = {
  characters: CompletionItemKind.Reference,
  relations: CompletionItemKind.Value,
  places: CompletionItemKind.Module,
  roles: CompletionItemKind.Value,
  events: CompletionItemKind.Event,
  days: CompletionItemKind.Event,
  states: CompletionItemKind.Value,
  facts: CompletionItemKind.Value,
  vocabulary: CompletionItemKind.EnumMember,
  rule: CompletionItemKind.Keyword,
};

/**
 * Completion in an open `*.canon.yaml` (or `.yml`) file: the ids and words its fields take
 * (core/features/pack-completion.ts), with the ids of the packs it extends from its last good load.
 * JSON packs are left to the editor's JSON support, which reads the packaged schema.
 */
export function packFileCompletion(params: CompletionParams, documents: Documents, workspace: Workspace, token: CancellationToken): CompletionList | null {
  const open = documents.get(params.textDocument.uri);
  const file = uriToPath(params.textDocument.uri);
  if (!open || !file || !/\.canon\.ya?ml$/i.test(file)) return null;
  const known = workspace.packs.pack(file);
  const found = packCompletions(open.text, open.lines.offsetAt(params.position), known, rules, token);
  return { isIncomplete: false, items: found.map((c) => toItem(c, open.lines)) };
}

function toItem(c: PackCompletion, lines: LineIndex): CompletionItem {
  return {
    label: c.label,
    kind: KIND[c.kind],
    detail: c.detail,
    documentation: c.documentation ? { kind: MarkupKind.Markdown, value: c.documentation } : undefined,
    sortText: c.sortText,
    insertTextFormat: InsertTextFormat.PlainText,
    textEdit: { range: toRange(lines, c.replace), newText: c.label },
  };
}
