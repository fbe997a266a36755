import { isMap, isSeq, parseDocument } from 'yaml';
import type { CanonPack } from '../canon/model';
import type { Span } from '../span';
import { sortKey } from './completion-types';
import { slotContextAt } from './pack-context';

/** A slot offered in a phrasing: a participant role of the event, or a character id. */
export interface SlotCompletion {
  readonly label: string;
  /** 'role' for a participant of the event, 'character' for a character id. */
  readonly of: 'role' | 'character';
  readonly detail: string;
  readonly documentation?: string;
  readonly replace: Span;
  readonly sortText: string;
}

/**
 * Completion of `{slot}` in a phrasing: in an event, its participant roles first (each with who
 * holds it in canon), then character ids, which a slot may name too; in a fact, character ids.
 * Roles and ids come from the text as it is now, then from `known` (the last pack that loaded).
 */
export function slotCompletions(text: string, offset: number, known: CanonPack | undefined): SlotCompletion[] | undefined {
  const context = slotContextAt(text, offset);
  if (!context) return undefined;
  const { replace } = context;
  const data = readData(text);
  const roles = context.path[0] === 'events' ? eventRoles(data, text, offset, known) : [];
  const characters = [...idsIn(data, 'characters'), ...(known?.characters.map((c) => ({ id: c.id, name: c.name })) ?? [])];
  const seen = new Set(roles.map((r) => r.role));
  const out: SlotCompletion[] = roles.map((r) => ({
    label: r.role, of: 'role', detail: 'a participant of this event',
    documentation: r.who.length > 0 ? `In canon: ${r.who.map((id) => `\`${id}\``).join(', ')}.` : undefined, replace, sortText: '',
  }));
  for (const c of characters) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    out.push({ label: c.id, of: 'character', detail: c.name ?? 'character', replace, sortText: '' });
  }
  return out.map((item, i) => ({ ...item, sortText: sortKey(i) }));
}

type Data = Record<string, unknown> | undefined;

/** The pack as far as it parses: a phrasing being typed leaves a quote open, which YAML reads past. */
function readData(text: string): Data {
  try {
    const data: unknown = parseDocument(text, { prettyErrors: false, uniqueKeys: false, logLevel: 'silent' }).toJS();
    return data && typeof data === 'object' ? data as Record<string, unknown> : undefined;
  } catch {
    return undefined;
  }
}

function idsIn(data: Data, section: string): { id: string; name?: string }[] {
  const items = data?.[section];
  if (!Array.isArray(items)) return [];
  return items.flatMap((item) => {
    const fields = item && typeof item === 'object' ? item as Record<string, unknown> : {};
    return typeof fields.id === 'string' ? [{ id: fields.id, name: typeof fields.name === 'string' ? fields.name : undefined }] : [];
  });
}

/** The participant roles of the event whose entry holds the offset, as written, else as the loaded pack has them. */
function eventRoles(data: Data, text: string, offset: number, known: CanonPack | undefined): { role: string; who: readonly string[] }[] {
  const id = eventAt(text, offset);
  if (id === undefined) return [];
  const events = data?.events;
  const written = Array.isArray(events) ? events.find((e): e is Record<string, unknown> => !!e && typeof e === 'object' && (e as Record<string, unknown>).id === id) : undefined;
  const participants = written?.participants;
  if (participants && typeof participants === 'object') {
    return Object.entries(participants as Record<string, unknown>).map(([role, who]) => ({ role, who: (Array.isArray(who) ? who : [who]).map(String) }));
  }
  const event = known?.events.find((e) => e.id === id);
  return event ? Object.entries(event.participants).map(([role, who]) => ({ role, who })) : [];
}

/**
 * The id of the event whose entry holds the offset: by the parsed entries' ranges, else (the text
 * mid-edit parses no further) the nearest `id:` above the cursor.
 */
function eventAt(text: string, offset: number): string | undefined {
  try {
    const events = parseDocument(text, { prettyErrors: false, uniqueKeys: false, logLevel: 'silent' }).get('events');
    if (isSeq(events)) {
      for (const item of events.items) {
        if (!isMap(item) || !item.range || offset < item.range[0] || offset > item.range[2]) continue;
        const id = item.get('id');
        if (typeof id === 'string') return id;
      }
    }
  } catch {
    // Read from the lines below.
  }
  const above = text.slice(0, offset).split(/\r?\n/).reverse();
  for (const line of above) {
    const id = /(?:^|[{,\s-])id[ \t]*:[ \t]*([A-Za-z0-9_-]+)/.exec(line);
    if (id) return id[1];
    if (/^[A-Za-z]/.test(line)) return undefined;
  }
  return undefined;
}
