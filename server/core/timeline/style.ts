/**
 * How the pictures look: one stylesheet for the SVG, the HTML page and the editor's views. Colours
 * are custom properties, light by default and dark where the reader's system is; the editor's views
 * set them from the theme (media/timeline.css). No font is fetched: the system's own sans-serif.
 */
export const PICTURE_CSS = `
.ck { --ck-bg: #ffffff; --ck-fg: #1f2328; --ck-muted: #59636e; --ck-line: #d1d9e0; --ck-row: #f6f8fa;
  --ck-accent: #0969da; --ck-event: #1a7f37; --ck-state: #8250df; --ck-off: #bc4c00; --ck-warning: #9a6700; --ck-error: #cf222e; --ck-info: #0969da;
  --ck-font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
@media (prefers-color-scheme: dark) {
  .ck { --ck-bg: #0d1117; --ck-fg: #e6edf3; --ck-muted: #9198a1; --ck-line: #3d444d; --ck-row: #151b23;
    --ck-accent: #4493f8; --ck-event: #3fb950; --ck-state: #ab7df8; --ck-off: #f0883e; --ck-warning: #d29922; --ck-error: #f85149; --ck-info: #4493f8; }
}
.ck text { font-family: var(--ck-font); fill: var(--ck-fg); font-size: 12px; }
.ck .bg { fill: var(--ck-bg); }
.ck .muted, .ck text.muted { fill: var(--ck-muted); }
.ck .title { font-size: 16px; font-weight: 600; }
.ck .grid { stroke: var(--ck-line); stroke-width: 1; }
.ck .event-line { stroke: var(--ck-event); stroke-width: 1.5; stroke-dasharray: 3 3; }
.ck text.event-name { fill: var(--ck-event); font-weight: 600; }
.ck text.event-name.backstory { fill: var(--ck-muted); font-style: italic; }
.ck .state-bar { fill: var(--ck-state); fill-opacity: 0.22; stroke: var(--ck-state); stroke-opacity: 0.6; }
.ck text.state-name { fill: var(--ck-state); font-weight: 600; }
.ck text.chapter { font-weight: 600; fill: var(--ck-accent); }
.ck .row { fill: transparent; }
.ck .scene:nth-of-type(even) .row { fill: var(--ck-row); }
.ck .scene.clickable { cursor: pointer; }
.ck .scene.clickable:hover .row, .ck .scene:focus .row { fill: var(--ck-line); fill-opacity: 0.5; }
.ck .scene:focus { outline: none; }
.ck .path { fill: none; stroke: var(--ck-accent); stroke-opacity: 0.45; stroke-width: 1.5; }
.ck .dot { fill: var(--ck-accent); }
.ck .span-bar { fill: var(--ck-accent); fill-opacity: 0.3; stroke: var(--ck-accent); }
.ck .happens { fill: var(--ck-event); stroke: var(--ck-bg); stroke-width: 1.5; }
.ck .unplaced { fill: none; stroke: var(--ck-muted); stroke-dasharray: 2 2; stroke-width: 1.5; }
.ck .off { fill: var(--ck-off); }
.ck text.off-name { fill: var(--ck-off); font-size: 11px; }
.ck .warning { fill: var(--ck-warning); }
.ck .error { fill: var(--ck-error); }
.ck .information, .ck .hint { fill: var(--ck-info); }
.ck text.mark-count { fill: var(--ck-bg); font-size: 10px; font-weight: 700; }
.ck text.states { fill: var(--ck-state); font-size: 11px; }
.ck .relation { stroke: var(--ck-muted); stroke-width: 1.2; fill: none; }
.ck .relation.family { stroke: var(--ck-accent); }
.ck .relation.romance { stroke: var(--ck-error); }
.ck text.relation-kind { font-size: 10px; fill: var(--ck-muted); paint-order: stroke; stroke: var(--ck-bg); stroke-width: 3px; }
.ck .person { fill: var(--ck-bg); stroke: var(--ck-accent); stroke-width: 1.5; }
.ck text.person-name { font-weight: 600; }
.ck .character.clickable { cursor: pointer; }
.ck .character.clickable:hover .person, .ck .character:focus .person { fill: var(--ck-row); stroke-width: 2.5; }
.ck .character:focus { outline: none; }
`;

/** Text for an XML or HTML text node or attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** Cut to about `max` characters with an ellipsis: the whole text stays in the element's title. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

/** Roughly how wide a text is in the pictures' sans-serif at `size` pixels: for the layout only. */
export function textWidth(text: string, size = 12): number {
  return Math.ceil(text.length * size * 0.56);
}
