import * as assert from 'node:assert/strict';
import { statsHtml } from '../../../client/desk/stats-html';
import { parse } from '../../../server/core/fountain/parse';
import { scriptStats } from '../../../server/core/features/stats';

/** The statistics panel's markup: every figure shown, and the script's own text never taken as markup. */
describe('the statistics panel', () => {
  const script = 'INT. <B>ROOM</B> - NIGHT\n\n<IMG SRC=X>\nHello.\n\nEXT. YARD - DAY\n\nRain.\n';
  const html = statsHtml('a<b>.fountain', { stats: scriptStats([parse(script)]), canon: { pack: 'Pack & Co', mode: 'au' } });

  it('shows the figures, the cast, the places and the times', () => {
    for (const wanted of ['Pages', 'Screen time', 'Scenes', 'Words', 'Characters', 'Locations', 'Interior', 'Exterior', 'NIGHT', 'DAY', 'Pack &amp; Co: AU']) {
      assert.ok(html.includes(wanted), wanted);
    }
  });

  it('escapes what the script wrote: names, places and the file name', () => {
    assert.ok(!/<img|<b>/i.test(html), html);
    assert.ok(html.includes('&lt;IMG SRC=X&gt;'));
    assert.ok(html.includes('a&lt;b&gt;.fountain'));
  });

  it('draws bars as width classes, the policy allowing no inline style', () => {
    assert.ok(!html.includes('style='));
    assert.match(html, /class="bar w10"/);
  });
});
