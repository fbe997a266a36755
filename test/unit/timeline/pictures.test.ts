import * as assert from 'node:assert/strict';
import { canonView } from '../../../server/core/timeline/canon';
import { canonSvg } from '../../../server/core/timeline/canon-svg';
import { canonHtml, timelineBody, timelineHtml } from '../../../server/core/timeline/html';
import { timelineSvg } from '../../../server/core/timeline/svg';
import { canon } from '../names/support';
import { exampleTimeline } from './support';

/** The markup of scene `n`'s row in the timeline picture. */
function sceneGroup(svg: string, n: number): string {
  const match = new RegExp(`<g class="scene[^"]*" id="scene-${n}-mark"[^>]*>([^]*?)</g>\\n`).exec(svg);
  assert.ok(match, `scene ${n} is drawn`);
  return match[0];
}

/** The x of each canon event's line, in canon order. */
function eventLines(svg: string): number[] {
  return [...svg.matchAll(/<line class="event-line" x1="([\d.]+)"/g)].map((m) => Number(m[1]));
}

function textOf(markup: string): string {
  return markup.replace(/<title>.*?<\/title>/gs, '').replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');
}

describe('the timeline picture', () => {
  const svg = timelineSvg(exampleTimeline(), { embedStyle: true });

  it('labels every scene with its number and heading, chapters above their scenes, and every canon event in order', () => {
    const text = textOf(svg);
    for (const label of ['1. EXT. ARCHER SCHOOL - ROOF - NIGHT', '2. INT. HOSPITAL - ICU - NIGHT', '4. INT. HOSPITAL - ICU - DAY', 'chapter-1.fountain', 'chapter-2.fountain']) {
      assert.ok(text.includes(label), `the picture shows ${label}`);
    }
    const events = [...svg.matchAll(/class="event-name[^"]*"[^>]*>(\d+\. [^<]+)</g)].map((m) => m[1].replace(/&#39;/g, "'"));
    assert.deepEqual(events.slice(0, 2), ["1. Cassie's fall", "2. Neveah takes Cassie's place"]);
    assert.equal(events.length, canon().pack.events.length);
  });

  it('puts a scene\'s dot between the line of the event it comes after and the next one', () => {
    const lines = eventLines(svg);
    const dot = (n: number): number => Number(/<circle class="dot" cx="([\d.]+)"/.exec(sceneGroup(svg, n))?.[1]);
    assert.ok(dot(1) > lines[0] && dot(1) < lines[1], 'scene 1 stands after Cassie\'s fall');
    assert.ok(dot(4) > lines[3] && dot(4) < lines[4], 'scene 4 stands after Cassie wakes');
    // The fall is narrated in scene 1: a diamond on the fall's line.
    assert.match(sceneGroup(svg, 1), new RegExp(`<path class="happens" d="M${lines[0]} `));
  });

  it('draws a flashback in the off-the-clock column with its reason, and a scene the story has not placed as such', () => {
    const flashback = sceneGroup(svg, 3);
    assert.ok(!flashback.includes('class="dot"'));
    assert.match(flashback, /class="off"/);
    assert.ok(textOf(flashback).includes('flashback'));
    assert.match(sceneGroup(svg, 5), /class="unplaced"/);
  });

  it('marks the scenes with warnings, how many and what they say, and the states that hold there', () => {
    const hospital = sceneGroup(svg, 2);
    assert.match(hospital, /<path class="warning"/);
    assert.ok(textOf(hospital).includes('1 warning'));
    assert.ok(textOf(hospital).includes('Cassie: in a coma'));
    assert.match(hospital, /Line 13: CASSIE speaks, but Cassie is in a coma[^<]*\(continuity\.state-speaks\)/);
    assert.ok(!sceneGroup(svg, 4).includes('class="warning"'), 'no warning after Cassie wakes');
    assert.match(svg, /<rect class="state-bar"[^>]*\/><text class="state-name"[^>]*>Cassie: in a coma</);
  });

  it('is a standalone picture: its own style, light and dark, no script, nothing fetched, nothing left undefined', () => {
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(svg, /<style>[^]*prefers-color-scheme: dark[^]*<\/style>/);
    assert.ok(!/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)|@import|url\(/.test(svg));
    assert.ok(!/undefined|NaN/.test(svg));
    assert.equal(timelineSvg(exampleTimeline()).includes('<style>'), false, 'without its style for a page that styles it');
  });

  it('makes scenes clickable for the editor, and links to the table in a page', () => {
    assert.match(timelineSvg(exampleTimeline(), { clickable: true }), /<g class="scene clickable" id="scene-2-mark" data-chapter="0" data-offset="\d+" data-line="8" tabindex="0" role="link">/);
    assert.match(timelineSvg(exampleTimeline(), { sceneLinks: true }), /<a href="#scene-2">/);
  });
});

describe('the timeline page', () => {
  const html = timelineHtml(exampleTimeline(), canonView(canon().pack), 'After the Fall: the story on the canon timeline');

  it('is one self-contained page: the picture, a table of the scenes and the canon, in light and dark, with no script', () => {
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<meta name="color-scheme" content="light dark">/);
    assert.ok(!/<script|<link|https?:\/\/(?!www\.w3\.org\/2000\/svg)|@import|url\(/.test(html));
    assert.ok(html.includes('<h1>After the Fall: the story on the canon timeline</h1>'));
    assert.ok(textOf(html).includes('5 scenes in 2 chapters, checked against Tiny Pretty Things (season 1); 2 warnings.'));
    assert.ok(html.includes('<h2>The canon in force</h2>'));
  });

  it('lists each scene with where it stands, what is narrated, the states and each warning with its line', () => {
    const row = /<tr id="scene-2"[^>]*>(.*?)<\/tr>/.exec(html)?.[1] ?? '';
    assert.ok(textOf(row).includes("INT. HOSPITAL - ICU - NIGHT after Cassie's fall Cassie: in a coma line 13 CASSIE speaks"), textOf(row));
    assert.ok(textOf(/<tr id="scene-1"[^>]*>(.*?)<\/tr>/.exec(html)?.[1] ?? '').includes("Cassie's fall is narrated here"));
  });

  it('in the editor, rows carry where the scene is, for the view to go there', () => {
    assert.match(timelineBody(exampleTimeline(), 'T', { clickable: true }), /<tr id="scene-4" class="scene clickable" tabindex="0" data-chapter="1" data-offset="\d+" data-line="4">/);
  });
});

describe('the canon picture', () => {
  const view = canonView(canon().pack);

  it('knows the characters, the relations in words and the states over the events', () => {
    assert.deepEqual(view.characters.map((c) => c.name), ['Cassie Shore', 'Bette', 'Delia Whitlaw', 'Neveah', 'Ramon', 'Monique Dubois']);
    assert.ok(view.relations.some((r) => r.sentence === "Delia is Bette's older sister"));
    assert.ok(view.relations.some((r) => r.sentence === 'Ramon and Cassie: affair'));
    assert.deepEqual(view.states.map((s) => [s.character, s.label, view.events[s.from].name, s.until === undefined ? '' : view.events[s.until].name]),
      [['Cassie', 'in a coma', "Cassie's fall", 'Cassie wakes from her coma']]);
  });

  it('draws every character, a line per relation with its kind, and the events in canon order', () => {
    const svg = canonSvg(view, { embedStyle: true });
    const text = textOf(svg);
    for (const name of view.characters.map((c) => c.name)) assert.ok(text.includes(name), name);
    assert.equal([...svg.matchAll(/<path class="relation/g)].length, view.relations.length);
    assert.ok(text.includes('sister') && text.includes('affair'));
    const events = [...svg.matchAll(/class="event-name[^"]*"[^>]*>(\d+)\. /g)].map((m) => Number(m[1]));
    assert.deepEqual(events, view.events.map((_, i) => i + 1));
    assert.ok(!/undefined|NaN/.test(svg));
  });

  it('makes characters clickable in the editor, and makes a page of its own', () => {
    assert.match(canonSvg(view, { clickable: true }), /<g class="character clickable" data-character="cassie" tabindex="0" role="link">/);
    assert.match(canonHtml(view), /<dt>Cassie Shore <span class="rule">CASSIE<\/span><\/dt>/);
  });
});
