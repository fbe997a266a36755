/**
 * Base forms of English words, good enough to match a pattern word to the way a writer inflects it:
 * "pushes", "pushed", "pushing" all reduce to "push"; "woke" to "wake". Rather than guess one base
 * form, a word yields every plausible one, and two words match when their sets meet; a wrong
 * candidate ("shov" from "shoves") is harmless because no pattern word is spelled that way.
 */
const IRREGULAR: Record<string, string> = {};

const IRREGULAR_TABLE = `
be: am is are was were been being
have: has had having
do: does did done doing
go: goes went gone going
fall: falls fell fallen falling
wake: wakes woke woken waking awoke awoken awakes
take: took taken taking
throw: threw thrown
send: sent
come: came coming
die: dies died dying
lie: lies lay lain lying
lay: laid laying
see: saw seen
speak: spoke spoken
say: said
tell: told
get: got gotten getting
give: gave given
hold: held
keep: kept
leave: left
feel: felt
stand: stood
sit: sat sitting
run: ran running
begin: began begun beginning
bring: brought
think: thought
know: knew known
find: found
make: made making
write: wrote written writing
break: broke broken
drive: drove driven
rise: rose risen
fly: flew flown
eat: ate eaten
drink: drank drunk
sleep: slept
lead: led
meet: met
catch: caught
teach: taught
hit: hitting
put: putting
cut: cutting
let: letting
shut: shutting
spin: spun spinning
swing: swung
slide: slid
strike: struck
tear: tore torn
wear: wore worn
win: won winning
lose: lost
hear: heard
mean: meant
pay: paid
hang: hung
blow: blew blown
draw: drew drawn
grow: grew grown
kneel: knelt
weep: wept
creep: crept
sweep: swept
shake: shook shaken
forget: forgot forgotten
hide: hid hidden
freeze: froze frozen
steal: stole stolen
choose: chose chosen
ride: rode ridden
dream: dreamt dreamed
lean: leant
leap: leapt
stick: stuck
sing: sang sung
ring: rang rung
swim: swam swum
become: became
flee: fled
bleed: bled
feed: fed
bend: bent
build: built
spend: spent
dig: dug
shoot: shot
seek: sought
fight: fought
buy: bought
sell: sold
slip: slipped slipping
stop: stopped stopping
drop: dropped dropping
grab: grabbed grabbing
plug: plugged plugging
unplug: unplugged unplugging
kiss: kisses kissed kissing
child: children
woman: women
man: men
person: people
`;

for (const line of IRREGULAR_TABLE.trim().split('\n')) {
  const [base, rest] = line.split(':');
  for (const form of rest.trim().split(/\s+/)) IRREGULAR[form] = base;
}

const cache = new Map<string, readonly string[]>();

/** Every plausible base form of a lowercase word, the word itself included. */
export function baseForms(word: string): readonly string[] {
  const known = cache.get(word);
  if (known) return known;
  const forms = new Set<string>([word]);
  const irregular = Object.prototype.hasOwnProperty.call(IRREGULAR, word) ? IRREGULAR[word] : undefined;
  if (irregular) forms.add(irregular);
  addRegularForms(word, forms);
  const result = [...forms];
  if (cache.size < 50_000) cache.set(word, result);
  return result;
}

function addRegularForms(w: string, forms: Set<string>): void {
  const n = w.length;
  if (n <= 3) return;
  if (w.endsWith('ies')) forms.add(w.slice(0, -3) + 'y').add(w.slice(0, -1));
  else if (w.endsWith('es')) forms.add(w.slice(0, -2)).add(w.slice(0, -1));
  else if (w.endsWith('s') && !w.endsWith('ss')) forms.add(w.slice(0, -1));
  if (w.endsWith('ied')) forms.add(w.slice(0, -3) + 'y').add(w.slice(0, -1));
  else if (w.endsWith('ed')) {
    forms.add(w.slice(0, -2)).add(w.slice(0, -1));
    if (n > 4 && w[n - 3] === w[n - 4]) forms.add(w.slice(0, -3));
  }
  if (w.endsWith('ying')) forms.add(w.slice(0, -4) + 'ie').add(w.slice(0, -3));
  else if (w.endsWith('ing') && n > 4) {
    forms.add(w.slice(0, -3)).add(w.slice(0, -3) + 'e');
    if (n > 5 && w[n - 4] === w[n - 5]) forms.add(w.slice(0, -4));
  }
}

/** True where the two words can be the same word inflected differently. */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const fa = baseForms(a);
  const fb = baseForms(b);
  for (const x of fa) if (fb.includes(x)) return true;
  return false;
}

export function isBe(word: string): boolean {
  return word === 'be' || IRREGULAR[word] === 'be';
}

// Past forms of the irregular verbs above (participles that are only participles are left out).
const IRREGULAR_PAST = new Set(['was', 'were', 'had', 'did', 'went', 'fell', 'woke', 'awoke', 'took', 'threw', 'sent', 'came',
  'died', 'saw', 'spoke', 'said', 'told', 'got', 'gave', 'held', 'kept', 'left', 'felt', 'stood', 'sat', 'ran', 'began',
  'brought', 'thought', 'knew', 'found', 'made', 'wrote', 'broke', 'drove', 'rose', 'flew', 'ate', 'drank', 'slept', 'led',
  'met', 'caught', 'taught', 'heard', 'meant', 'paid', 'hung', 'blew', 'drew', 'grew', 'knelt', 'wept', 'crept', 'swept',
  'shook', 'forgot', 'hid', 'froze', 'stole', 'chose', 'rode', 'stuck', 'sang', 'rang', 'swam', 'became', 'fled', 'bled',
  'fed', 'bent', 'built', 'spent', 'dug', 'shot', 'sought', 'fought', 'bought', 'sold', 'laid', 'lay', 'won', 'lost',
  'struck', 'tore', 'wore', 'slid', 'swung', 'spun', 'leapt', 'dreamt']);

/** True for a past-tense form: "pushed", "woke", "was". */
export function isPastForm(word: string): boolean {
  if (IRREGULAR_PAST.has(word)) return true;
  return word.length > 3 && word.endsWith('ed') && !word.endsWith('eed');
}
