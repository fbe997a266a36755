import * as path from 'path';
import * as vscode from 'vscode';
import type { ExportPdfResult } from '../../server/protocol/desk';
import { scriptFor, type Desk } from './requests';

/** What a test (or a keybinding) may settle in advance instead of asking. */
export interface ExportChoices {
  readonly scope?: 'script' | 'story';
  readonly target?: string;
  /** Leave out the "Open" notification, whose answer nobody would wait for. */
  readonly quiet?: boolean;
}

/**
 * "Canon Keeper: Export PDF": asks whether to print the script or its whole story (when its
 * folder holds other chapters) and where to save (beside the script, same name, .pdf); the
 * server lays out and writes the PDF; a notification offers to open it.
 */
export async function exportPdf(desk: Desk, uri: unknown, choices: ExportChoices = {}): Promise<string | undefined> {
  const document = await scriptFor(uri);
  if (!document) {
    void vscode.window.showWarningMessage('Canon Keeper: open a Fountain script to export it as a PDF.');
    return undefined;
  }
  const scope = choices.scope ?? await askScope(document);
  if (!scope) return undefined;
  const target = choices.target ?? (await vscode.window.showSaveDialog({
    defaultUri: defaultTarget(document, scope),
    filters: { PDF: ['pdf'] },
    saveLabel: 'Export PDF',
  }))?.fsPath;
  if (!target) return undefined;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Exporting ${path.basename(target)}` },
    () => desk.exportPdf(document, scope, target),
  ).then((r) => r, (error: Error) => {
    void vscode.window.showErrorMessage(`Canon Keeper: the PDF could not be written. ${error.message}`);
    return undefined;
  });
  if (!result) return undefined;
  if (!choices.quiet) void announce(result);
  return result.target;
}

async function announce({ target, pages, chapters, unprintable, fontProblems }: ExportPdfResult): Promise<void> {
  const what = `${pages} ${pages === 1 ? 'page' : 'pages'}${chapters > 1 ? ` from ${chapters} chapters` : ''}`;
  const shown = unprintable.slice(0, 12).join(' ') + (unprintable.length > 12 ? ` and ${unprintable.length - 12} more` : '');
  const warning = [
    ...fontProblems.map((p) => ` ${p[0].toUpperCase()}${p.slice(1)}.`),
    ...(unprintable.length > 0 ? [` No font on this computer has ${shown}: they print as "?" (name a font that has them in the setting canonKeeper.pdf.fonts).`] : []),
  ].join('');
  const choice = await vscode.window.showInformationMessage(`Exported ${path.basename(target)}: ${what}.${warning}`, 'Open');
  if (choice === 'Open') await vscode.env.openExternal(vscode.Uri.file(target));
}

/** Print the whole story only when asked, and ask only where the folder holds other chapters. */
async function askScope(document: vscode.TextDocument): Promise<'script' | 'story' | undefined> {
  const chapters = await chaptersBeside(document.uri);
  if (chapters <= 1) return 'script';
  const picked = await vscode.window.showQuickPick([
    { label: 'This script', description: path.basename(document.uri.path), scope: 'script' as const },
    { label: 'The whole story', description: `${chapters} chapters of ${path.basename(path.dirname(document.uri.path))}, in order`, scope: 'story' as const },
  ], { title: 'Export PDF', placeHolder: 'What to print' });
  return picked?.scope;
}

async function chaptersBeside(uri: vscode.Uri): Promise<number> {
  if (uri.scheme !== 'file') return 1;
  try {
    const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(uri, '..'));
    return entries.filter(([name, type]) => type === vscode.FileType.File && /\.(fountain|spmd)$/i.test(name)).length;
  } catch {
    return 1;
  }
}

/** Beside the script, with its name; a story is named after its folder. */
function defaultTarget(document: vscode.TextDocument, scope: 'script' | 'story'): vscode.Uri {
  const folder = document.uri.scheme === 'file'
    ? vscode.Uri.joinPath(document.uri, '..')
    : vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(process.cwd());
  const name = scope === 'story' ? path.basename(folder.path) : path.basename(document.uri.path).replace(/\.[^.]+$/, '');
  return vscode.Uri.joinPath(folder, `${name || 'script'}.pdf`);
}
