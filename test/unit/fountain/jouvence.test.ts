import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { Element } from '../../../server/core/fountain/model';
import { parse } from '../../../server/core/fountain/parse';
import { hasSharedFountain, sharedFountain, skipWithoutShared } from './sharedData';

/**
 * Runs Jouvence's test cases (../shared/fountain/conformance/jouvence/*.yaml). Jouvence writes each
 * element as one string whose first character is its type. Two of its habits are representation,
 * not reading, and are normalised here rather than listed as deviations:
 * - it folds consecutive action paragraphs, and the blank lines between elements, into one action
 *   string ("!\nText", "!" for a lone blank line); the model has one action per paragraph and no
 *   element for blank lines, so Jouvence's action strings are split at blank lines and empty ones
 *   dropped;
 * - it writes centered text as action starting with "><"; that is read as a centered element.
 * Notes and boneyard, which Jouvence does not list, are left out of our side.
 */
type Normalised = readonly string[];

interface Deviation {
  /** Why the spec, not Jouvence, decides. */
  readonly reason: string;
  /** What we produce instead (normalised), so that the deviation stays exactly this one. */
  readonly ours: Normalised;
}

/** Every place where we knowingly read differently from Jouvence. Any other difference fails. */
const DEVIATIONS: Record<string, Deviation> = {
  'test_lyrics.yaml #2': {
    reason:
      'The spec: "You create a Lyric by starting with a line with a tilde ~" and "Lyrics are always ' +
      'forced": a line starting with ~ is a lyric wherever it stands. Jouvence reads a ~ line followed by ' +
      'another line as action and keeps the ~ in the text.',
    ours: ['lyrics This is lyrics', 'action But this is not'],
  },
};

const TYPE_BY_MARK: Record<string, string> = {
  '.': 'scene-heading',
  '!': 'action',
  '@': 'character',
  '=': 'dialogue',
  _: 'parenthetical',
  '>': 'transition',
  '~': 'lyrics',
  '+': 'synopsis',
  '#': 'section',
};

function normaliseJouvence(out: readonly string[]): Normalised {
  const result: string[] = [];
  for (const item of out) {
    if (item === '<pagebreak>') result.push('page-break ');
    else if (item.startsWith('!><')) result.push(`centered ${item.slice(3).replace(/\s+$/, '')}`);
    else if (item.startsWith('!')) result.push(...actionParagraphs(item.slice(1)));
    else result.push(`${TYPE_BY_MARK[item[0]] ?? `unknown(${item[0]})`} ${item.slice(1)}`);
  }
  return result;
}

function actionParagraphs(body: string): string[] {
  return body
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.replace(/^\n+|\n+$/g, ''))
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => `action ${paragraph}`);
}

function normaliseOurs(elements: readonly Element[]): Normalised {
  return elements
    .filter((element) => element.type !== 'note' && element.type !== 'boneyard' && element.type !== 'title-page')
    .map((element) => `${element.type} ${element.text}`);
}

function titleOf(elements: readonly Element[]): Record<string, string> {
  const page = elements.find((element) => element.type === 'title-page');
  const entries = page?.type === 'title-page' ? page.entries : [];
  return Object.fromEntries(entries.map((entry) => [entry.key.toLowerCase(), entry.value]));
}

interface JouvenceCase {
  readonly name: string;
  readonly input: string;
  readonly out: readonly string[];
  readonly title?: Record<string, string>;
}

function loadCases(): JouvenceCase[] {
  const dir = path.join(sharedFountain, 'conformance', 'jouvence');
  const cases: JouvenceCase[] = [];
  for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.yaml')).sort()) {
    parseAllDocuments(fs.readFileSync(path.join(dir, file), 'utf8')).forEach((document, index) => {
      const data = document.toJS() as { in?: string; out?: string[] | null; title?: Record<string, string> } | null;
      if (!data || typeof data.in !== 'string') return;
      cases.push({ name: `${file} #${index + 1}`, input: data.in, out: data.out ?? [], title: data.title });
    });
  }
  return cases;
}

describe('Jouvence conformance', function () {
  if (!hasSharedFountain()) {
    it('needs ../shared/fountain', function () {
      skipWithoutShared(this);
    });
    return;
  }
  const cases = loadCases();

  it('finds the Jouvence cases', () => assert.ok(cases.length >= 30, `${cases.length} cases`));

  for (const testCase of cases) {
    it(testCase.name, () => {
      const elements = parse(testCase.input).elements;
      const ours = normaliseOurs(elements);
      const deviation = DEVIATIONS[testCase.name];
      if (deviation) {
        assert.notDeepEqual(normaliseJouvence(testCase.out), ours, `listed deviation no longer differs: ${testCase.name}`);
        assert.deepEqual(ours, deviation.ours, `deviation changed shape (${deviation.reason})`);
      } else {
        assert.deepEqual(ours, normaliseJouvence(testCase.out));
      }
      if (testCase.title) assert.deepEqual(titleOf(elements), testCase.title);
    });
  }

  it('lists no deviation for a case that does not exist', () => {
    const names = new Set(cases.map((c) => c.name));
    assert.deepEqual(Object.keys(DEVIATIONS).filter((name) => !names.has(name)), []);
  });
});
