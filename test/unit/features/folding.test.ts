import * as assert from 'node:assert/strict';
import { notCancelled } from '../../../server/core/cancellation';
import { parse } from '../../../server/core/fountain/parse';
import { foldingRanges } from '../../../server/core/features/folding';
import { LineIndex } from '../../../server/core/lines';
import { script } from './cursor';

function fold(text: string): string[] {
  const ranges = foldingRanges(parse(text), new LineIndex(text), notCancelled);
  return ranges.map((range) => `${range.startLine}-${range.endLine}${range.kind === undefined ? '' : ` ${range.kind}`}`);
}

describe('folding', () => {
  it('folds sections, scenes, boneyard and long notes, without trailing blank lines', () => {
    const text = script(
      '# Act One', //                  0
      '', //                           1
      'INT. ROOF - NIGHT', //          2
      '', //                           3
      'Wind.', //                      4
      '', //                           5
      '/* A cut scene', //             6
      'that was too long. */', //      7
      '', //                           8
      'INT. CAR - DAY', //             9
      '', //                           10
      'They drive. [[Check the', //    11
      'make of the car.]]', //         12
      '', //                           13
      '', //                           14
      '# Act Two', //                  15
      '', //                           16
      'EXT. STREET - DAY', //          17
      '', //                           18
      'Rain. [[One line.]]', //        19
      '', //                           20
    );
    assert.deepEqual(fold(text), ['0-12', '2-7', '6-7 comment', '9-12', '11-12 comment', '15-19', '17-19']);
  });

  it('ends a section at the next one of the same or a higher level, and a scene at the next section', () => {
    const text = script(
      '# One', //                      0
      '## One A', //                   1
      '', //                           2
      'INT. A - DAY', //               3
      '', //                           4
      'Action.', //                    5
      '', //                           6
      '### One A i', //                7
      '', //                           8
      'More.', //                      9
      '## One B', //                   10
      'Text.', //                      11
      '# Two', //                      12
    );
    assert.deepEqual(fold(text), ['0-11', '1-9', '3-5', '7-9', '10-11']);
  });

  it('emits no range for a heading with nothing under it, and nothing when cancelled', () => {
    const text = script('INT. A - DAY', '', 'INT. B - DAY', '', '', 'EXT. C - NIGHT', '');
    assert.deepEqual(fold(text), []);
    const roof = script('INT. ROOF - NIGHT', '', 'Wind.');
    assert.deepEqual(fold(roof), ['0-2']);
    assert.deepEqual(foldingRanges(parse(roof), new LineIndex(roof), { isCancellationRequested: true }), []);
  });

  it('counts lines the way LSP does, with CRLF line breaks too', () => {
    const text = ['INT. ROOF - NIGHT', '', 'Wind.', '', 'INT. CAR - DAY', '', 'Drive.', ''].join('\r\n');
    assert.deepEqual(fold(text), ['0-2', '4-6']);
  });
});
