import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { notCancelled } from '../../../server/core/cancellation';
import { parse } from '../../../server/core/fountain/parse';
import type { SceneHeading } from '../../../server/core/fountain/model';
import { outline, type OutlineNode } from '../../../server/core/features/outline';
import type { Span } from '../../../server/core/span';
import { script } from './cursor';

const ROOF = script(
  'Title: The Roof',
  'Author: Sam',
  '',
  'INT. LOBBY - DAY',
  '',
  '# Act One',
  '',
  '= Where it starts.',
  '',
  '## Arrival',
  '',
  'INT. ROOF - NIGHT #1A#',
  '',
  '= Bill meets Nora.',
  '',
  'Wind.',
  '',
  '= Nora leaves.',
  '',
  'EXT. STREET - NIGHT',
  '',
  'Rain.',
  '',
  '',
  '## Departure',
  '',
  'INT. CAR - DAY',
  '',
  '# Act Two',
  '',
  'INT. ROOF - DAY',
  '',
  'Sun.',
  '',
);

/** The tree as "kind name (detail)" lines indented by depth, so a wrong nesting shows plainly. */
function shape(nodes: readonly OutlineNode[], depth = 0): string[] {
  return nodes.flatMap((node) => [
    `${'  '.repeat(depth)}${node.kind} ${node.name}${node.detail === undefined ? '' : ` (${node.detail})`}`,
    ...shape(node.children, depth + 1),
  ]);
}

function within(inner: Span, outer: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/** Child spans inside their parent, selections inside their span, siblings in order without overlap. */
function assertSane(nodes: readonly OutlineNode[], parent?: OutlineNode): void {
  nodes.forEach((node, index) => {
    assert.ok(within(node.selectionSpan, node.span), `selection of ${node.name}`);
    if (parent !== undefined) assert.ok(within(node.span, parent.span), `${node.name} inside ${parent.name}`);
    const next = nodes[index + 1];
    if (next !== undefined) assert.ok(node.span.end <= next.span.start, `${node.name} before ${next.name}`);
    assertSane(node.children, node);
  });
}

function flatten(nodes: readonly OutlineNode[]): OutlineNode[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children)]);
}

describe('outline', () => {
  it('nests scenes in the innermost section and sections by depth', () => {
    assert.deepEqual(shape(outline(parse(ROOF), notCancelled)), [
      'scene INT. LOBBY - DAY',
      'section Act One (Where it starts.)',
      '  section Arrival',
      '    scene INT. ROOF - NIGHT (#1A — Bill meets Nora.)',
      '    scene EXT. STREET - NIGHT',
      '  section Departure',
      '    scene INT. CAR - DAY',
      'section Act Two',
      '  scene INT. ROOF - DAY',
    ]);
  });

  it('extends each node to the last text before the next sibling-or-higher heading', () => {
    const nodes = flatten(outline(parse(ROOF), notCancelled));
    const text = (node: OutlineNode, which: 'span' | 'selectionSpan'): string => ROOF.slice(node[which].start, node[which].end);
    const extents = nodes.map((node) => [text(node, 'selectionSpan'), text(node, 'span').split('\n').pop()]);
    assert.deepEqual(extents, [
      ['INT. LOBBY - DAY', 'INT. LOBBY - DAY'],
      ['# Act One', 'INT. CAR - DAY'],
      ['## Arrival', 'Rain.'],
      ['INT. ROOF - NIGHT #1A#', '= Nora leaves.'],
      ['EXT. STREET - NIGHT', 'Rain.'],
      ['## Departure', 'INT. CAR - DAY'],
      ['INT. CAR - DAY', 'INT. CAR - DAY'],
      ['# Act Two', 'Sun.'],
      ['INT. ROOF - DAY', 'Sun.'],
    ]);
    assertSane(outline(parse(ROOF), notCancelled));
  });

  it('returns nothing for a script without headings, and nothing when cancelled', () => {
    assert.deepEqual(outline(parse(script('Title: Notes', '', 'Just action.', '')), notCancelled), []);
    assert.deepEqual(outline(parse(ROOF), { isCancellationRequested: true }), []);
  });

  it('lists every scene heading of Big Fish, in order, in a sane tree', function () {
    const file = path.resolve(__dirname, '../../../../../shared/fountain/samples/big-fish.fountain');
    if (!existsSync(file)) {
      console.log(`    (skipped: ${file} is absent)`);
      this.skip();
    }
    const doc = parse(readFileSync(file, 'utf8'));
    const headings = doc.elements.filter((element): element is SceneHeading => element.type === 'scene-heading');
    const tree = outline(doc, notCancelled);
    const scenes = flatten(tree).filter((node) => node.kind === 'scene');
    assert.ok(headings.length > 100, `only ${headings.length} scene headings parsed`);
    assert.deepEqual(
      scenes.map((scene) => scene.selectionSpan.start),
      headings.map((heading) => heading.start),
    );
    assert.deepEqual(scenes.map((scene) => scene.name), headings.map((heading) => heading.text.trim() || 'Untitled scene'));
    assertSane(tree);
  });
});
