import { parse } from 'yaml';
import type { CancellationToken } from '../cancellation';
import { sections, type RefKind, type Section } from '../canon/draft';
import { vocabularyDocs } from '../canon/kind-docs';
import type { CanonPack } from '../canon/model';
import { fieldSpecs, singular } from '../canon/spec';
import type { Span } from '../span';
import { packContextAt } from './pack-context';
import { sortKey } from './completion-types';

/** What a value offered in a pack file is: an entry's id (by section), a word of the format, a rule id. */
export type PackCompletionKind = Section | 'vocabulary' | 'rule';

export interface PackCompletion {
  readonly label: string;
  readonly kind: PackCompletionKind;
  /** The entry's name (or label, or kind) for an id; the vocabulary for a word of the format. */
  readonly detail?: string;
  /** Markdown: what a word of the format means. */
  readonly documentation?: string;
  readonly replace: Span;
  readonly sortText: string;
}

/** A rule as completion offers it in `expect:`: its id and what it finds. */
export interface RuleInfo {
  readonly id: string;
  readonly description: string;
}

/** An entry of a section, as the file being written or the pack it extends has it. */
interface Entry {
  readonly id: string;
  readonly detail?: string;
}

/** What the value at a pack path may be. */
type Offer = { readonly section: Section } | { readonly words: readonly string[] } | { readonly rules: true };

const sectionOf: Readonly<Record<Exclude<RefKind, 'slot'>, Section>> = {
  character: 'characters',
  relation: 'relations',
  place: 'places',
  role: 'roles',
  event: 'events',
};

/** What a role claim's own keys name: `{ role, at, from, until }`. */
const claimRefs: Readonly<Record<string, Section>> = { role: 'roles', at: 'places', from: 'events', until: 'events' };

function isSection(key: string | undefined): key is Section {
  return key !== undefined && (sections as readonly string[]).includes(key);
}

/** What the format lets stand at a path of keys, from its field specs (canon/spec.ts). */
export function offerAt(path: readonly string[]): Offer | undefined {
  const [top, ...rest] = path;
  if (top === 'remove') return rest.length === 1 && isSection(rest[0]) ? { section: rest[0] } : undefined;
  if (top === 'examples') return rest[rest.length - 1] === 'expect' || (rest.length === 2 && rest[1] === 'rule') ? { rules: true } : undefined;
  if (!isSection(top)) return undefined;
  if (top === 'characters' && rest[0] === 'roles') {
    if (rest.length === 1) return { section: 'roles' };
    return rest.length === 2 && claimRefs[rest[1]] ? { section: claimRefs[rest[1]] } : undefined;
  }
  if (top === 'events' && rest[0] === 'participants') return rest.length === 2 ? { section: 'characters' } : undefined;
  if (rest.length !== 1 || !Object.prototype.hasOwnProperty.call(fieldSpecs[top], rest[0])) return undefined;
  const spec = fieldSpecs[top][rest[0]];
  if (spec.oneOf) return { words: spec.oneOf };
  return spec.ref && spec.ref !== 'slot' ? { section: sectionOf[spec.ref] } : undefined;
}

/**
 * Completion in a pack file: the ids a field names (characters in `between:`, events in `from:`,
 * places in `away-from:`), the words of the format's closed vocabularies with a line on each
 * (relation kinds, what a state forbids), and rule ids in an example's `expect:`. Ids come from
 * the text as it is now, then from `known` (the last pack that loaded: with what it extends).
 */
export function packCompletions(text: string, offset: number, known: CanonPack | undefined, rules: readonly RuleInfo[], token: CancellationToken): PackCompletion[] {
  const context = packContextAt(text, offset);
  if (!context || token.isCancellationRequested) return [];
  const offer = offerAt(context.path);
  if (!offer) return [];
  const { replace } = context;
  if ('words' in offer) {
    const docs = vocabularyDocs(offer.words);
    const what = context.path[context.path.length - 1];
    return offer.words.map((word, i) => ({ label: word, kind: 'vocabulary', detail: what, documentation: docs[word], replace, sortText: sortKey(i) }));
  }
  if ('rules' in offer) return rules.map((rule, i) => ({ label: rule.id, kind: 'rule', detail: rule.description, replace, sortText: sortKey(i) }));
  const entries = [...entriesInText(text, offer.section), ...(known ? entriesInPack(known, offer.section) : [])];
  const seen = new Set<string>();
  return entries.filter((e) => !seen.has(e.id) && seen.add(e.id)).map((entry, i) => ({
    label: entry.id, kind: offer.section, detail: entry.detail ?? singular[offer.section], replace, sortText: sortKey(i),
  }));
}

/** A section's entries as the text has them; a pack mid-edit is read as far as it goes. */
function entriesInText(text: string, section: Section): Entry[] {
  let data: unknown;
  try {
    data = parse(text, { prettyErrors: false, uniqueKeys: false, logLevel: 'silent' });
  } catch {
    return [];
  }
  const items = data && typeof data === 'object' ? (data as Record<string, unknown>)[section] : undefined;
  if (!Array.isArray(items)) return [];
  return items.flatMap((item): Entry[] => {
    if (!item || typeof item !== 'object') return [];
    const fields = item as Record<string, unknown>;
    if (typeof fields.id !== 'string' || fields.id === '') return [];
    const detail = [fields.name, fields.label, fields.statement, fields.kind].find((v): v is string => typeof v === 'string');
    return [{ id: fields.id, detail }];
  });
}

/** A section's entries as a loaded pack has them. */
function entriesInPack(pack: CanonPack, section: Section): Entry[] {
  switch (section) {
    case 'characters': return pack.characters.map((c) => ({ id: c.id, detail: c.name }));
    case 'relations': return pack.relations.map((r) => ({ id: r.id, detail: `${r.kind}: ${r.between.join(', ')}` }));
    case 'places': return pack.places.map((p) => ({ id: p.id, detail: p.name }));
    case 'roles': return pack.roles.map((r) => ({ id: r.id, detail: r.terms[0] }));
    case 'events': return pack.events.map((e) => ({ id: e.id, detail: e.name }));
    case 'states': return pack.states.map((s) => ({ id: s.id, detail: s.label }));
    case 'facts': return pack.facts.map((f) => ({ id: f.id, detail: f.statement }));
  }
}
