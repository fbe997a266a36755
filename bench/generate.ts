/**
 * A long, canon-heavy fan fiction for the benchmark: scenes on the roof, in the studio and at the
 * hospital, cues of the canon cast, action naming them (by first name, full name, pronoun),
 * `[[canon: ...]]` anchors, canon events narrated and said, and flashbacks. Deterministic: the same
 * seed and length give the same script, so runs and machines compare like with like.
 */

/** mulberry32: small, fast, and the same on every platform. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CUES = ['CASSIE', 'BETTE', 'DELIA', 'NEVEAH', 'RAMON', 'MONIQUE', 'KAI'];
const NAMES = ['Cassie', 'Bette', 'Delia', 'Neveah', 'Ramon', 'Monique', 'Kai', 'Cassie Shore', 'Delia Whitlaw', 'Bette Whitlaw'];
const PLACES = [
  'INT. ARCHER SCHOOL OF BALLET - STUDIO A - DAY', 'EXT. ARCHER SCHOOL OF BALLET - ROOF - NIGHT',
  "INT. ST. VINCENT'S HOSPITAL - ICU - NIGHT", 'INT. DORM ROOM - NIGHT', "INT. RAMON'S STUDIO - NIGHT",
  'INT. CAFETERIA - DAY', 'EXT. CHICAGO STREET - DAWN', 'INT. DIRECTOR\'S OFFICE - DAY',
];
const ANCHORS = ["after Cassie's fall", 'after Neveah takes Cassie\'s place', 'before Cassie wakes', 'after the accusation', 'before the fingerprints'];
const ACTIONS = [
  '{a} stretches at the barre, watching {b} in the mirror.',
  '{a} crosses the room and sits beside {b}. She says nothing.',
  '{a} ties her pointe shoes, slowly, twice.',
  '{a} and {b} rehearse the pas de deux until the pianist gives up.',
  '{a} pushes past {b} on her way to the door.',
  '{a} looks at {b}, then away. He has heard the rumours too.',
  'The music stops. {a} stands alone in the middle of the floor.',
  '{a} reads the casting list twice before she believes it.',
  '{a} laughs, a little too loudly, and {b} turns to stare.',
  'Rain on the windows. {a} counts the beats under her breath.',
  '{a} hands {b} a coffee. Neither of them drinks it.',
  'Cassie lies still, the monitors beeping beside her.',
  '{a} leans against the railing and looks down at the street.',
];
const EVENTS = [
  'Delia pushes Cassie off the roof.',
  "Neveah takes Cassie's place at the front of the room.",
  'Cassie opens her eyes.',
  'Cassie accuses Bette in front of the whole company.',
  'The fingerprints clear Bette.',
  'Ramon has never been with Delia.',
  'Monique, the acting director, claps once.',
  "Delia's older sister Bette watches from the back row.",
];
const LINES = [
  'I saw {b} on the roof that night.',
  'You think {b} did it? Everyone thinks so.',
  'It was {b}. It was always {b}.',
  'Stay away from Ramon.',
  "I'm not going to talk about Cassie.",
  'The solo is mine now. Get used to it.',
  'Ask her where she was at midnight.',
  'Monique wants us in the studio at six.',
];
const PARENS = ['(quietly)', '(laughing)', '(without looking up)', '(beat)'];

export interface GenerateOptions {
  /**
   * Narrate no canon event and set no anchor: the story clock leaves such a chapter where it came
   * in, so a chapter before it that moves the clock moves it for every chapter after it too.
   */
  readonly offTheClock?: boolean;
  /** Start at a scene heading, without a title page: a chapter after the first. */
  readonly untitled?: boolean;
}

/** A script of about `lines` lines. */
export function generateFanFiction(lines: number, seed = 1, options: GenerateOptions = {}): string {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const fill = (s: string): string => {
    const a = pick(NAMES);
    let b = pick(NAMES);
    if (b === a) b = NAMES[(NAMES.indexOf(a) + 1) % NAMES.length];
    return s.replace(/\{a\}/g, a).replace(/\{b\}/g, b);
  };
  const out: string[] = options.untitled ? [] : ['Title: The Long Fall', 'Credit: a Tiny Pretty Things fan fiction by', 'Author: Bench', 'Canon: compliant', '', 'FADE IN:', ''];
  // The engine reads "Delia pushes past Cassie", after a railing, as Cassie's fall: off the clock, nobody pushes.
  const actions = options.offTheClock ? ACTIONS.filter((a) => !a.includes('pushes')) : ACTIONS;
  let scene = 0;
  while (out.length < lines) {
    scene++;
    const flashback = scene % 11 === 0;
    out.push(`${pick(PLACES)}${flashback ? ' (FLASHBACK)' : ''}`, '');
    if (scene % 5 === 1 && !options.offTheClock) out.push(`[[canon: ${pick(ANCHORS)}]]`, '');
    const beats = 4 + Math.floor(next() * 8);
    for (let b = 0; b < beats; b++) {
      const r = next();
      if (r < 0.35) {
        out.push(fill(pick(actions)) + (next() < 0.4 ? ' ' + fill(pick(actions)) : ''), '');
      } else if (r < 0.45) {
        if (!options.offTheClock) out.push(pick(EVENTS), '');
      } else {
        out.push(pick(CUES));
        if (next() < 0.2) out.push(pick(PARENS));
        out.push(fill(pick(LINES)), '');
      }
    }
    if (scene % 13 === 0) out.push('BACK TO PRESENT:', '');
  }
  return out.join('\n');
}
