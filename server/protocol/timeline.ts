import type { CanonView } from '../core/timeline/canon';
import type { StoryTimeline } from '../core/timeline/model';

/**
 * The canon and the timeline as pictures, and the built-in pack's entries as read-only documents:
 * requests the client sends (types only, shared by the client and the server).
 */
export const TIMELINE = {
  /** The story of a script (its folder's chapters in order) on the canon clock. */
  timeline: 'canonKeeper/timeline',
  /** The canon in force for a script. */
  canon: 'canonKeeper/canon',
  /** The text of a `canon-keeper:` document: a built-in pack's entry, which Go to Definition opens. */
  canonEntry: 'canonKeeper/canonEntry',
} as const;

/** The scheme of the read-only documents that show the built-in pack's entries. */
export const CANON_ENTRY_SCHEME = 'canon-keeper';

export interface TimelineParams {
  readonly uri: string;
}

export interface TimelineResult {
  /** "After the Fall": the title page's title, else the folder's or file's name. */
  readonly title: string;
  readonly timeline: StoryTimeline;
  readonly canon: CanonView;
}

export interface CanonResult {
  readonly canon: CanonView;
  /** The pack file in force, or absent for the built-in pack. */
  readonly file?: string;
}

export interface CanonEntryParams {
  /** A `canon-keeper:/PACK/CHARACTER.yaml` URI, as Go to Definition gave it. */
  readonly uri: string;
}

export interface CanonEntryResult {
  readonly text: string;
}
