import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { TIMELINE, type CanonEntryResult, type CanonResult, type TimelineResult } from '../../server/protocol/timeline';
import { Client, skipUnlessBuilt, tempFolder, uriOf } from './support/client';

/**
 * The timeline and the canon over the protocol: a story's chapters (one open, one only on disk) on
 * the canon clock, the canon in force, and Go to Definition on a built-in name giving a read-only
 * `canon-keeper:` document where the client shows them, the pack file where it does not.
 */
const FALL = 'Title: After the Fall\n\nEXT. ROOF - NIGHT\n\nDelia pushes Cassie off the roof.\n';
const COMA = 'INT. HOSPITAL ROOM - DAY\n\nCASSIE\nGet out.\n\nINT. ROOF - NIGHT (FLASHBACK)\n\nCassie laughs.\n';

interface Location {
  readonly uri: string;
  readonly range: { readonly start: { readonly line: number; readonly character: number } };
}

describe('the timeline and the canon over the protocol', function () {
  this.timeout(30_000);
  let folder: string;
  const clients: Client[] = [];

  before(function () {
    skipUnlessBuilt(this);
    folder = tempFolder('ck-timeline-');
    fs.mkdirSync(path.join(folder, 'story'));
    fs.writeFileSync(path.join(folder, 'story', '01-fall.fountain'), FALL);
    fs.writeFileSync(path.join(folder, 'story', '02-coma.fountain'), COMA);
  });

  after(async () => {
    for (const client of clients) await client.stop();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  async function start(canonEntries: boolean): Promise<Client> {
    const client = await Client.start(folder, { canonEntries });
    clients.push(client);
    client.open(uriOf(path.join(folder, 'story', '01-fall.fountain')), FALL);
    return client;
  }

  it('gives the story of an open chapter: every chapter\'s scenes on the canon clock, with their warnings', async () => {
    const client = await start(false);
    const { value } = await client.request<TimelineResult>(TIMELINE.timeline, { uri: uriOf(path.join(folder, 'story', '01-fall.fountain')) });
    assert.strictEqual(value.title, 'After the Fall');
    assert.deepStrictEqual(value.timeline.chapters.map((c) => c.name), ['01-fall.fountain', '02-coma.fountain']);
    assert.strictEqual(value.timeline.chapters[1].uri, uriOf(path.join(folder, 'story', '02-coma.fountain')));
    assert.deepStrictEqual(value.timeline.scenes.map((s) => [s.chapter, s.heading, s.placeLabel]), [
      [0, 'EXT. ROOF - NIGHT', "after Cassie's fall"],
      [1, 'INT. HOSPITAL ROOM - DAY', "after Cassie's fall"],
      [1, 'INT. ROOF - NIGHT (FLASHBACK)', 'off the timeline (FLASHBACK)'],
    ]);
    assert.deepStrictEqual(value.timeline.scenes[1].warnings.map((w) => [w.line, w.ruleId]), [[2, 'continuity.state-speaks']]);
    assert.strictEqual(value.canon.pack.name, 'Tiny Pretty Things (season 1)');
  });

  it('gives the canon in force for a script', async () => {
    const client = await start(false);
    const { value } = await client.request<CanonResult>(TIMELINE.canon, { uri: uriOf(path.join(folder, 'story', '01-fall.fountain')) });
    assert.strictEqual(value.file, undefined, 'the built-in pack');
    assert.ok(value.canon.characters.some((c) => c.name === 'Cassie Shore'));
    assert.ok(value.canon.relations.some((r) => r.sentence === "Delia is Bette's older sister"));
  });

  it('goes from a built-in name to a read-only canon-keeper: document of the entry, where the client shows those', async () => {
    const client = await start(true);
    const uri = uriOf(path.join(folder, 'story', '01-fall.fountain'));
    await client.settled(uri);
    const location = await client.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line: 4, character: 16 } }) as Location;
    assert.strictEqual(location.uri, 'canon-keeper:/tiny-pretty-things/cassie.yaml');
    const { value } = await client.request<CanonEntryResult>(TIMELINE.canonEntry, { uri: location.uri });
    const lines = value.text.split('\n');
    assert.match(lines[location.range.start.line], /^ {2}- id: cassie$/);
    assert.strictEqual(location.range.start.character, lines[location.range.start.line].indexOf('cassie'));
    assert.ok(lines.includes('    name: Cassie Shore'));
    assert.match(value.text, /^# Cassie Shore, as Canon Keeper's built-in canon pack has them: Tiny Pretty Things \(season 1\)\.\n# Read-only\./);
    assert.match(value.text, /\n\nrelations:\n {2}- id: ramon-cassie\n/);
    assert.match(value.text, /\n\nstates:\n {2}- id: cassie-coma\n/);
    assert.ok(!value.text.includes('id: bette'), 'only Cassie\'s entry, and what names her');
    const unknown = await client.request<CanonEntryResult | null>(TIMELINE.canonEntry, { uri: 'canon-keeper:/tiny-pretty-things/nobody.yaml' });
    assert.strictEqual(unknown.value, null);
  });

  it('goes to the pack file itself for a client that does not show canon-keeper: documents', async () => {
    const client = await start(false);
    const uri = uriOf(path.join(folder, 'story', '01-fall.fountain'));
    await client.settled(uri);
    const location = await client.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line: 4, character: 16 } }) as Location;
    assert.match(location.uri, /^file:.*\/canon\/tiny-pretty-things\.canon\.yaml$/);
  });
});
