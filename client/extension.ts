import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { registerDesk, type DeskApi } from './desk';

let client: LanguageClient | undefined;

/**
 * Starts the Canon Keeper language server over IPC. The client knows nothing of Fountain or canon:
 * it only tells the server whether the workspace is trusted, and restarts it when trust is granted,
 * because trust widens which canon packs the server may read. The desk's commands and views
 * (client/desk/) ask the server for what they show.
 */
export async function activate(context: vscode.ExtensionContext): Promise<DeskApi> {
  const output = vscode.window.createOutputChannel('Canon Keeper');
  context.subscriptions.push(output);
  client = createClient(context, output);
  await client.start();

  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      await client?.stop();
      client = createClient(context, output);
      await client.start();
    }),
    vscode.commands.registerCommand('canonKeeper.restartServer', async () => {
      await client?.restart();
    }),
  );
  return registerDesk(context, () => client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

function createClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'fountain' },
      { pattern: '**/*.canon.{yaml,yml,json}' },
    ],
    // The server registers the files it watches (packs, canon-keeper.yaml, scripts) itself, and
    // watches them itself where a client cannot: a watcher here as well would report each twice.
    synchronize: { configurationSection: 'canonKeeper' },
    // The settings come with the start, so that the first diagnostics already use them;
    // canonEntries: Go to Definition may give the built-in pack's entries as canon-keeper: documents.
    initializationOptions: { trusted: vscode.workspace.isTrusted, settings: currentSettings(), canonEntries: true },
    outputChannel: output,
  };
  return new LanguageClient('canonKeeper', 'Canon Keeper', serverOptions, clientOptions);
}

/** The `canonKeeper` settings as plain data, for the server's start. */
function currentSettings(): { canonPacks: string[]; severity: Record<string, string> } {
  const config = vscode.workspace.getConfiguration('canonKeeper');
  return { canonPacks: config.get<string[]>('canonPacks') ?? [], severity: config.get<Record<string, string>>('severity') ?? {} };
}
