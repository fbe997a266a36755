import type { StatsResult } from '../../server/protocol/desk';
import { minutes, modeLabel } from './format';
import { escapeHtml as e } from './webview';

/** The statistics of a script as the panel's HTML: figures first, then the cast, places and times. */
export function statsHtml(name: string, { stats, canon }: StatsResult): string {
  const s = stats;
  const figures: [string, string][] = [
    ['Pages', String(s.pages)],
    ['Screen time', minutes(s.screenMinutes)],
    ['Scenes', String(s.scenes)],
    ['Words', s.words.toLocaleString('en')],
    ['Canon', `${canon.pack}: ${modeLabel(canon.mode)}`],
  ];
  const total = Math.max(1, s.scenes);
  // Widths in twentieths, as classes: the panel's policy allows no inline style.
  const bar = (n: number): string => `<span class="bar w${Math.round((20 * n) / total)}"></span>`;
  const setting: [string, number][] = [['Interior', s.setting.interior], ['Exterior', s.setting.exterior], ['Both (INT./EXT.)', s.setting.both], ['Unmarked', s.setting.unmarked]];
  return `<h1>${e(name)}</h1>
<dl class="figures">${figures.map(([k, v]) => `<div><dt>${e(k)}</dt><dd>${e(v)}</dd></div>`).join('')}</dl>
<h2>Characters</h2>
${table(['Character', 'Speeches', 'Dialogue lines', 'Words'], s.characters.map((c) => [c.name, c.speeches, c.dialogueLines, c.words]), 'No one speaks yet.')}
<div class="columns">
<section><h2>Locations</h2>
${table(['Location', 'Scenes'], s.locations.map((l) => [l.name || '(none)', l.scenes]), 'No scene headings yet.')}</section>
<section><h2>Interior and exterior</h2>
${table(['Setting', 'Scenes', ''], setting.filter(([, n]) => n > 0).map(([k, n]) => [k, n, bar(n)]), 'No scene headings yet.', true)}
<h2>Time of day</h2>
${table(['Time', 'Scenes', ''], s.timeOfDay.map((t) => [t.time || '(none)', t.scenes, bar(t.scenes)]), 'No scene headings yet.', true)}</section>
</div>
<p class="note">Pages as printed (title page not counted); screen time at a page a minute; dialogue lines as printed in the dialogue column.</p>`;
}

/** A table; cells are text, except the last column where `raw` says it is markup made here. */
function table(head: readonly string[], rows: readonly (readonly (string | number)[])[], empty: string, raw = false): string {
  if (rows.length === 0) return `<p class="empty">${e(empty)}</p>`;
  const cell = (v: string | number, i: number, row: readonly (string | number)[]): string => {
    const html = raw && i === row.length - 1 ? String(v) : e(String(v));
    return typeof v === 'number' ? `<td class="n">${html}</td>` : `<td>${html}</td>`;
  };
  return `<table><thead><tr>${head.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead>
<tbody>${rows.map((r) => `<tr>${r.map((v, i) => cell(v, i, r)).join('')}</tr>`).join('')}</tbody></table>`;
}
