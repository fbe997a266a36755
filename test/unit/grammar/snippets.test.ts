import * as assert from 'assert';
import { readRepoJson } from './repo';

interface Snippet {
  prefix: unknown;
  body: unknown;
  description: unknown;
}

const snippets = readRepoJson('snippets/fountain.json') as Record<string, Snippet>;

function bodyText(body: unknown): string {
  return Array.isArray(body) ? body.join('\n') : String(body);
}

/**
 * Checks the snippet syntax VS Code accepts: every "${" closes, a choice is ${n|a,b|} with
 * non-empty options, and a tab stop used twice carries the same choice both times.
 * Returns the problems found, empty when the body is well-formed.
 */
function snippetProblems(text: string): string[] {
  const problems: string[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
    } else if (text.startsWith('${', i)) {
      depth++;
      i++;
    } else if (text[i] === '}' && depth > 0) {
      depth--;
    }
  }
  if (depth !== 0) problems.push('an unclosed ${');
  const choices = new Map<string, string>();
  for (const opening of text.matchAll(/\$\{(\d+)\|/g)) {
    const rest = text.slice((opening.index ?? 0) + opening[0].length);
    const close = rest.indexOf('|}');
    if (close < 0) {
      problems.push(`choice $${opening[1]} is not closed with |}`);
      continue;
    }
    const options = rest.slice(0, close);
    if (options.split(',').some((option) => option.trim() === '')) {
      problems.push(`choice $${opening[1]} has an empty option`);
    }
    const earlier = choices.get(opening[1]);
    if (earlier !== undefined && earlier !== options) problems.push(`tab stop $${opening[1]} has two different choices`);
    choices.set(opening[1], options);
  }
  return problems;
}

describe('snippets/fountain.json', () => {
  it('has snippets', () => {
    assert.ok(Object.keys(snippets).length > 10);
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    describe(name, () => {
      it('has a prefix, a body and a description', () => {
        const prefixes = Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix];
        assert.ok(prefixes.length > 0 && prefixes.every((p) => typeof p === 'string' && /^[\w-]+$/.test(p)),
          `prefixes should be words: ${JSON.stringify(snippet.prefix)}`);
        assert.ok(typeof snippet.body === 'string' || (Array.isArray(snippet.body) && snippet.body.every((l) => typeof l === 'string')));
        assert.ok(typeof snippet.description === 'string' && snippet.description.length > 10);
      });

      it('has a well-formed body', () => {
        assert.deepStrictEqual(snippetProblems(bodyText(snippet.body)), []);
      });
    });
  }

  it('offers the Canon key and the canon notes', () => {
    const all = Object.values(snippets).map((s) => bodyText(s.body)).join('\n');
    assert.ok(all.includes('Canon: ${7|compliant,AU,divergent|}'));
    assert.ok(all.includes("[[canon: ${1|after,before|} ${2:Cassie's fall}]]"));
    assert.ok(all.includes('[[diverge: '));
    assert.ok(all.includes('[[canon-ignore]]'));
  });

  it('finds malformed bodies (the checker itself works)', () => {
    assert.notDeepStrictEqual(snippetProblems('${1|a,b}'), []);
    assert.notDeepStrictEqual(snippetProblems('${1|a,,b|}'), []);
    assert.notDeepStrictEqual(snippetProblems('${1:open'), []);
    assert.deepStrictEqual(snippetProblems('${1|a,b|} ${2:x ${TM_SELECTED_TEXT}} \\}'), []);
  });
});
