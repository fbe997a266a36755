import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { canonEntryDocument, entryAt } from '../../../server/core/features/canon-entry';
import { loadPack } from '../../../server/core/canon/load';
import { canon } from './support';

const builtinFile = path.resolve(__dirname, '../../../..', 'canon', 'tiny-pretty-things.canon.yaml');

describe('a built-in character\'s entry as a read-only document', () => {
  it('shows the entry as written, then the relations and states that name the character, the id where it points', () => {
    const text = fs.readFileSync(builtinFile, 'utf8');
    const pack = loadPack(text, 'builtin:tiny-pretty-things', () => undefined).pack;
    assert.ok(pack);
    const entry = canonEntryDocument(pack, text, 'delia', 'builtin:tiny-pretty-things');
    assert.ok(entry);
    assert.equal(entry.text.slice(entry.span.start, entry.span.end), 'delia');
    assert.match(entry.text, /^# Delia Whitlaw, as Canon Keeper's built-in canon pack has them/);
    assert.match(entry.text, /\n\ncharacters:\n {2}- id: delia\n {4}name: Delia Whitlaw\n[^]*?\n\nrelations:\n {2}- id: whitlaw-sisters\n/);
    assert.ok(entry.text.includes('  - id: ramon-delia'));
    assert.ok(!entry.text.includes('id: neveah'), 'the next entry, and the comment above it, are not Delia\'s');
    assert.ok(!entry.text.includes('\nstates:'), 'no state names Delia');
  });

  it('finds nothing for a character of another pack or none', () => {
    const { pack } = canon();
    const text = fs.readFileSync(builtinFile, 'utf8');
    assert.equal(canonEntryDocument(pack, text, 'nobody', 'builtin:tiny-pretty-things'), undefined);
    assert.equal(canonEntryDocument(pack, text, 'cassie', 'builtin:another-pack'), undefined);
  });

  it('takes a list item whole, with Windows line ends, up to the next item at its depth', () => {
    const text = ['characters:', '  - id: a', '    name: A', '', '    # about A', '    role: x', '  - id: b', '    name: B', ''].join('\r\n');
    const span = entryAt(text, { uri: 'p', span: { start: text.indexOf('a\r'), end: text.indexOf('a\r') + 1 } });
    assert.ok(span);
    assert.equal(text.slice(span.start, span.end), ['  - id: a', '    name: A', '', '    # about A', '    role: x'].join('\r\n'));
  });
});
