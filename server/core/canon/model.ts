import type { Span } from '../span';

/**
 * The canon as the engine reads it, after a pack (and the packs it extends) has been loaded,
 * validated and merged. Every list is in the pack's own order; events are in canonical order.
 *
 * Phrasings (how narration recognises an event, a role, a fact) are data, never regular
 * expressions: a phrasing is a short word pattern, matched word by word by the story layer.
 * Pattern syntax, for pack authors:
 *   - words are matched after reducing both sides to their base form ("pushed", "pushes",
 *     "pushing" all match "push"; "is", "was", "were" match "be"; "woke" matches "wake");
 *   - `{role}` is a slot filled by a character mention (a canon name, alias, nickname, a cue
 *     spelling, or "someone" and the like for an unknown person); the role names one of the
 *     event's participants, e.g. `{culprit}`, `{victim}`; a slot named after a character id
 *     (`{cassie}`) matches only that character;
 *   - `*` matches any one word; between two pattern words up to four other words may stand, and
 *     an aside between commas does not count ("sends Cassie over the edge of the roof" matches
 *     "send {victim} over the edge").
 */

/** Where an entry stands in its pack file: for diagnostics on the pack and go-to-definition. */
export interface Origin {
  /** The pack's URI (or path) as the loader was given it. */
  readonly uri: string;
  readonly span: Span;
}

export interface Sourced {
  /** A sentence quoted from the source the fact comes from, verbatim. */
  readonly source?: string;
  /** Where that quotation stands in the source, in the fan's words: "Act 2, scene 2", "Chapter 34". */
  readonly where?: string;
  readonly origin?: Origin;
}

export interface RoleClaim extends Sourced {
  /** A role id from the pack's `roles` vocabulary, e.g. "student", "acting-director". */
  readonly role: string;
  /** A place id, e.g. "archer-school". */
  readonly at?: string;
  /** The event (id) from which the role is held: a king from the old king's death. Absent: from the start. */
  readonly from?: string;
  /** The event (id) at which the role is given up: a student until graduation. Absent: to the end. */
  readonly until?: string;
}

export interface Character extends Sourced {
  readonly id: string;
  /** The full name as canon spells it: "Cassie Shore". */
  readonly name: string;
  readonly first?: string;
  readonly surname?: string;
  /** The cue as written in a script, in capitals: "CASSIE". */
  readonly cue: string;
  readonly aliases: readonly string[];
  readonly nicknames: readonly string[];
  /** Spellings fans get wrong, each mapped back to this character with a fix: "Nevaeh". */
  readonly misspellings: readonly string[];
  /** "she/her", "he/him", "they/them". */
  readonly pronouns?: string;
  /** A one-line role for completion details and hover cards: "Ballet student at the Archer School". */
  readonly role?: string;
  readonly roles: readonly RoleClaim[];
  readonly description?: string;
  /** The title the name begins with, where it does: "Lady" in "Lady Macbeth", "Friar" in "Friar Laurence". */
  readonly title?: string;
  /** Every parent of this character among the pack's characters is tied to them by a relation. */
  readonly parentsKnown: boolean;
  /** Every sibling of this character among the pack's characters is tied to them by a relation. */
  readonly siblingsKnown: boolean;
  /** Every husband or wife of this character among the pack's characters is tied to them (`married`). */
  readonly spousesKnown: boolean;
  /**
   * Names this character shares with another (Cinna the poet and Cinna the conspirator: "Cinna"):
   * alone in narration such a name names nobody, so it is checked against neither; longer names
   * and cues still say who is meant.
   */
  readonly sharedNames: readonly string[];
  /**
   * The character this entry is a form of: a ghost, a spirit, a recording ("banquo-ghost" of
   * "banquo"). It has its own name, cue and states; family ties are the other's.
   */
  readonly of?: string;
}

export type RelationKind =
  | 'sister'
  | 'brother'
  | 'sibling'
  | 'parent'
  | 'child'
  | 'cousin'
  | 'half-sibling'
  | 'grandparent'
  | 'grandchild'
  | 'uncle'
  | 'aunt'
  | 'niece'
  | 'nephew'
  | 'step-parent'
  | 'step-child'
  | 'parent-in-law'
  | 'child-in-law'
  | 'sibling-in-law'
  | 'guardian'
  | 'ward'
  | 'adoptive-parent'
  | 'adopted-child'
  | 'master'
  | 'servant'
  | 'married'
  | 'dating'
  | 'affair'
  | 'kissed'
  | 'friend'
  | 'rival';

