import type { CanonView } from './canon';
import { clip, escapeXml as x, PICTURE_CSS, textWidth } from './style';

const PAD = 16;
const NODE_H = 26;
const ROW_H = 24;
const STATE_W = 150;
const EVENTS_W = 360;

const FAMILY = new Set(['sister', 'brother', 'sibling', 'parent', 'child', 'cousin', 'half-sibling', 'grandparent', 'grandchild', 'uncle', 'aunt',
  'niece', 'nephew', 'step-parent', 'step-child', 'parent-in-law', 'child-in-law', 'sibling-in-law', 'guardian', 'ward']);
const ROMANCE = new Set(['married', 'dating', 'affair', 'kissed']);

export interface CanonSvgOptions {
  readonly embedStyle?: boolean;
  /** Mark characters as clickable (the editor's view opens their entry). */
  readonly clickable?: boolean;
}

/**
 * The canon pack as a picture: the characters on a ring with the relations between them, then the
 * events in canon order with a column per state over the events during which it holds.
 */
export function canonSvg(view: CanonView, options: CanonSvgOptions = {}): string {
  const ring = ringOf(view);
  const eventsTop = PAD + 34 + ring.size + 24;
  const width = Math.max(ring.size + 2 * PAD, PAD * 2 + EVENTS_W + view.states.length * STATE_W, 640);
  const height = eventsTop + 30 + Math.max(1, view.events.length) * ROW_H + PAD;
  const title = `${view.pack.name}: the canon`;
  const shift = (width - ring.size) / 2 - PAD;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="ck ck-canon" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="ck-canon-title">`,
    `<title id="ck-canon-title">${x(title)}</title>`,
    options.embedStyle ? `<style>${PICTURE_CSS}</style>` : '',
    `<rect class="bg" width="${width}" height="${height}"/>`,
    `<text class="title" x="${PAD}" y="${PAD + 14}">${x(title)}</text>`,
    `<text class="muted" x="${PAD}" y="${PAD + 34}">Characters and how they are related</text>`,
    `<g class="relations" transform="translate(${shift} 0)">${ring.edges}${ring.nodes(options.clickable === true)}</g>`,
    eventsAndStates(view, eventsTop),
    '</svg>',
  ].filter((p) => p !== '').join('\n');
}

interface Ring {
  readonly size: number;
  readonly edges: string;
  nodes(clickable: boolean): string;
}

/** Characters evenly on a circle (the first at the top), relations as lines between them. */
function ringOf(view: CanonView): Ring {
  const n = view.characters.length;
  const radius = Math.max(110, Math.ceil((n * 104) / (2 * Math.PI)));
  const size = 2 * radius + 140;
  const centre = { x: PAD + size / 2, y: PAD + 44 + size / 2 };
  const at = new Map(view.characters.map((c, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, n) - Math.PI / 2;
    return [c.id, { x: Math.round(centre.x + radius * Math.cos(angle)), y: Math.round(centre.y + radius * Math.sin(angle)) }] as const;
  }));
  const seen = new Map<string, number>();
  const edges = view.relations.map((r) => {
    const a = at.get(r.between[0]);
    const b = at.get(r.between[1]);
    if (!a || !b) return '';
    const pair = [...r.between].sort().join(' ');
    const again = seen.get(pair) ?? 0;
    seen.set(pair, again + 1);
    const cls = FAMILY.has(r.kind) ? 'relation family' : ROMANCE.has(r.kind) ? 'relation romance' : 'relation';
    // A second relation between the same two bends away from the first, so both stay readable.
    const bend = again * 28;
    const mx = (a.x + b.x) / 2;
    const my = (a.y + b.y) / 2;
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const cx = mx + (bend * (a.y - b.y)) / len;
    const cy = my + (bend * (b.x - a.x)) / len;
    const lx = bend === 0 ? mx : (mx + cx) / 2;
    const ly = bend === 0 ? my : (my + cy) / 2;
    return `<g><path class="${cls}" d="M${a.x} ${a.y}Q${cx} ${cy} ${b.x} ${b.y}"/>`
      + `<text class="relation-kind" x="${lx}" y="${ly - 3}" text-anchor="middle">${x(r.kind)}</text><title>${x(r.sentence)}</title></g>`;
  }).join('');
  const nodes = (clickable: boolean): string => view.characters.map((c) => {
    const p = at.get(c.id);
    if (!p) return '';
    const label = clip(c.name, 22);
    const w = textWidth(label) + 18;
    const attrs = clickable ? ` tabindex="0" role="link"` : '';
    return `<g class="character${clickable ? ' clickable' : ''}" data-character="${x(c.id)}"${attrs}>`
      + `<rect class="person" x="${p.x - w / 2}" y="${p.y - NODE_H / 2}" width="${w}" height="${NODE_H}" rx="13"/>`
      + `<text class="person-name" x="${p.x}" y="${p.y + 4}" text-anchor="middle">${x(label)}</text>`
      + `<title>${x(c.about ? `${c.name} (${c.cue}): ${c.about}` : `${c.name} (${c.cue})`)}</title></g>`;
  }).join('');
  return { size, edges, nodes };
}

/** The events down in canon order; beside them, one column per state, shaded where it holds. */
function eventsAndStates(view: CanonView, top: number): string {
  const out = [`<text class="muted" x="${PAD}" y="${top}">Events in canon order</text>`];
  const rowsTop = top + 30;
  view.states.forEach((state, i) => {
    const sx = PAD + EVENTS_W + i * STATE_W;
    const label = clip(`${state.character}: ${state.label}`, 24);
    out.push(`<text class="state-name" x="${sx}" y="${top}">${x(label)}<title>${x(`${state.character}: ${state.label}`)}</title></text>`);
    const from = rowsTop + state.from * ROW_H;
    const to = rowsTop + (state.until ?? view.events.length) * ROW_H;
    out.push(`<rect class="state-bar" x="${sx}" y="${from + 3}" width="${STATE_W - 16}" height="${Math.max(6, to - from - 6)}" rx="4"/>`);
  });
  view.events.forEach((event, k) => {
    const y = rowsTop + k * ROW_H;
    out.push(`<line class="grid" x1="${PAD}" y1="${y}" x2="${PAD + EVENTS_W + view.states.length * STATE_W}" y2="${y}"/>`);
    const cls = event.backstory ? 'event-name backstory' : 'event-name';
    const name = `${k + 1}. ${clip(event.name, 48)}${event.backstory ? ' (backstory)' : ''}`;
    out.push(`<text class="${cls}" x="${PAD}" y="${y + 16}">${x(name)}<title>${x(event.description ?? event.name)}</title></text>`);
  });
  if (view.events.length === 0) out.push(`<text class="muted" x="${PAD}" y="${rowsTop + 16}">This pack has no events.</text>`);
  return out.join('\n');
}
