import type { Severity } from '../finding';
import type { StoryTimeline, TimelineScene } from './model';
import { clip, escapeXml as x, PICTURE_CSS, textWidth } from './style';

/** How the picture is made: standalone (its own style, for a file) or for a page that styles it. */
export interface SvgOptions {
  /** Put the stylesheet inside the SVG: for a file on its own. */
  readonly embedStyle?: boolean;
  /** Make each scene a link to `#scene-N` on the same page (the HTML export's table). */
  readonly sceneLinks?: boolean;
  /** Mark scenes as clickable (the editor's view goes to the scene). */
  readonly clickable?: boolean;
}

const PAD = 16;
const LABEL_W = 300;
const SIDE_W = 66;
const ROW_H = 26;
const LANE_H = 20;
const NOTE_W = 250;
const ANGLE = 35;

/** The geometry of one timeline: columns for the gaps between canon events, then "not placed" and "off". */
class Layout {
  readonly clockX = PAD + LABEL_W;
  readonly header: number;
  readonly lanesTop: number;
  readonly rowsTop: number;
  readonly unplacedX: number;
  readonly offX: number;
  readonly noteX: number;
  readonly width: number;
  /** Narrower columns for a long canon, so that a pack of thirty events still fits a wide screen. */
  readonly gapW: number;

  constructor(readonly timeline: StoryTimeline) {
    this.gapW = Math.round(Math.max(30, Math.min(54, 900 / (timeline.events.length + 1))));
    const longest = Math.max(0, ...timeline.events.map((e) => textWidth(clip(e.name, 40))));
    this.header = PAD + 28 + Math.ceil(longest * Math.sin((ANGLE * Math.PI) / 180)) + 14;
    this.lanesTop = this.header + 6;
    this.rowsTop = this.lanesTop + timeline.states.length * LANE_H + 10;
    this.unplacedX = this.clockX + (timeline.events.length + 1) * this.gapW;
    this.offX = this.unplacedX + SIDE_W;
    this.noteX = this.offX + SIDE_W + 8;
    this.width = this.noteX + NOTE_W + PAD;
  }

  /** The middle of gap g (-1: before the first event). */
  gapX(gap: number): number {
    return this.clockX + (gap + 1) * this.gapW + this.gapW / 2;
  }

  /** The line of event k, between gap k-1 and gap k. */
  eventX(event: number): number {
    return this.clockX + (event + 1) * this.gapW;
  }
}