export interface Relation extends Sourced {
  readonly id: string;
  readonly kind: RelationKind;
  /**
   * The two characters, by id. A directed kind reads "the first is the second's KIND": for 'parent'
   * the first is the parent, for 'uncle' the first is the uncle, for 'ward' the first is the ward,
   * for 'servant' the first serves the second.
   */
  readonly between: readonly [string, string];
  /** For siblings: the id of the older one, where canon says. */
  readonly older?: string;
  /** For siblings born together: neither is older. */
  readonly twins?: true;
  /** The event (id) at which the tie begins (a wedding); absent: it holds from before the story. */
  readonly from?: string;
  /** The event (id) at which it ends (a divorce, a break-up); absent: to the end. */
  readonly until?: string;
  /** For romance: where canon orders it, "before" another relation id. */
  readonly before?: string;
}

export interface Place extends Sourced {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly description?: string;
  /** The place (id) this one stands in: the house of Capulet is in Verona. */
  readonly in?: string;
}

/** A way narration says an event happened. */
export interface Phrasing {
  /** The word pattern, e.g. "{culprit} push {victim} off". */
  readonly pattern: string;
  /** Words of which at least one must stand in the same paragraph or the scene heading: ["roof", "edge"]. */
  readonly context?: readonly string[];
}

export interface CanonEvent extends Sourced {
  readonly id: string;
  /** The name shown to writers and offered in `[[canon: ...]]` completion: "Cassie's fall". */
  readonly name: string;
  /** Other names writers anchor to: "the fall", "the push". */
  readonly anchors: readonly string[];
  /**
   * Participant role -> the characters canon has in it, where canon knows who: { victim: ["cassie"],
   * culprit: ["delia"] }. Most roles hold one character; an event of many hands holds several in one
   * role (every conspirator stabs Caesar), and narration naming any of them fills the role.
   */
  readonly participants: Readonly<Record<string, readonly string[]>>;
  /** Narration phrasings that recognise the event. */
  readonly phrasings: readonly Phrasing[];
  /**
   * Dialogue phrasings that count as the event having been said (an accusation is made by saying it:
   * "It was Bette."). They never move the story clock, since a claim may be false, but they satisfy
   * other events' `requires`. Slots are checked against the event's participants.
   */
  readonly said?: readonly Phrasing[];
  /**
   * Events (ids) that must already have happened on the story clock for this one to make sense,
   * beyond plain canonical order: the fingerprints cannot clear Bette before she is accused.
   */
  readonly requires: readonly string[];
  /**
   * The event happened before the story opens (a murder before act one, a death years ago): its
   * states hold from the first page of every script, unless a flashback, dream or anchor says
   * otherwise. Backstory events come first in the canon order.
   */
  readonly backstory?: true;
  /**
   * The event may happen again after its place in the canon order (a ghost who appears in two
   * acts): narrating it once more is no slip in the order, and tells only that the story is past it.
   */
  readonly repeats?: true;
  /**
   * The participants have no fixed roles (a duel, a kiss, a fight between two people): narration
   * naming them in either order is the event, read with each in the role canon gives them.
   */
  readonly symmetric?: true;
  readonly description?: string;
}

/**
 * A day, or any span of the story, that holds several events in a row ("the ides of March":
 * Calpurnia's dream to the assassination): a name writers anchor to, as they anchor to an event.
 */
export interface CanonDay extends Sourced {
  readonly id: string;
  /** The name shown to writers and offered in `[[canon: ...]]` completion: "the ides of March". */
  readonly name: string;
  /** Other names writers anchor to: "the ides". */
  readonly anchors: readonly string[];
  /** The day's first event (id), and its last; the last is the first where the day holds one event. */
  readonly first: string;
  readonly last: string;
  readonly description?: string;
}

/** What a state stops its character from doing. */
export type Capability = 'speak' | 'act' | 'see' | 'hear';

