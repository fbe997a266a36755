import * as assert from 'assert';
import * as vscode from 'vscode';
import { until } from './poll';
import { activeExtension, lineOf, openScript, scripts } from './writer';

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers.flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

function symbolNames(symbols: readonly (vscode.DocumentSymbol | vscode.SymbolInformation)[]): string[] {
  return symbols.flatMap((s) => [s.name, ...('children' in s ? symbolNames(s.children) : [])]);
}

describe('Hover on a character', () => {
  it('shows the canon card: CASSIE is Cassie Shore', async () => {
    const editor = await openScript(scripts.scenes);
    await activeExtension();
    const position = new vscode.Position(lineOf(editor.document, 'CASSIE'), 2);
    let seen = '';
    await until('a hover naming Cassie Shore', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider', editor.document.uri, position);
      seen = hoverText(hovers ?? []);
      return seen.includes('Cassie Shore');
    }).catch((error: Error) => {
      throw new Error(`${error.message}; hover said: ${JSON.stringify(seen.slice(0, 300)) || 'nothing'}`);
    });
  });
});

describe('The Outline', () => {
  it('lists the scenes', async () => {
    const editor = await openScript(scripts.scenes);
    await activeExtension();
    const headings = ['INT. ARCHER SCHOOL - STUDIO A - DAY', 'EXT. ARCHER SCHOOL - COURTYARD - NIGHT'];
    let names: string[] = [];
    await until('both scene headings in the Outline', async () => {
      const symbols = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[]>(
        'vscode.executeDocumentSymbolProvider', editor.document.uri);
      names = symbolNames(symbols ?? []);
      return headings.every((heading) => names.some((name) => name.toUpperCase().includes(heading)));
    }).catch((error: Error) => {
      throw new Error(`${error.message}; the Outline has: ${names.join(' | ') || 'nothing'}`);
    });
    const scenes = names.filter((name) => /^(INT|EXT)\./i.test(name.replace(/^\S*\s*(?=(INT|EXT)\.)/i, '')));
    assert.ok(scenes.length >= 2, `two scenes listed: ${names.join(' | ')}`);
  });
});
