import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Client, skipUnlessBuilt, tempFolder, uriOf } from './support/client';

/**
 * A story in chapters, the first and the last open: an edit to chapter 1 that moves where the
 * story clock ends reads the chapters between again and re-publishes the last one's warnings; an
 * edit that moves nothing checks no other chapter. Counted from the server's verbose trace, which
 * names every script it reads in full.
 */
const FALL = 'EXT. ROOF - NIGHT\n\nDelia pushes Cassie off the roof.\n';
const QUIET = 'INT. CAFE - DAY\n\nBette sits alone.\n';
const COMA = 'INT. HOSPITAL ROOM - DAY\n\nCASSIE\nGet out.\n';
const CHAPTERS = ['chapter-1', 'chapter-2', 'chapter-3', 'chapter-4', 'chapter-10'];

describe('a story in chapters, open in the editor (stdio)', function () {
  this.timeout(60_000);
  let story: string;
  let client: Client;
  let first: string;
  let last: string;

  before(async function () {
    skipUnlessBuilt(this);
    story = tempFolder('ck-chapters-');
    CHAPTERS.forEach((name, i) => fs.writeFileSync(path.join(story, `${name}.fountain`), i === 0 ? FALL : i === CHAPTERS.length - 1 ? COMA : QUIET));
    first = uriOf(path.join(story, 'chapter-1.fountain'));
    last = uriOf(path.join(story, 'chapter-10.fountain'));
    client = await Client.start(story, { trace: 'verbose' });
    client.open(first, FALL);
    client.open(last, COMA);
    await client.diagnostics(last);
  });

  after(async () => {
    await client?.stop();
    if (story) fs.rmSync(story, { recursive: true, force: true });
  });

  /** The scripts read in full since trace line `since`, by file name, and why. */
  function readSince(since: number): string[] {
    return client.traces.slice(since).flatMap((t) => {
      const read = /^(checked|read for the clock): (.*)$/.exec(t);
      return read ? [`${read[1]} ${path.basename(read[2], '.fountain')}`] : [];
    });
  }

  /** Waits for the trace line that closes the check of `uri` at `version`. */
  async function checked(uri: string, version: number): Promise<string> {
    let line: string | undefined;
    await client.until(() => (line = client.traces.find((t) => t.startsWith(`${uri} version ${version} done`))) !== undefined, `the check of version ${version}`, 15_000);
    return line as string;
  }

  it('checks no other chapter for an edit that moves nothing', async () => {
    const since = client.traces.length;
    const end = { line: 2, character: 'Delia pushes Cassie off the roof.'.length };
    client.change(first, 2, [{ range: { start: end, end }, text: ' She falls.' }]);
    assert.match(await checked(first, 2), /: 0 open chapters after it to check$/);
    assert.deepStrictEqual(readSince(since), ['checked chapter-1']);
    assert.deepStrictEqual((await client.settled(last)).map((d) => d.code), ['continuity.state-speaks']);
    assert.deepStrictEqual(readSince(since), ['checked chapter-1']);
  });

  it('re-publishes the last chapter for an edit that moves the clock, reading each chapter between once', async () => {
    const since = client.traces.length;
    const seq = client.seq;
    client.change(first, 3, [{ text: QUIET }]);
    assert.deepStrictEqual(await client.diagnostics(last, { since: seq }), [], 'nothing puts Cassie in a coma any more');
    assert.match(await checked(first, 3), /: 1 open chapters after it to check$/);
    assert.deepStrictEqual(readSince(since), [
      'checked chapter-1', 'read for the clock chapter-2', 'read for the clock chapter-3', 'read for the clock chapter-4', 'checked chapter-10',
    ]);
    assert.deepStrictEqual(client.errors(), []);
  });
});
