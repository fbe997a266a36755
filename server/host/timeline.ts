import type { CancellationToken } from '../core/cancellation';
import { canonView, type CanonView } from '../core/timeline/canon';
import type { StoryTimeline } from '../core/timeline/model';
import { storyTimeline, type CheckedChapter } from '../core/timeline/story';
import type { CanonPack } from '../core/canon/model';
import type { Project, ScriptInput } from './project';

/** A chapter to place on the timeline: a script to check, with the name and address it is shown by. */
export interface TimelineInput extends ScriptInput {
  readonly name: string;
  readonly uri?: string;
}

/**
 * The timeline of a story's chapters, each checked as the editor checks it (its canon, its
 * severities, its clock starting where the chapters before it in its folder leave it): the one
 * function `canon-keeper timeline` and the editor's Show Timeline both call. The canon picture is
 * of the first chapter's pack; `pack`, where given (the command line's --canon), is every chapter's.
 */
export function projectTimeline(project: Project, chapters: readonly TimelineInput[], token: CancellationToken,
  onRuleError: (ruleId: string, error: unknown) => void, pack?: CanonPack): { timeline: StoryTimeline; canon: CanonView } | undefined {
  const checked: CheckedChapter[] = [];
  for (const chapter of chapters) {
    if (token.isCancellationRequested) return undefined;
    const result = project.check(chapter, { token, onRuleError, pack });
    checked.push({ name: chapter.name, uri: chapter.uri, result });
  }
  const timeline = storyTimeline(checked, token);
  if (!timeline || token.isCancellationRequested) return undefined;
  return { timeline, canon: canonView(checked[0].result.script.pack) };
}
