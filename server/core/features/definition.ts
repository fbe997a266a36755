import { encloses, relative, type Span } from '../span';
import type { Mention } from '../story/cast';
import { at, baseOf, elementOf, nameScope, type Script } from '../story/script';

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
  const found = mentionAt(script, offset);
  return found && { characterId: found.mention.characterId, span: found.span };
}

/** Every cue and mention of the character in this script, in document order. */
export function referencesOf(script: Script, characterId: string): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < script.passages.length; i++) {
    for (const mention of namesIn(script, i)) {
      if (mention.characterId === characterId) spans.push(at(script, i, mention));
    }
  }
  return spans;
}

/**
 * The mention whose span holds `offset` (its offsets count from its passage), with its span in the
 * script; the cursor just after a name still counts as on it.
 */
export function mentionAt(script: Script, offset: number): { readonly mention: Mention; readonly span: Span } | undefined {
  for (let i = 0; i < script.passages.length; i++) {
    const element = elementOf(script, i);
    if (element.start > offset) break;
    if (element.end < offset) continue;
    const local = relative(baseOf(script, i), offset);
    const mention = namesIn(script, i).find((m) => m.start <= local && local <= m.end);
    if (mention) return { mention, span: at(script, i, mention) };
  }
  return undefined;
}

/** The mentions of the script's passage `index` inside its name scope (a cue's extensions are never names). */
function namesIn(script: Script, index: number): readonly Mention[] {
  const mentions = script.passages[index].mentions;
  if (elementOf(script, index).type !== 'character') return mentions;
  const scope = nameScope(script, index);
  return mentions.filter((m) => encloses(scope, at(script, index, m)));
}
