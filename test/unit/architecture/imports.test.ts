import * as assert from 'node:assert/strict';
import { cyclesIn, importCycles, importsOf, sourceFiles } from './import-graph';

/**
 * Layers import downwards only (docs/architecture.md): a cycle, even of types, is two files that
 * cannot be read or changed one without the other. Walked from the sources, so it needs nothing
 * beyond `npm ci`.
 */
describe('imports', () => {
  for (const folder of ['server', 'client', 'bench', 'test']) {
    it(`form no cycle in ${folder}/`, () => {
      assert.deepEqual(importCycles(sourceFiles(folder)), []);
    });
  }

  it('are read from the sources, type-only imports included', () => {
    const script = sourceFiles('server').find((f) => f.endsWith('core/story/script.ts'))!;
    assert.ok(importsOf(script).some((f) => f.endsWith('core/story/clock.ts')), 'script.ts imports the Clock type');
  });

  it('show a cycle wherever there is one, and nothing else', () => {
    const graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a', 'd']], ['d', []], ['e', ['e']], ['f', ['d']]]);
    assert.deepEqual(cyclesIn(graph), [['a', 'b', 'c'], ['e']]);
  });

  it('keep core free of the server, the host and the editor', () => {
    const outward = sourceFiles('server/core').flatMap((file) => importsOf(file)
      .filter((target) => !target.startsWith('server/core/'))
      .map((target) => `${file} -> ${target}`));
    assert.deepEqual(outward, []);
  });
});
