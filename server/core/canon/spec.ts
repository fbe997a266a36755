import { BODY_CLASSES, NO_BODY } from '../body';
import { kindsOfTieWords } from './family';
import { sections, type RefKind, type Section } from './draft';

/**
 * The fields each kind of entry may carry, as written in a pack, and how to read each.
 * The JSON Schema (schemas/canon-pack.schema.json) declares the same fields for editors;
 * a unit test keeps the two in step.
 */

export type FieldKind =
  | 'id'
  | 'string'
  | 'strings'
  | 'boolean'
  | 'pair'
  | 'participants'
  | 'phrasings'
  | 'claims';

export interface FieldSpec {
  readonly kind: FieldKind;
  /** What the value (or each element) must name, checked after merging. */
  readonly ref?: RefKind;
  /** The only values allowed, for closed vocabularies. */
  readonly oneOf?: readonly string[];
  /** Said after the list of allowed values: what to do when none of them fits. */
  readonly otherwise?: string;
  /** Everyday words for allowed values, offered where a writer uses one: "spouse" for "married". */
  readonly synonyms?: Readonly<Record<string, string>>;
}

/**
 * The words fans write for a tie, each with the kind that says it (with `between:` in the right
 * order): the words the family rule reads for each tie (family.ts), and a few more.
 */
const KIND_SYNONYMS: Readonly<Record<string, string>> = {
  ...kindsOfTieWords(),
  marriage: 'married', 'married-to': 'married', mum: 'parent', mom: 'parent', dad: 'parent',
  'step-mother': 'step-parent', 'step-father': 'step-parent', 'in-law': 'sibling-in-law',
  twin: 'sibling', twins: 'sibling', siblings: 'sibling', brothers: 'brother', sisters: 'sister',
  foster: 'guardian', 'foster-parent': 'guardian', adoptive: 'adoptive-parent', adopted: 'adopted-child', adoption: 'adoptive-parent',
  'adoptive-mother': 'adoptive-parent', 'adoptive-father': 'adoptive-parent', 'adopted-son': 'adopted-child', 'adopted-daughter': 'adopted-child',
  'master-servant': 'master', lovers: 'dating', lover: 'dating', couple: 'dating', boyfriend: 'dating', girlfriend: 'dating',
};

/** What a state's `body:` may name: the classes of body.json, or none. */
export const bodyValues: readonly string[] = [NO_BODY, ...BODY_CLASSES];

export const relationKinds = [
  'sister',
  'brother',
  'sibling',
  'parent',
  'child',
  'cousin',
  'half-sibling',
  'grandparent',
  'grandchild',
  'uncle',
  'aunt',
  'niece',
  'nephew',
  'step-parent',
  'step-child',
  'parent-in-law',
  'child-in-law',
  'sibling-in-law',
  'guardian',
  'ward',
  'adoptive-parent',
  'adopted-child',
  'master',
  'servant',
  'married',
  'dating',
  'affair',
  'kissed',
  'friend',
  'rival',
] as const;

export const capabilities = ['speak', 'act', 'see', 'hear'] as const;
/** What a role's `holders:` may say: only that nobody holds it (the holders are named on characters). */
export const roleHolders = ['none'] as const;
export const factKinds = ['participant', 'never'] as const;

const text: FieldSpec = { kind: 'string' };
const texts: FieldSpec = { kind: 'strings' };
const id: FieldSpec = { kind: 'id' };

export const fieldSpecs: Readonly<Record<Section, Readonly<Record<string, FieldSpec>>>> = {
  characters: {
    id,
    name: text,
    first: text,
    surname: text,
    cue: text,
    aliases: texts,
    nicknames: texts,
    misspellings: texts,
    pronouns: text,
    'parents-known': { kind: 'boolean' },
    'siblings-known': { kind: 'boolean' },
    'spouses-known': { kind: 'boolean' },
    'shared-names': texts,
    of: { kind: 'string', ref: 'character' },
    role: text,
    roles: { kind: 'claims' },
    description: text,
    source: text,
    where: text,
  },
  relations: {
    id,
    kind: {
      kind: 'string',
      oneOf: relationKinds,
      otherwise: "a tie with no kind of its own (a godparent, a patron) is not checked: write it in words in a character's 'description:', or use the nearest kind",
      synonyms: KIND_SYNONYMS,
    },
    between: { kind: 'pair', ref: 'character' },
    older: { kind: 'string', ref: 'character' },
    twins: { kind: 'boolean' },
    from: { kind: 'string', ref: 'event' },
    until: { kind: 'string', ref: 'event' },
    before: { kind: 'string', ref: 'relation' },
    source: text,
    where: text,
  },
  places: { id, name: text, aliases: texts, in: { kind: 'string', ref: 'place' }, description: text, source: text, where: text },
  roles: {
    id,
    terms: texts,
    exclusive: { kind: 'boolean' },
    conflicts: { kind: 'strings', ref: 'role' },
    holders: {
      kind: 'string',
      oneOf: roleHolders,
      otherwise: "who holds a role is said on each character, in 'roles:'; 'holders: none' says nobody in canon holds it",
    },
    source: text,
    where: text,
  },
  events: {
    id,
    name: text,
    anchors: texts,
    participants: { kind: 'participants', ref: 'character' },
    phrasings: { kind: 'phrasings' },
    said: { kind: 'phrasings' },
    requires: { kind: 'strings', ref: 'event' },
    after: { kind: 'string', ref: 'event' },
    backstory: { kind: 'boolean' },
    repeats: { kind: 'boolean' },
    symmetric: { kind: 'boolean' },
    description: text,
    source: text,
    where: text,
  },
  days: {
    id,
    name: text,
    anchors: texts,
    first: { kind: 'string', ref: 'event' },
    last: { kind: 'string', ref: 'event' },
    description: text,
    source: text,
    where: text,
  },
  states: {
    id,
    character: { kind: 'string', ref: 'character' },
    label: text,
    from: { kind: 'string', ref: 'event' },
    until: { kind: 'string', ref: 'event' },
    at: { kind: 'strings', ref: 'place' },
    'away-from': { kind: 'strings', ref: 'place' },
    forbids: { kind: 'strings', oneOf: capabilities },
    allows: texts,
    body: { kind: 'strings', oneOf: bodyValues },
    'last-words': { kind: 'boolean' },
    source: text,
    where: text,
  },
  facts: {
    id,
    kind: { kind: 'string', oneOf: factKinds },
    statement: text,
    event: { kind: 'string', ref: 'event' },
    role: text,
    character: { kind: 'strings', ref: 'character' },
    phrasings: { kind: 'phrasings' },
    source: text,
    where: text,
  },
};

/** Fields every entry needs once merged (a child pack may override an entry by id alone). */
export const requiredFields: Readonly<Record<Section, readonly string[]>> = {
  characters: ['name'],
  relations: ['kind', 'between'],
  places: ['name'],
  roles: [],
  events: ['name'],
  days: ['name', 'first'],
  states: ['character', 'label', 'from'],
  facts: ['statement'],
};

export const topLevelKeys = ['canon', 'id', 'name', 'description', 'extends', 'remove', ...sections, 'examples'];


/** The singular word for messages: "character 'delya'". */
export const singular: Readonly<Record<Section, string>> = {
  characters: 'character',
  relations: 'relation',
  places: 'place',
  roles: 'role',
  events: 'event',
  days: 'day',
  states: 'state',
  facts: 'fact',
};
