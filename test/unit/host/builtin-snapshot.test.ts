import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { notCancelled } from '../../../server/core/cancellation';
import { checkStory } from '../../../server/core/check';
import type { CanonPack } from '../../../server/core/canon/model';
import type { Finding } from '../../../server/core/finding';
import { loadPack } from '../../../server/core/canon/load';
import { parse } from '../../../server/core/fountain/parse';
import { builtinPackPath, BUILTIN_REF, readSnapshot, snapshotOf, SNAPSHOT_FILE } from '../../../server/host/builtin';
import { corpusRoot, findCorpusEntries } from '../corpus/corpus-files';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

function yamlPack(text: string): CanonPack {
  const pack = loadPack(text, BUILTIN_REF, () => undefined).pack;
  assert.ok(pack, 'the built-in pack loads');
  return pack;
}

function writeTemp(content: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'canon-keeper-snapshot-')), SNAPSHOT_FILE);
  fs.writeFileSync(file, content);
  return file;
}

describe('the built-in pack\'s build-time snapshot', () => {
  const text = fs.readFileSync(builtinPackPath(), 'utf8');

  it('gives every corpus script the very findings the YAML gives', () => {
    const fromYaml = yamlPack(text);
    const fromSnapshot = readSnapshot(writeTemp(snapshotOf(text, fromYaml)), text);
    assert.ok(fromSnapshot, 'a snapshot of the current text is read');
    const entries = findCorpusEntries(corpusRoot());
    assert.ok(entries.length > 20, `only ${entries.length} corpus scripts`);
    let findings = 0;
    for (const entry of entries) {
      const docs = [...entry.previousChapterFiles, entry.file].map((f) => parse(fs.readFileSync(f, 'utf8')));
      const a: Finding[][] = checkStory(docs, fromYaml, {}, notCancelled).map((r) => r.findings);
      const b: Finding[][] = checkStory(docs, fromSnapshot, {}, notCancelled).map((r) => r.findings);
      assert.deepStrictEqual(JSON.parse(JSON.stringify(b)), JSON.parse(JSON.stringify(a)), entry.name);
      findings += a.flat().length;
    }
    assert.ok(findings > 50, `only ${findings} findings over the corpus`);
  });

  it('is ignored when the pack file changed since, or the snapshot is cut short or missing', () => {
    const pack = yamlPack(text);
    assert.strictEqual(readSnapshot(writeTemp(snapshotOf(text, pack)), `${text}\n# edited\n`), undefined);
    const whole = snapshotOf(text, pack);
    assert.strictEqual(readSnapshot(writeTemp(whole.slice(0, whole.length >> 1)), text), undefined);
    assert.strictEqual(readSnapshot(path.join(os.tmpdir(), 'no-such-dir', SNAPSHOT_FILE), text), undefined);
  });

  it('is written by the build (npm test builds first) for the pack as it is now', () => {
    const built = path.join(ROOT, 'dist', SNAPSHOT_FILE);
    assert.ok(fs.existsSync(built), `${built} is missing: run npm run build`);
    const pack = readSnapshot(built, text);
    assert.ok(pack, `${built} was made from other text than ${builtinPackPath()}: run npm run build`);
    assert.deepStrictEqual(pack, JSON.parse(JSON.stringify(yamlPack(text))));
  });
});
