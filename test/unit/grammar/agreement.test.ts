import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as textmate from 'vscode-textmate';
import { hasSharedFountain, sharedFountain } from '../fountain/sharedData';
import { disagreements, grammar, grammarKinds, parserKinds } from './line-kinds';
import { repoRoot } from './repo';

function fountainFiles(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return fountainFiles(full);
    return /\.(fountain|spmd)$/.test(entry.name) ? [full] : [];
  });
}

/** Every disagreement that is not the grammar's one-line view, one line each; and how many were. */
async function compare(files: readonly string[]): Promise<{ wrong: string[]; nextLine: number; lines: number }> {
  const wrong: string[] = [];
  let nextLine = 0;
  let lines = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    lines += text.split('\n').length;
    for (const d of await disagreements(text)) {
      if (d.nextLineDecides) nextLine++;
      else wrong.push(`${path.relative(repoRoot, file)}:${d.line} parser ${d.parser}, grammar ${d.grammar}: ${d.text}`);
    }
  }
  return { wrong, nextLine, lines };
}

describe('the grammar and the parser agree on every line', function () {
  this.timeout(60_000);

  it('on the repository’s fixtures, the example story and the end-to-end scripts', async () => {
    const files = [
      ...fountainFiles(path.join(repoRoot, 'test', 'fixtures', 'fountain')),
      ...fountainFiles(path.join(repoRoot, 'test', 'e2e', 'workspace')),
      ...fountainFiles(path.join(repoRoot, 'examples')),
    ];
    assert.ok(files.length > 10, `fixtures found: ${files.length}`);
    const { wrong } = await compare(files);
    assert.deepStrictEqual(wrong, []);
  });

  it('on the shared Fountain samples and conformance scripts', async function () {
    if (!hasSharedFountain()) {
      console.log(`      (skipped: shared Fountain data not found at ${sharedFountain})`);
      this.skip();
    }
    const files = [...fountainFiles(path.join(sharedFountain, 'samples')), ...fountainFiles(path.join(sharedFountain, 'conformance'))];
    const { wrong, nextLine, lines } = await compare(files);
    assert.deepStrictEqual(wrong, []);
    // The lines only the next line decides are few: a line of capitals before a blank line, mostly.
    assert.ok(nextLine < lines / 100, `${nextLine} of ${lines} lines`);
  });

  it('reads a scene heading right after a transition as one, forced or not', async () => {
    for (const text of ['Wind.\n\nCUT TO:\n\nINT. HOUSE - DAY\n\nRain.', 'Wind.\n\n> FADE TO BLACK.\n\nEXT. ROOF - NIGHT\n', 'SMASH CUT TO:\n\n.FLASHBACK\n']) {
      const expected = parserKinds(text);
      assert.ok(expected.includes('scene-heading') && expected.includes('transition'), JSON.stringify(expected));
      assert.deepStrictEqual(await grammarKinds(text), expected, text);
    }
  });

  it('knows which lines only the next line decides: a transition with a line below is a cue', async () => {
    const [cut] = await disagreements('Wind.\n\nCUT TO:\nINT. HOUSE - DAY\n');
    assert.deepStrictEqual([cut.parser, cut.grammar, cut.nextLineDecides], ['character', 'transition', true]);
  });

  it('gives sections a scope of their own, apart from scene headings, so themes colour them apart', async () => {
    const g = await grammar();
    const scopesOf = (line: string): string[] => g.tokenizeLine(line, textmate.INITIAL).tokens.flatMap((t) => t.scopes);
    const section = scopesOf('# Act One');
    const heading = scopesOf('INT. HOUSE - DAY');
    assert.ok(section.includes('meta.section.fountain') && section.includes('entity.name.type.section.fountain'), section.join(' '));
    assert.ok(!section.some((s) => s.startsWith('markup.heading') || s.includes('scene-heading')), section.join(' '));
    assert.ok(!heading.some((s) => s.includes('.section.fountain') && !s.includes('scene-heading')), heading.join(' '));
  });
});
