import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { SERVER_V8_FLAGS } from '../../../server/lsp/heap';
import { assertKnownV8Flags } from '../../support/v8-flags';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

describe("the language server's heap", () => {
  it('is tuned with V8 flags this node knows: an unknown flag would be dropped without a word, and the lower peak with it', () => {
    assertKnownV8Flags(SERVER_V8_FLAGS);
  });

  it('is tuned by the server entry before the server starts', () => {
    const main = fs.readFileSync(path.join(ROOT, 'server', 'lsp', 'main.ts'), 'utf8');
    const tuned = main.indexOf('tuneHeapForEditing();');
    assert.ok(tuned >= 0, 'server/lsp/main.ts calls tuneHeapForEditing()');
    assert.ok(tuned < main.indexOf('startServer('), 'before it starts the server');
  });
});