export interface CanonState extends Sourced {
  readonly id: string;
  /** The character the state holds for. */
  readonly character: string;
  /** How writers and messages call it: "in a coma". */
  readonly label: string;
  /** Event id that begins the state. */
  readonly from: string;
  /** Event id that ends it; absent = holds to the end of the canon. */
  readonly until?: string;
  /**
   * Where the holder is meanwhile (place ids: at sea, in Mantua): on stage at any other named
   * place is a slip. Empty: the state says nothing of where they are.
   */
  readonly at?: readonly string[];
  /** Places (ids) the holder cannot be meanwhile, nor anywhere inside them: banished from Verona. */
  readonly awayFrom?: readonly string[];
  readonly forbids: readonly Capability[];
  /** Verbs (base forms) the character may still be the subject of: "lie", "breathe", "sleep". */
  readonly allows: readonly string[];
  /**
   * The classes of involuntary movement (body.json: breathing, heartbeat, reflexes) the character's
   * body may still show: "her chest rises and falls" in a coma. Absent: every class; ['none']: none
   * (a death: a dead man's chest does not rise).
   */
  readonly body?: readonly string[];
  /** The dying may still speak and act in the scene in which the state begins (a death scene's last words). */
  readonly lastWords?: true;
}

/**
 * A fact narration can contradict. Two kinds:
 *  - 'participant': who took part in an event ("Delia pushed Cassie"): narration of the event
 *    naming someone else in that role contradicts it;
 *  - 'never': phrasings that canon rules out ("Cassie dies"): narration matching one contradicts it.
 */
export interface ParticipantFact extends Sourced {
  readonly id: string;
  readonly kind: 'participant';
  readonly statement: string;
  readonly event: string;
  readonly role: string;
  /** The one canon has in the role, or the first of several: who a fix offers. */
  readonly character: string;
  /** Everyone canon has in the role (several hands in one event); narration naming any other contradicts it. */
  readonly characters: readonly string[];
}

export interface NeverFact extends Sourced {
  readonly id: string;
  readonly kind: 'never';
  readonly statement: string;
  readonly phrasings: readonly Phrasing[];
}

export type Fact = ParticipantFact | NeverFact;

/** A role writers give characters in narration: "student", "acting director". */
export interface Role extends Sourced {
  readonly id: string;
  /** Words and phrases that name the role: ["acting director", "acting head"]. */
  readonly terms: readonly string[];
  /** Only one character holds it at a time in canon (the acting director). */
  readonly exclusive: boolean;
  /** Role ids a holder of this role cannot also be described as: student vs graduate. */
  readonly conflicts: readonly string[];
  /**
   * 'none': nobody in canon holds the role (Caesar is offered the crown and refused it, so no one
   * is king): narration giving it to anyone contradicts canon. Absent: the holders are the
   * characters whose `roles:` name it.
   */
  readonly holders?: 'none';
}

export interface CanonPack {
  readonly id: string;
  readonly name: string;
  /** A short description of the source material. */
  readonly description?: string;
  readonly characters: readonly Character[];
  readonly relations: readonly Relation[];
  readonly places: readonly Place[];
  readonly roles: readonly Role[];
  /** In canonical order. */
  readonly events: readonly CanonEvent[];
  /** Named spans of events (a day), in the pack's order. */
  readonly days: readonly CanonDay[];
  readonly states: readonly CanonState[];
  readonly facts: readonly Fact[];
  /** Where the pack and the packs it extends came from, outermost first. */
  readonly origins: readonly string[];
  /** The outermost pack file's own tests (`examples:`); those of the packs it extends are theirs. */
  readonly examples?: readonly PackExample[];
}

/** A pack's test of itself: a short script, and the findings it must give (none: it stays quiet). */
export interface PackExample {
  /** As written, or the script's first line. */
  readonly name: string;
  /** Fountain text: a sentence, or a short scene. */
  readonly script: string;
  /** Exactly these findings, each used once; empty means no warning at all. */
  readonly expect: readonly ExpectedFinding[];
  readonly origin: Origin;
}

export interface ExpectedFinding {
  /** A rule id: `continuity.state-speaks`. */
  readonly rule: string;
  /** 1-based line of the script, where the writer cares which line. */
  readonly line?: number;
  readonly origin: Origin;
}
