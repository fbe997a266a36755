import { capabilities, factKinds, relationKinds, bodyValues, roleHolders } from './spec';

/**
 * One line on each word of the pack format's closed vocabularies (relation kinds, what a state
 * forbids, fact kinds), as a fan reads it: shown beside each value offered in completion, and
 * written into the JSON Schema's enumDescriptions so the YAML and JSON editors show the same.
 */
export const relationKindDocs: Readonly<Record<(typeof relationKinds)[number], string>> = {
  sister: 'The two are sisters (the first is a sister); `older` may say who is older, `twins: true` that neither is.',
  brother: 'The two are brothers (the first is a brother); `older` may say who is older, `twins: true` that neither is.',
  sibling: 'The two are siblings; `older` may say who is older, `twins: true` that neither is.',
  parent: 'Directed: the first is the second\'s parent, [parent, child].',
  child: 'Directed: the first is the second\'s child, [child, parent].',
  cousin: 'The two are cousins.',
  'half-sibling': 'The two share one parent.',
  grandparent: 'Directed: the first is the second\'s grandparent, [grandparent, grandchild].',
  grandchild: 'Directed: the first is the second\'s grandchild, [grandchild, grandparent].',
  uncle: 'Directed: the first is the second\'s uncle, [uncle, niece or nephew].',
  aunt: 'Directed: the first is the second\'s aunt, [aunt, niece or nephew].',
  niece: 'Directed: the first is the second\'s niece, [niece, aunt or uncle].',
  nephew: 'Directed: the first is the second\'s nephew, [nephew, aunt or uncle].',
  'step-parent': 'Directed: the first is the second\'s step-parent, [step-parent, step-child].',
  'step-child': 'Directed: the first is the second\'s step-child, [step-child, step-parent].',
  'parent-in-law': 'Directed: the first is the second\'s parent-in-law, [mother-in-law, son-in-law].',
  'child-in-law': 'Directed: the first is the second\'s child-in-law, [son-in-law, mother-in-law].',
  'sibling-in-law': 'The two are sisters- or brothers-in-law.',
  guardian: 'Directed: the first is the second\'s guardian, [guardian, ward].',
  ward: 'Directed: the first is the second\'s ward, [ward, guardian].',
  'adoptive-parent': 'Directed: the first adopted the second, [adoptive parent, adopted child]; not a birth parent.',
  'adopted-child': 'Directed: the first is the second\'s adopted child, [adopted child, adoptive parent].',
  master: 'Directed: the first is the second\'s master or mistress, [master, servant] (owner and bondman, lord and man).',
  servant: 'Directed: the first serves the second, [servant, master] (a bondman, a maid, a page, a boy).',
  married: 'The two are married.',
  dating: 'The two are seeing each other (romance, not family).',
  affair: 'The two have an affair (romance, not family).',
  kissed: 'The first kissed the second.',
  friend: 'The two are friends (not family).',
  rival: 'The two are rivals (not family).',
};

export const capabilityDocs: Readonly<Record<(typeof capabilities)[number], string>> = {
  speak: 'The character cannot speak meanwhile: a line under their cue is a warning.',
  act: 'The character cannot act meanwhile: narration in which they do something is a warning.',
  see: 'The character cannot see meanwhile (blinded): narration in which they read, watch or see something is a warning.',
  hear: 'The character cannot hear meanwhile (deafened): narration in which they hear or listen is a warning.',
};

export const factKindDocs: Readonly<Record<(typeof factKinds)[number], string>> = {
  participant: 'Who took part in an event: needs `event`, `role` and `character`.',
  never: 'What canon rules out: needs `phrasings`.',
};

export const bodyDocs: Readonly<Record<string, string>> = {
  none: 'Nothing moves of itself (a death): a rising chest or a flutter is a warning.',
  breathing: 'Breath goes in and out: "her chest rises and falls", "she breathes".',
  heartbeat: 'The heart and the pulse: "his pulse races".',
  reflexes: 'Movement nobody means: "her eyelids flutter", "she stirs".',
};

export const roleHolderDocs: Readonly<Record<(typeof roleHolders)[number], string>> = {
  none: 'Nobody in canon holds the role (a crown refused): narration giving it to anyone is a warning.',
};

const byVocabulary = new Map<readonly string[], Readonly<Record<string, string>>>([
  [roleHolders, roleHolderDocs],
  [bodyValues, bodyDocs],
  [relationKinds, relationKindDocs],
  [capabilities, capabilityDocs],
  [factKinds, factKindDocs],
]);

/** The lines on the values of a closed vocabulary (a field spec's `oneOf`), where it has them. */
export function vocabularyDocs(values: readonly string[]): Readonly<Record<string, string>> {
  return byVocabulary.get(values) ?? {};
}
