import * as assert from 'node:assert/strict';
import { notCancelled } from '../../../server/core/cancellation';
import { parse } from '../../../server/core/fountain/parse';
import { titlePageValueCompletions } from '../../../server/core/features/title-completion';
import { titlePageHover } from '../../../server/core/features/title-hover';
import { script, withCursor } from './cursor';

const BODY = ['INT. ROOF - NIGHT', '', 'Wind.', ''];

function values(fixture: string): { labels: string[]; replaced: string[] } {
  const { text, offset } = withCursor(fixture);
  const items = titlePageValueCompletions(parse(text), offset, notCancelled);
  return { labels: items.map((i) => i.label), replaced: items.map((i) => text.slice(i.replace.start, i.replace.end)) };
}

function hoverAt(fixture: string): string | undefined {
  const { text, offset } = withCursor(fixture);
  return titlePageHover(parse(text), offset)?.markdown;
}

describe('title page values and help', () => {
  it('offers compliant, AU and divergent after Canon:, replacing what is typed of the value', () => {
    assert.deepEqual(values(script('Title: The Roof', 'Canon: $0', '', ...BODY)).labels, ['compliant', 'AU', 'divergent']);
    assert.deepEqual(values(script('Title: The Roof', 'canon:di$0')).replaced, ['di', 'di', 'di']);
  });

  it('offers no value outside the title page or after another key', () => {
    assert.deepEqual(values(script(...BODY, 'Canon: $0')).labels, []);
    assert.deepEqual(values(script('Title: $0')).labels, []);
  });

  it('explains a key Fountain knows, Canon: and its value on hover', () => {
    const page = ['Title: The Roof', 'Draft date: 1 May', 'Canon: AU', '', ...BODY];
    assert.match(hoverAt(script('Ti$0tle: The Roof', ...page.slice(1))) ?? '', /^\*\*Title:\*\* The title/);
    assert.match(hoverAt(script(page[0], 'Draft d$0ate: 1 May', ...page.slice(2))) ?? '', /bottom right/);
    assert.match(hoverAt(script(page[0], page[1], 'Can$0on: AU', ...page.slice(3))) ?? '', /canon pack/);
    assert.match(hoverAt(script(page[0], page[1], 'Canon: A$0U', ...page.slice(3))) ?? '', /^\*\*AU\*\*, an alternate universe/);
  });

  it('says nothing on an unknown key or below the title page', () => {
    assert.equal(hoverAt(script('Title: The Roof', 'Fand$0om: TPT', '', ...BODY)), undefined);
    assert.equal(hoverAt(script('Title: The Roof', '', 'INT. RO$0OF - NIGHT')), undefined);
  });
});
