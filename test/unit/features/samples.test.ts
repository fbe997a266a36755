import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { notCancelled } from '../../../server/core/cancellation';
import { parse } from '../../../server/core/fountain/parse';
import { foldingRanges } from '../../../server/core/features/folding';
import { outline, type OutlineNode } from '../../../server/core/features/outline';
import { LineIndex } from '../../../server/core/lines';

const SAMPLES = path.resolve(__dirname, '../../../../../shared/fountain/samples');

function scenesAndSections(nodes: readonly OutlineNode[]): number {
  return nodes.reduce((count, node) => count + 1 + scenesAndSections(node.children), 0);
}

describe('outline and folding on the shared sample scripts', () => {
  it('give one outline node per heading and only forward folding ranges', function () {
    if (!existsSync(SAMPLES)) {
      console.log(`    (skipped: ${SAMPLES} is absent)`);
      this.skip();
    }
    const files = readdirSync(SAMPLES).filter((name) => name.endsWith('.fountain'));
    assert.ok(files.length > 0, 'no samples');
    for (const name of files) {
      const text = readFileSync(path.join(SAMPLES, name), 'utf8');
      const doc = parse(text);
      const headings = doc.elements.filter((element) => element.type === 'scene-heading' || element.type === 'section');
      assert.equal(scenesAndSections(outline(doc, notCancelled)), headings.length, name);
      const lines = new LineIndex(text);
      for (const range of foldingRanges(doc, lines, notCancelled)) {
        assert.ok(range.startLine < range.endLine && range.endLine < lines.lineCount, `${name} ${JSON.stringify(range)}`);
      }
    }
  });
});
