import * as assert from 'assert';
import fc from 'fast-check';
import { loadPack, type PackResolver } from '../../../server/core/canon/load';
import { builtinText, memoryResolver } from './support';

const none: PackResolver = () => undefined;

function generatedPack(targetLength: number): string {
  const parts = ['canon: 1\nid: big\nname: A generated pack\ncharacters:\n'];
  let length = parts[0].length;
  for (let i = 0; length < targetLength; i++) {
    const item = `  - id: c${i}\n    name: Person${i} Number\n    aliases: [P${i}, Pn${i}]\n    source: "A sentence about person ${i}."\n`;
    parts.push(item);
    length += item.length;
  }
  return parts.join('');
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = Date.now();
  const value = run();
  return { value, ms: Date.now() - start };
}

/** Nothing a pack holds may crash the loader or surface as an internal error. */
function assertHandled(text: string, resolve: PackResolver = none): void {
  const result = loadPack(text, 'fuzz.canon.yaml', resolve);
  const internal = result.problems.filter((p) => p.message.startsWith('internal error'));
  assert.deepStrictEqual(internal, []);
  for (const p of result.problems) assert.ok(p.span.start >= 0 && p.span.end >= p.span.start, JSON.stringify(p));
}

describe('canon pack loading under stress', () => {
  it('refuses a 10 MB pack quickly, with a clear problem', () => {
    const text = generatedPack(10 * 1024 * 1024);
    const { value, ms } = timed(() => loadPack(text, 'big.canon.yaml', none));
    assert.strictEqual(value.pack, undefined);
    assert.match(value.problems[0].message, /the pack is too large \(10\.0 MB; canon packs are limited to 2 MB\)/);
    assert.ok(ms < 1000, `took ${ms} ms`);
  });

  it('loads a pack just under the limit in bounded time', function () {
    this.timeout(60000);
    const text = generatedPack(2 * 1024 * 1024 - 200);
    const { value, ms } = timed(() => loadPack(text, 'big.canon.yaml', none));
    assert.deepStrictEqual(value.problems, []);
    assert.ok(value.pack && value.pack.characters.length > 15000);
    assert.ok(ms < 15000, `took ${ms} ms`);
  });

  it('bounds the number of problems a broken huge pack reports', function () {
    this.timeout(60000);
    const text = generatedPack(1024 * 1024).replace(/name: (Person\d+) Number/g, "name: [$1]");
    const { value, ms } = timed(() => loadPack(text, 'big.canon.yaml', none));
    assert.ok(value.problems.length <= 501, `${value.problems.length} problems`);
    assert.match(value.problems[value.problems.length - 1].message, /more problems not listed/);
    assert.ok(ms < 15000, `took ${ms} ms`);
  });

  it('never throws on random text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => assertHandled(text)), { numRuns: 300 });
  });

  it('never throws on random YAML-ish text', () => {
    const token = fc.constantFrom('canon: 1\n', 'id: x\n', 'name: X\n', 'characters:\n', '  - ', 'id: ', '{', '}', '[', ']', ': ', '\n', '  ', '"', "'", '*a', '&a ', '!!map ', '? ', '- ', 'extends: self\n', 'remove:\n', '#', 'events:\n', '\uFFFD', 'null', '~');
    fc.assert(fc.property(fc.array(token, { maxLength: 60 }), (tokens) => assertHandled(tokens.join(''), memoryResolver({ self: tokens.join('') }))), { numRuns: 300 });
  });

  it('never throws on random mutations of the built-in pack', () => {
    const pack = builtinText();
    const mutation = fc.record({
      at: fc.nat({ max: pack.length }),
      cut: fc.nat({ max: 40 }),
      insert: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('{', '}', '[', ']', '\n  - ', ': ', '\t', '*', 'id: cassie\n', '{victim', 'after: fall')),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (mutations) => {
        let text = pack;
        for (const m of mutations) text = text.slice(0, m.at) + m.insert + text.slice(m.at + m.cut);
        assertHandled(text);
      }),
      { numRuns: 150 },
    );
  });
});
