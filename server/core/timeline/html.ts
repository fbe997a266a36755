import type { CanonView } from './canon';
import { canonSvg } from './canon-svg';
import type { StoryTimeline, TimelineScene } from './model';
import { escapeXml as e, PICTURE_CSS } from './style';
import { plural, timelineSvg } from './svg';

/** Page furniture around the pictures: the same custom properties as the pictures themselves. */
export const PAGE_CSS = `
body.ck { margin: 0; padding: 16px 24px 40px; background: var(--ck-bg); color: var(--ck-fg); font: 14px/1.45 var(--ck-font); }
.ck h1 { font-size: 20px; margin: 0 0 4px; }
.ck h2 { font-size: 16px; margin: 28px 0 8px; }
.ck .summary, .ck .empty, .ck .note { color: var(--ck-muted); margin: 0 0 12px; }
.ck figure { margin: 0; overflow-x: auto; }
.ck table { border-collapse: collapse; width: 100%; }
.ck th, .ck td { text-align: left; vertical-align: top; padding: 4px 10px 4px 0; border-bottom: 1px solid var(--ck-line); }
.ck th { color: var(--ck-muted); font-weight: 600; }
.ck tr.clickable { cursor: pointer; }
.ck tr.clickable:hover, .ck tr:target { background: var(--ck-row); }
.ck td.n { text-align: right; color: var(--ck-muted); }
.ck .sev { font-weight: 600; }
.ck .sev.warning { color: var(--ck-warning); }
.ck .sev.error { color: var(--ck-error); }
.ck .sev.information, .ck .sev.hint { color: var(--ck-info); }
.ck .rule { color: var(--ck-muted); font-size: 12px; }
.ck .state-list { color: var(--ck-state); }
.ck .off-list { color: var(--ck-off); }
.ck ul { margin: 0; padding-left: 18px; }
.ck dl.people { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; }
.ck dl.people dt { font-weight: 600; }
.ck dl.people dd { margin: 0; color: var(--ck-muted); }
`;

export interface BodyOptions {
  /** In the editor: scenes and characters are clickable, handled by the view's script. */
  readonly clickable?: boolean;
}

/** A whole HTML page, self-contained (no script, no remote font): the timeline, its scenes, the canon. */
export function timelineHtml(timeline: StoryTimeline, canon: CanonView, title: string): string {
  return standalonePage(title, `${timelineBody(timeline, title)}\n<h2>The canon in force</h2>\n${canonBody(canon)}`);
}

/** A whole HTML page of the canon alone. */
export function canonHtml(canon: CanonView): string {
  return standalonePage(`${canon.pack.name}: the canon`, canonBody(canon));
}

function standalonePage(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${e(title)}</title>
<style>${PICTURE_CSS}${PAGE_CSS}</style>
</head>
<body class="ck">
${body}
</body>
</html>
`;
}

/** The timeline picture and the table of its scenes: a page's body, standalone or in the editor. */
export function timelineBody(timeline: StoryTimeline, title: string, options: BodyOptions = {}): string {
  const warnings = timeline.scenes.reduce((n, s) => n + s.warnings.length, 0);
  const chapters = timeline.chapters.length > 1 ? ` in ${plural(timeline.chapters.length, 'chapter')}` : '';
  const summary = `${plural(timeline.scenes.length, 'scene')}${chapters}, checked against ${timeline.pack.name}; ${plural(warnings, 'warning')}.`;
  const svg = timelineSvg(timeline, { sceneLinks: !options.clickable, clickable: options.clickable });
  return `<h1>${e(title)}</h1>
<p class="summary">${e(summary)}</p>
<figure>${svg}</figure>
<h2>Scenes</h2>
${sceneTable(timeline, options)}`;
}

function sceneTable(timeline: StoryTimeline, options: BodyOptions): string {
  if (timeline.scenes.length === 0) return '<p class="empty">No scenes yet.</p>';
  const many = timeline.chapters.length > 1;
  const head = ['#', ...(many ? ['Chapter'] : []), 'Scene', 'On the canon clock', 'States', 'Warnings'];
  const rows = timeline.scenes.map((s) => sceneRow(timeline, s, many, options)).join('\n');
  return `<table class="scenes"><thead><tr>${head.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead>\n<tbody>\n${rows}\n</tbody></table>`;
}

function sceneRow(timeline: StoryTimeline, s: TimelineScene, many: boolean, options: BodyOptions): string {
  const cls = options.clickable ? ' class="scene clickable" tabindex="0"' : ' class="scene"';
  const data = ` data-chapter="${s.chapter}" data-offset="${s.offset}" data-line="${s.line}"`;
  const happens = s.events.map((k) => timeline.events[k]?.name).filter(Boolean).map((n) => `${n} is narrated here`);
  const place = [s.placeLabel, ...happens].map((t) => e(t)).join('<br>');
  const states = s.states.map((st) => `${st.character}: ${st.label}`).join(', ');
  const warnings = s.warnings.length === 0 ? '' : `<ul>${s.warnings.map((w) =>
    `<li><span class="sev ${w.severity}">line ${w.line + 1}</span> ${e(w.message)} <span class="rule">${e(w.ruleId)}</span></li>`).join('')}</ul>`;
  const cells = [
    `<td class="n">${s.number}</td>`,
    ...(many ? [`<td>${e(timeline.chapters[s.chapter]?.name ?? '')}</td>`] : []),
    `<td>${e(s.heading)}</td>`,
    `<td${s.place.kind === 'off' ? ' class="off-list"' : ''}>${place}</td>`,
    `<td class="state-list">${e(states)}</td>`,
    `<td>${warnings}</td>`,
  ];
  return `<tr id="scene-${s.number}"${cls}${data}>${cells.join('')}</tr>`;
}

/** The canon picture, then who is who, the relations and the states in words. */
export function canonBody(canon: CanonView, options: BodyOptions = {}): string {
  const people = canon.characters.map((c) =>
    `<dt>${e(c.name)} <span class="rule">${e(c.cue)}</span></dt><dd>${e(c.about ?? '')}</dd>`).join('');
  const relations = canon.relations.map((r) => `<li>${e(r.sentence)}</li>`).join('');
  const states = canon.states.map((s) => {
    const until = s.until === undefined ? 'to the end' : `until ${canon.events[s.until]?.name ?? ''}`;
    return `<li>${e(`${s.character} is ${s.label}: from ${canon.events[s.from]?.name ?? ''} ${until}`)}</li>`;
  }).join('');
  return `<p class="summary">${e(canon.pack.description ?? canon.pack.name)}</p>
<figure>${canonSvg(canon, { clickable: options.clickable })}</figure>
<h2>Characters</h2>
${people ? `<dl class="people">${people}</dl>` : '<p class="empty">No characters.</p>'}
<h2>Relations</h2>
${relations ? `<ul>${relations}</ul>` : '<p class="empty">No relations.</p>'}
<h2>States</h2>
${states ? `<ul>${states}</ul>` : '<p class="empty">No states.</p>'}`;
}
