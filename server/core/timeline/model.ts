import type { Severity } from '../finding';

/**
 * The story timeline: a story's scenes, across its chapters in order, placed on the canon clock.
 * Plain data, built by story.ts from the analysed chapters and drawn by svg.ts and html.ts, so the
 * picture in the editor and the one `canon-keeper timeline` writes are the same.
 */
export interface StoryTimeline {
  readonly pack: { readonly id: string; readonly name: string };
  /** The canon events in canonical order: the clock's marks. */
  readonly events: readonly ClockEvent[];
  /** The pack's states, each over the stretch of the clock where canon says it holds. */
  readonly states: readonly StateSpan[];
  readonly chapters: readonly TimelineChapter[];
  /** Every scene of every chapter, in reading order. */
  readonly scenes: readonly TimelineScene[];
}

export interface ClockEvent {
  readonly id: string;
  readonly name: string;
  /** Before the story opens (a death years ago). */
  readonly backstory: boolean;
}

export interface StateSpan {
  readonly id: string;
  /** The character's name as writers know it: "Cassie". */
  readonly character: string;
  readonly label: string;
  /** Index of the event that begins the state. */
  readonly from: number;
  /** Index of the event that ends it; absent: it holds to the end of the canon. */
  readonly until?: number;
}

export interface TimelineChapter {
  /** The file's name: "chapter-02.fountain". */
  readonly name: string;
  /** Where the editor can open it, where it has an address. */
  readonly uri?: string;
}

/**
 * Where a scene stands on the canon clock. Gap k is "after event k, before event k+1"; -1 is before
 * the first event. A scene the story has not placed (an event out of order, nothing narrated yet
 * and no anchor) is 'unplaced'; a flashback or dream is 'off' the clock altogether.
 */
export type ClockPlace =
  | { readonly kind: 'gap'; readonly gap: number }
  | { readonly kind: 'between'; readonly lo: number; readonly hi: number }
  | { readonly kind: 'unplaced' }
  | { readonly kind: 'off'; readonly reason: string };

export interface TimelineScene {
  /** 1-based, counted across the whole story. */
  readonly number: number;
  /** Index into StoryTimeline.chapters. */
  readonly chapter: number;
  /** The scene heading as written, or "(before the first scene heading)". */
  readonly heading: string;
  /** Where the scene starts in its chapter: an offset and a 0-based line. */
  readonly offset: number;
  readonly line: number;
  /** Where the story stands once the scene's own events have happened. */
  readonly place: ClockPlace;
  /** In words: "after Cassie's fall", "off the timeline (FLASHBACK)". */
  readonly placeLabel: string;
  /** The canon events the scene's narration makes happen, by index, in order. */
  readonly events: readonly number[];
  /** The canon states that hold throughout the scene. */
  readonly states: readonly SceneState[];
  readonly warnings: readonly SceneWarning[];
}

export interface SceneState {
  readonly id: string;
  readonly character: string;
  readonly label: string;
}

export interface SceneWarning {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  /** In the scene's chapter: an offset and a 0-based line. */
  readonly offset: number;
  readonly line: number;
}
