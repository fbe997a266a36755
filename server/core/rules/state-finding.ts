import type { CanonState } from '../canon/model';
import type { Finding, Fix } from '../finding';
import type { Span } from '../span';
import { sceneAt, type Scene } from '../story/scenes';
import type { Script } from '../story/script';
import { clockSource, eventName, markDivergence } from './support';
import { countBefore } from '../sorted';

/**
 * Places the scene after the event that ends the state: moves the scene's own anchor where it has
 * one (a second anchor would be overruled by it), or adds one under the scene heading.
 */
export function anchorFix(script: Script, offset: number, eventId: string): Fix {
  const scene = sceneAt(script.scenes, offset);
  const anchorText = `[[canon: after ${eventName(script, eventId)}]]`;
  const title = `Place this scene after ${eventName(script, eventId)}`;
  const own = lastAnchorBefore(script, offset, scene);
  if (own) return { title, edits: [{ span: own.anchor.span, newText: anchorText }] };
  const heading = scene.heading;
  const newline = newlineOf(script);
  if (!heading) return { title, edits: [{ span: { start: 0, end: 0 }, newText: `${anchorText}${newline}${newline}` }] };
  const at = lineEnd(script.doc.text, heading.end);
  return { title, edits: [{ span: { start: at, end: at }, newText: `${newline}${newline}${anchorText}` }] };
}

/**
 * The scene's last anchor before the offset. Anchors are in script order, so it can only be the
 * last anchor before the offset: found by binary search, since every state finding asks (a filter
 * over all anchors made a long script's check quadratic).
 */
function lastAnchorBefore(script: Script, offset: number, scene: Scene): Script['anchors'][number] | undefined {
  const count = countBefore(script.anchors, (a) => a.anchor.span.start, offset);
  const last = count > 0 ? script.anchors[count - 1] : undefined;
  return last?.scene === scene ? last : undefined;
}

/** The script's line break for inserted lines. */
export function newlineOf(script: Script): string {
  return script.newline;
}

function lineEnd(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return end;
}

/**
 * A finding that a state forbids what the script does: it points to where the state began and
 * offers to mark the line as intended, or to move the scene past the event that ends the state.
 */
export function stateFinding(script: Script, ruleId: string, severity: Finding['severity'], state: CanonState, span: Span, message: string): Finding {
  const began = clockSource(script, span.start);
  const fixes: Fix[] = [markDivergence(script, span)];
  if (state.until) fixes.push(anchorFix(script, span.start, state.until));
  return { ruleId, severity, span, message, related: began ? [began] : undefined, fixes };
}
