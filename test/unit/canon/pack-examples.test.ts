import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { notCancelled } from '../../../server/core/cancellation';
import { loadPack } from '../../../server/core/canon/load';
import { runExamples } from '../../../server/core/pack-tests';
import { builtinPath, fileResolver, repoRoot } from './support';

const examplePacks = path.join(repoRoot, 'examples', 'packs');
const packs = [
  builtinPath,
  ...fs.readdirSync(examplePacks).flatMap((folder) => fs.readdirSync(path.join(examplePacks, folder)).filter((f) => f.endsWith('.canon.yaml')).map((f) => path.join(examplePacks, folder, f))),
];

/** A failing example in the words `canon-keeper test` would use, for the assertion message. */
function failures(file: string): string[] {
  const loaded = loadPack(fs.readFileSync(file, 'utf8'), file, fileResolver);
  assert.ok(loaded.pack, loaded.problems.map((p) => p.message).join('\n'));
  const results = runExamples(loaded.pack, {}, notCancelled);
  assert.ok(results.length >= 3, `${path.basename(file)} has only ${results.length} examples`);
  return results.filter((r) => !r.passed).map((r) => `${r.example.name}: missing ${r.missing.map((m) => m.rule).join(', ') || '-'}; unexpected ${r.unexpected.map((u) => `${u.rule} (line ${u.line})`).join(', ') || '-'}`);
}

describe('the packs shipped test themselves (examples:)', () => {
  it('has the built-in pack and the ten example packs', () => {
    assert.strictEqual(packs.length, 11, packs.join('\n'));
  });

  for (const file of packs) {
    it(`${path.basename(file)}: every example passes`, () => {
      assert.deepStrictEqual(failures(file), []);
    });
  }

  it('fails an example that expects what the script does not give, and one that stays quiet when it should not', () => {
    const text = fs.readFileSync(builtinPath, 'utf8')
      .replace('    expect: [continuity.participant]', '    expect: [continuity.never]')
      .replace('      Cassie lies still. The monitors beep.', '      Cassie sits up and waves.');
    const pack = loadPack(text, builtinPath, fileResolver).pack;
    assert.ok(pack);
    const failed = runExamples(pack, {}, notCancelled).filter((r) => !r.passed);
    assert.deepStrictEqual(failed.map((r) => [r.example.name, r.missing.map((m) => m.rule), r.unexpected.map((u) => u.rule)]), [
      ['Cassie lying still in her coma is canon', [], ['continuity.state-acts']],
      ['Delia pushed Cassie, not Ramon', ['continuity.never'], ['continuity.participant']],
    ]);
  });

  it('fails an example that names a rule there is not, suggesting the closest', () => {
    const text = fs.readFileSync(builtinPath, 'utf8').replace('    expect: [continuity.never]', '    expect: [continuity.nevr]');
    const pack = loadPack(text, builtinPath, fileResolver).pack;
    assert.ok(pack);
    const failed = runExamples(pack, {}, notCancelled).filter((r) => !r.passed);
    assert.deepStrictEqual(failed.map((r) => r.unknownRules.map((u) => [u.expected.rule, u.suggestion])), [[['continuity.nevr', 'continuity.never']]]);
  });
});
