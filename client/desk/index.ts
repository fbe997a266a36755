import * as vscode from 'vscode';
import { CANON_ENTRY_SCHEME } from '../../server/protocol/timeline';
import { exportPdf, type ExportChoices } from './export-pdf';
import { canonEntries, canonPicture, PictureView, timelinePicture } from './pictures';
import { PreviewPanel } from './preview';
import { Desk, type ClientRef } from './requests';
import { StatisticsView } from './stats-view';
import { statusBar } from './status';

/** What the extension hands to whoever asks (its `exports`): what the writer sees, for the end-to-end tests. */
export interface DeskApi {
  statusBarText(): string | undefined;
  statisticsHtml(): string | undefined;
  preview(): { open: boolean; updates: number; pages: number; moved: number; count: number };
  timelineHtml(): string | undefined;
  canonHtml(): string | undefined;
}

/** The writer's desk: Export PDF, the statistics, the preview, the status bar item, the timeline and the canon. */
export function registerDesk(context: vscode.ExtensionContext, client: ClientRef): DeskApi {
  const desk = new Desk(client);
  const statistics = new StatisticsView(desk, context.extensionUri);
  const preview = new PreviewPanel(desk, context.extensionUri);
  const status = statusBar(desk);
  const timeline = new PictureView(client, context.extensionUri, timelinePicture());
  const canon = new PictureView(client, context.extensionUri, canonPicture());
  context.subscriptions.push(
    statistics,
    preview,
    status,
    vscode.commands.registerCommand('canonKeeper.exportPdf', (uri?: unknown, choices?: ExportChoices) => exportPdf(desk, uri, choices)),
    vscode.commands.registerCommand('canonKeeper.showStatistics', (uri?: unknown) => statistics.open(uri)),
    vscode.commands.registerCommand('canonKeeper.openPreview', (uri?: unknown) => preview.open(uri)),
    timeline,
    canon,
    vscode.commands.registerCommand('canonKeeper.showTimeline', (uri?: unknown) => timeline.open(uri)),
    vscode.commands.registerCommand('canonKeeper.showCanon', (uri?: unknown) => canon.open(uri)),
    vscode.workspace.registerTextDocumentContentProvider(CANON_ENTRY_SCHEME, canonEntries(client)),
  );
  return {
    statusBarText: () => status.text(),
    statisticsHtml: () => statistics.html,
    preview: () => ({ open: preview.isOpen, ...preview.sent }),
    timelineHtml: () => timeline.html,
    canonHtml: () => canon.html,
  };
}
