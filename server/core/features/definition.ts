import { encloses, type Span } from '../span';
import type { Mention } from '../story/cast';
import { at, nameScope, type Passage, type Script } from '../story/script';

/**
 * Characters under the cursor and their mentions, for go-to-definition and find-references.
 * Ids are canon ids ("cassie") or, for the script's own characters, "script:KAI": those have no
 * canon origin, so the LSP layer offers their references only.
 */
export interface CharacterAt {
  readonly characterId: string;
  readonly span: Span;
}

/** The character named at `offset`: in a cue (not its extensions), action, dialogue; misspellings too. */
export function characterAt(script: Script, offset: number): CharacterAt | undefined {
  const mention = mentionAt(script, offset);
  return mention && { characterId: mention.characterId, span: { start: mention.start, end: mention.end } };
}

/** Every cue and mention of the character in this script, in document order. */
export function referencesOf(script: Script, characterId: string): Span[] {
  const spans: Span[] = [];
  for (const passage of script.passages) {
    for (const mention of namesIn(passage)) {
      if (mention.characterId === characterId) spans.push(at(passage, mention));
    }
  }
  return spans;
}

/**
 * The mention whose span holds `offset`, with its span in the script; the cursor just after a
 * name still counts as on it.
 */
export function mentionAt(script: Script, offset: number): Mention | undefined {
  for (const passage of script.passages) {
    if (passage.element.start > offset) break;
    if (passage.element.end < offset) continue;
    const local = offset - passage.base;
    const mention = namesIn(passage).find((m) => m.start <= local && local <= m.end);
    if (mention) return { ...mention, ...at(passage, mention) };
  }
  return undefined;
}

/** The passage's mentions inside its name scope (a cue's extensions are never names). */
function namesIn(passage: Passage): readonly Mention[] {
  if (passage.element.type !== 'character') return passage.mentions;
  const scope = nameScope(passage);
  return passage.mentions.filter((m) => encloses(scope, at(passage, m)));
}
