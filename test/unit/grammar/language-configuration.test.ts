import * as assert from 'assert';
import { readRepoJson } from './repo';

interface LanguageConfiguration {
  comments: { lineComment?: string; blockComment: [string, string] };
  brackets: [string, string][];
  autoClosingPairs: { open: string; close: string }[];
  wordPattern: { pattern: string; flags?: string };
}

const config = readRepoJson('language-configuration.json') as LanguageConfiguration;

/** Words as VS Code finds them: it compiles wordPattern with its flags and adds "g". */
function words(text: string): string[] {
  const flags = (config.wordPattern.flags ?? '') + 'g';
  return text.match(new RegExp(config.wordPattern.pattern, flags)) ?? [];
}

describe('language-configuration.json', () => {
  it('has the boneyard as its only comment, Fountain having no line comment', () => {
    assert.deepStrictEqual(config.comments, { blockComment: ['/*', '*/'] });
  });

  it('pairs notes and parentheses', () => {
    assert.deepStrictEqual(config.brackets, [['[[', ']]'], ['(', ')']]);
  });

  it('closes only what Backspace takes back: `[` twice gives `[[]]`, a pair at a time; `/*` is not closed', () => {
    // VS Code deletes an auto-closed pair with Backspace only when its opening is one character: `[[`
    // as one pair, or `/*`, left `]]` or `*/` behind (checked by typing in test/e2e/suite/editor.test.ts).
    const pairs = config.autoClosingPairs.map((p) => p.open + p.close);
    assert.deepStrictEqual(pairs.sort(), ['""', '()', '[]']);
    assert.ok(config.autoClosingPairs.every((p) => p.open.length === 1 && p.close.length === 1));
  });

  it('keeps apostrophe names and extensions whole', () => {
    assert.deepStrictEqual(words("O'BRIEN (CONT'D)"), ["O'BRIEN", "CONT'D"]);
    assert.deepStrictEqual(words('O’BRIEN'), ['O’BRIEN']);
    assert.deepStrictEqual(words("Neveah's"), ["Neveah's"]);
  });

  it('splits (V.O.) into its letters and leaves emphasis marks out', () => {
    assert.deepStrictEqual(words('(V.O.)'), ['V', 'O']);
    assert.deepStrictEqual(words('_**Zoë**_'), ['Zoë']);
  });

  it('reads names in other scripts as words', () => {
    assert.deepStrictEqual(words('МАША 李明'), ['МАША', '李明']);
  });
});

describe('editor defaults for Fountain', () => {
  const manifest = readRepoJson('package.json') as { contributes: { configurationDefaults?: Record<string, Record<string, unknown>> } };
  const fountain = manifest.contributes.configurationDefaults?.['[fountain]'] ?? {};

  it('wraps long lines, as a screenplay is prose', () => {
    assert.strictEqual(fountain['editor.wordWrap'], 'on');
  });

  it('lets Enter start a new line after a scene heading instead of accepting a suggestion (Tab accepts)', () => {
    assert.strictEqual(fountain['editor.acceptSuggestionOnEnter'], 'off');
  });
});
