import * as assert from 'assert';
import * as vscode from 'vscode';
import { completeCue } from './writer';

describe('Completion at a cue', () => {
  it('offers canon names: NEV offers NEVEAH', async () => {
    const item = await completeCue('NEV', 'NEVEAH');
    assert.notStrictEqual(item.kind, vscode.CompletionItemKind.Text, 'the name comes from canon, not from words in the file');
  });
});
