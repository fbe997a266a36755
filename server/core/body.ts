import data from './body.json';

/**
 * What a body does, read from body.json (data, not code): the parts a person moves at will, what
 * any body does lying still, and the classes of involuntary movement (breathing, a heartbeat,
 * reflexes) that a canon state may allow its character's body (`body:` in a pack's state).
 */
interface MovementClass {
  readonly parts: ReadonlySet<string>;
  readonly verbs: ReadonlySet<string>;
  /** Verbs a whole person is the subject of in this class: "she breathes", "he stirs". */
  readonly person: ReadonlySet<string>;
}

const CLASSES: ReadonlyMap<string, MovementClass> = new Map(Object.entries(data.classes).map(([name, c]) =>
  [name, { parts: new Set(c.parts), verbs: new Set(c.verbs), person: new Set(c.person) }]));

/** The names of the classes of involuntary movement, as a pack writes them in a state's `body:`. */
export const BODY_CLASSES: readonly string[] = [...CLASSES.keys()];

/** `body: none`: the body does nothing of itself (a death). */
export const NO_BODY = 'none';

const ACTING: ReadonlySet<string> = new Set(data.acting.parts);
const STILL: ReadonlySet<string> = new Set(data.still.verbs);
const PARTS: ReadonlySet<string> = new Set([...ACTING, ...[...CLASSES.values()].flatMap((c) => [...c.parts])]);

/** A part a person moves at will: "Ramon's hands send Cassie over" is Ramon acting. */
export function isActingPart(word: string): boolean {
  return ACTING.has(word);
}

/** A part of the body narration may make the subject of a clause: an acting part or one a class moves. */
export function isBodyPart(word: string): boolean {
  return PARTS.has(word);
}

/** The classes a state's `body:` allows: every class where it names none, none for `none`. */
export function allowedClasses(body: readonly string[] | undefined): readonly string[] {
  if (body === undefined || body.length === 0) return BODY_CLASSES;
  return body.filter((name) => name !== NO_BODY && CLASSES.has(name));
}

/** The verbs a whole person is the subject of in a class: "breathe" for breathing, "stir" for reflexes. */
export function personVerbs(name: string): readonly string[] {
  return [...(CLASSES.get(name)?.person ?? [])];
}

/**
 * What a part's movement is: 'still' (any body does it: "her hand hangs limp"), the classes of
 * involuntary movement it belongs to ("her chest rises": breathing), or 'acting' where the part
 * is one a person moves at will and no class has it ("her hand closes around the rail"); undefined
 * where it is none of these ("her eyes open" may be a waking, not a movement canon knows).
 */
export function movementOf(part: string, lemma: string): 'still' | 'acting' | readonly string[] | undefined {
  if (STILL.has(lemma)) return 'still';
  const classes = BODY_CLASSES.filter((name) => {
    const c = CLASSES.get(name);
    return c !== undefined && c.parts.has(part) && c.verbs.has(lemma);
  });
  if (classes.length > 0) return classes;
  return ACTING.has(part) ? 'acting' : undefined;
}