/** The story timeline as an SVG picture: scenes down, the canon clock across. */
export function timelineSvg(timeline: StoryTimeline, options: SvgOptions = {}): string {
  const layout = new Layout(timeline);
  const rows = rowsOf(timeline);
  const height = layout.rowsTop + rows.length * ROW_H + PAD + 20;
  const title = `${timeline.pack.name}: the story on the canon timeline`;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="ck ck-timeline" width="${layout.width}" height="${height}" viewBox="0 0 ${layout.width} ${height}" role="img" aria-labelledby="ck-timeline-title">`,
    `<title id="ck-timeline-title">${x(title)}</title>`,
    options.embedStyle ? `<style>${PICTURE_CSS}</style>` : '',
    `<rect class="bg" width="${layout.width}" height="${height}"/>`,
    `<text class="title" x="${PAD}" y="${PAD + 14}">${x(title)}</text>`,
    columnHeads(layout),
    eventLines(layout, height),
    stateLanes(layout),
    sceneRows(layout, rows, options),
    legend(height),
    '</svg>',
  ];
  return parts.filter((p) => p !== '').join('\n');
}

type Row = { readonly chapter: string } | { readonly scene: TimelineScene };

/** Scenes in order, with a chapter's name above its first scene where the story has more than one. */
function rowsOf(timeline: StoryTimeline): Row[] {
  const rows: Row[] = [];
  let chapter = -1;
  for (const scene of timeline.scenes) {
    if (timeline.chapters.length > 1 && scene.chapter !== chapter) rows.push({ chapter: timeline.chapters[scene.chapter]?.name ?? '' });
    chapter = scene.chapter;
    rows.push({ scene });
  }
  return rows;
}

function columnHeads(layout: Layout): string {
  const y = layout.header;
  const out = [`<text class="muted" x="${PAD}" y="${y}">Scene</text>`];
  layout.timeline.events.forEach((event, k) => {
    const ex = layout.eventX(k);
    const cls = event.backstory ? 'event-name backstory' : 'event-name';
    out.push(`<text class="${cls}" x="${ex + 4}" y="${y - 4}" transform="rotate(-${ANGLE} ${ex + 4} ${y - 4})">${x(`${k + 1}. ${clip(event.name, 40)}`)}<title>${x(event.name)}</title></text>`);
  });
  for (const [at, name] of [[layout.unplacedX, 'not placed'], [layout.offX, 'off the clock']] as const) {
    out.push(`<text class="muted" x="${at + 4}" y="${y - 4}" transform="rotate(-${ANGLE} ${at + 4} ${y - 4})">${name}</text>`);
  }
  out.push(`<text class="muted" x="${layout.noteX}" y="${y}">States and warnings</text>`);
  return out.join('\n');
}

function eventLines(layout: Layout, height: number): string {
  const top = layout.header + 4;
  const bottom = height - PAD - 20;
  const out = layout.timeline.events.map((_, k) => `<line class="event-line" x1="${layout.eventX(k)}" y1="${top}" x2="${layout.eventX(k)}" y2="${bottom}"/>`);
  out.push(`<line class="grid" x1="${layout.unplacedX}" y1="${top}" x2="${layout.unplacedX}" y2="${bottom}"/>`);
  out.push(`<line class="grid" x1="${layout.offX}" y1="${top}" x2="${layout.offX}" y2="${bottom}"/>`);
  return out.join('\n');
}

/** One lane per canon state: a bar over the stretch of the clock where it holds. */
function stateLanes(layout: Layout): string {
  return layout.timeline.states.map((state, i) => {
    const y = layout.lanesTop + i * LANE_H;
    const x1 = layout.eventX(state.from);
    const x2 = state.until === undefined ? layout.unplacedX : layout.eventX(state.until);
    const label = `${state.character}: ${state.label}`;
    return `<g class="state"><rect class="state-bar" x="${x1}" y="${y + 2}" width="${Math.max(4, x2 - x1)}" height="${LANE_H - 5}" rx="4"/>`
      + `<text class="state-name" x="${layout.clockX - 8}" y="${y + 14}" text-anchor="end">${x(label)}</text><title>${x(label)}</title></g>`;
  }).join('\n');
}

function sceneRows(layout: Layout, rows: readonly Row[], options: SvgOptions): string {
  const out: string[] = ['<g class="scenes">'];
  let path: string[] = [];
  const flush = (): void => {
    if (path.length > 1) out.push(`<polyline class="path" points="${path.join(' ')}"/>`);
    path = [];
  };
  rows.forEach((row, i) => {
    const y = layout.rowsTop + i * ROW_H;
    if ('chapter' in row) {
      out.push(`<text class="chapter" x="${PAD}" y="${y + 17}">${x(row.chapter)}</text>`);
      return;
    }
    const point = markerPoint(layout, row.scene, y);
    if (point) path.push(`${point.x},${point.y}`);
    else flush();
    out.push(sceneRow(layout, row.scene, y, options));
  });
  flush();
  out.push('</g>');
  return out.join('\n');
}

function markerPoint(layout: Layout, scene: TimelineScene, y: number): { x: number; y: number } | undefined {
  const place = scene.place;
  if (place.kind === 'gap') return { x: layout.gapX(place.gap), y: y + ROW_H / 2 };
  if (place.kind === 'between') return { x: (layout.gapX(place.lo) + layout.gapX(place.hi)) / 2, y: y + ROW_H / 2 };
  return undefined;
}

function sceneRow(layout: Layout, scene: TimelineScene, y: number, options: SvgOptions): string {
  const mid = y + ROW_H / 2;
  const label = `${scene.number}. ${scene.heading}`;
  const tip = [label, `Line ${scene.line + 1}: ${scene.placeLabel}`, ...scene.states.map((s) => `${s.character} is ${s.label}`),
    ...scene.warnings.map((w) => `Line ${w.line + 1}: ${w.message} (${w.ruleId})`)].join('\n');
  const attrs = [`class="scene${options.clickable ? ' clickable' : ''}"`, `id="scene-${scene.number}-mark"`, `data-chapter="${scene.chapter}"`,
    `data-offset="${scene.offset}"`, `data-line="${scene.line}"`, options.clickable ? 'tabindex="0" role="link"' : ''].filter(Boolean).join(' ');
  const body = [
    `<rect class="row" x="${PAD / 2}" y="${y}" width="${layout.width - PAD}" height="${ROW_H}" rx="3"/>`,
    `<title>${x(tip)}</title>`,
    `<text class="scene-label" x="${PAD}" y="${mid + 4}">${x(clip(label, 44))}</text>`,
    marker(layout, scene, mid),
    ...scene.events.map((k) => diamond(layout.eventX(k), mid, 6, 'happens')),
    notes(layout, scene, mid),
  ].join('');
  const inner = options.sceneLinks ? `<a href="#scene-${scene.number}">${body}</a>` : body;
  return `<g ${attrs}>${inner}</g>`;
}

function marker(layout: Layout, scene: TimelineScene, mid: number): string {
  const place = scene.place;
  switch (place.kind) {
    case 'gap': return `<circle class="dot" cx="${layout.gapX(place.gap)}" cy="${mid}" r="5"/>`;
    case 'between': {
      const x1 = layout.gapX(place.lo) - 6;
      const x2 = layout.gapX(place.hi) + 6;
      return `<rect class="span-bar" x="${x1}" y="${mid - 5}" width="${x2 - x1}" height="10" rx="5"/>`;
    }
    case 'unplaced': return `<circle class="unplaced" cx="${layout.unplacedX + SIDE_W / 2}" cy="${mid}" r="5"/>`;
    case 'off': return `<rect class="off" x="${layout.offX + SIDE_W / 2 - 5}" y="${mid - 5}" width="10" height="10" rx="2"/>`
      + `<text class="off-name" x="${layout.offX + SIDE_W / 2 + 9}" y="${mid + 4}">${x(clip(place.reason.toLowerCase(), 9))}</text>`;
  }
}

function diamond(cx: number, cy: number, r: number, cls: string): string {
  return `<path class="${cls}" d="M${cx} ${cy - r}L${cx + r} ${cy}L${cx} ${cy + r}L${cx - r} ${cy}Z"/>`;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** The scene's warnings as one mark with their count, coloured by the worst; then the states that hold. */
function notes(layout: Layout, scene: TimelineScene, mid: number): string {
  let x0 = layout.noteX;
  const out: string[] = [];
  if (scene.warnings.length > 0) {
    const worst = [...scene.warnings].sort((a, b) => RANK[a.severity] - RANK[b.severity])[0].severity;
    const count = String(scene.warnings.length);
    out.push(`<g class="mark"><path class="${worst}" d="M${x0 + 9} ${mid - 9}L${x0 + 18} ${mid + 7}L${x0} ${mid + 7}Z"/>`
      + `<text class="mark-count" x="${x0 + 9}" y="${mid + 5}" text-anchor="middle">${count.length > 1 ? '!' : count}</text></g>`);
    out.push(`<text class="muted" x="${x0 + 22}" y="${mid + 4}">${x(plural(scene.warnings.length, 'warning'))}</text>`);
    x0 += 22 + textWidth(plural(scene.warnings.length, 'warning')) + 10;
  }
  const states = scene.states.map((s) => `${s.character}: ${s.label}`).join(', ');
  if (states) out.push(`<text class="states" x="${x0}" y="${mid + 4}">${x(clip(states, Math.max(8, Math.floor((layout.noteX + NOTE_W - x0) / 6.2))))}</text>`);
  return out.join('');
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function legend(height: number): string {
  const y = height - PAD;
  let at = PAD;
  const item = (shape: (cx: number, cy: number) => string, text: string): string => {
    const out = `${shape(at + 5, y - 4)}<text class="muted" x="${at + 14}" y="${y}">${x(text)}</text>`;
    at += 14 + textWidth(text) + 18;
    return out;
  };
  return `<g class="legend">${[
    item((cx, cy) => `<circle class="dot" cx="${cx}" cy="${cy}" r="5"/>`, 'where the scene leaves the story'),
    item((cx, cy) => diamond(cx, cy, 5, 'happens'), 'a canon event is narrated in the scene'),
    item((cx, cy) => `<circle class="unplaced" cx="${cx}" cy="${cy}" r="5"/>`, 'not placed'),
    item((cx, cy) => `<rect class="state-bar" x="${cx - 5}" y="${cy - 4}" width="10" height="8" rx="2"/>`, 'a canon state holds'),
    item((cx, cy) => `<path class="warning" d="M${cx} ${cy - 6}L${cx + 6} ${cy + 5}L${cx - 6} ${cy + 5}Z"/>`, 'warnings in the scene'),
  ].join('')}</g>`;
}
