import * as assert from 'node:assert/strict';
import type { Finding } from '../../../server/core/finding';
import { parse } from '../../../server/core/fountain/parse';
import { pageMarks } from '../../../server/core/pages/marks';
import { lineText } from '../../../server/core/pages/model';
import { paginate } from '../../../server/core/pages/paginate-script';

function finding(start: number, ruleId = 'continuity.state-speaks'): Finding {
  return { ruleId, span: { start, end: start + 1 }, message: 'm', severity: 'warning' };
}

/** The text of the printed line a mark stands beside. */
function markedLine(text: string, offset: number): string | undefined {
  const pages = paginate(parse(text));
  const [mark] = pageMarks(pages, [finding(offset)]);
  if (!mark) return undefined;
  const line = pages.pages[mark.page].lines.find((l) => l.row === mark.row && l.kind !== 'page-number');
  return line ? lineText(line) : undefined;
}

describe('warnings placed on the printed page', () => {
  const script = 'Title: T\n\nINT. ROOM - DAY\n\nCassie waits.\n\n[[canon: after the fall]]\n\nCASSIE\nGet out.\n';

  it('stand beside the first printed line of the element they point into', () => {
    assert.equal(markedLine(script, script.indexOf('CASSIE')), 'CASSIE');
    assert.equal(markedLine(script, script.indexOf('out.')), 'Get out.', 'a word of a speech: beside its line');
    assert.equal(markedLine(script, script.indexOf('waits')), 'Cassie waits.');
  });

  it('stand beside the element before where what they point at does not print', () => {
    assert.equal(markedLine(script, script.indexOf('canon:')), 'Cassie waits.');
  });

  it('are left out before anything printed (the title page)', () => {
    assert.equal(markedLine(script, 0), undefined);
  });

  it('go to the page the element is printed on', () => {
    const long = `INT. ROOM - DAY\n\n${'Cassie waits.\n\n'.repeat(60)}CASSIE\nGet out.\n`;
    const pages = paginate(parse(long));
    const [mark] = pageMarks(pages, [finding(long.indexOf('CASSIE'))]);
    assert.equal(mark.page, pages.pages.length - 1);
  });
});
