import * as vscode from 'vscode';
import { exportPdf, type ExportChoices } from './export-pdf';
import { PreviewPanel } from './preview';
import { Desk, type ClientRef } from './requests';
import { StatisticsView } from './stats-view';
import { statusBar } from './status';

/** What the extension hands to whoever asks (its `exports`): what the writer sees, for the end-to-end tests. */
export interface DeskApi {
  statusBarText(): string | undefined;
  statisticsHtml(): string | undefined;
  preview(): { open: boolean; updates: number; pages: number; moved: number; count: number };
}

/** The writer's desk: Export PDF, the statistics, the preview and the status bar item. */
export function registerDesk(context: vscode.ExtensionContext, client: ClientRef): DeskApi {
  const desk = new Desk(client);
  const statistics = new StatisticsView(desk, context.extensionUri);
  const preview = new PreviewPanel(desk, context.extensionUri);
  const status = statusBar(desk);
  context.subscriptions.push(
    statistics,
    preview,
    status,
    vscode.commands.registerCommand('canonKeeper.exportPdf', (uri?: unknown, choices?: ExportChoices) => exportPdf(desk, uri, choices)),
    vscode.commands.registerCommand('canonKeeper.showStatistics', (uri?: unknown) => statistics.open(uri)),
    vscode.commands.registerCommand('canonKeeper.openPreview', (uri?: unknown) => preview.open(uri)),
  );
  return {
    statusBarText: () => status.text(),
    statisticsHtml: () => statistics.html,
    preview: () => ({ open: preview.isOpen, ...preview.sent }),
  };
}
