import { relationKinds } from '../core/canon/spec';

/**
 * The starting pack `canon-keeper new-pack` writes: a small, made-up story whose every field has
 * a comment saying what it is for, so a fan can learn the format by replacing it with their own
 * canon. A test loads it and runs its examples: it must load without a problem and pass.
 */
export function packTemplate(id: string, name: string): string {
  return `# A canon pack for ${name}: what is true in the story, for Canon Keeper to check fan fiction against.
# It is YAML: "key: value" lines. Indentation (spaces, never tabs) shows what belongs to what.
# A line starting with "- " is one item of a list. Anything after "#" is a comment, for you.
# Put a value in double quotes when it holds a colon followed by a space, or starts with
# a quote, a "[", a "{", a "*", a "&", a "!" or a "%":  source: "He said: go home."
# Replace the made-up story below with your own. docs/canon-packs.md explains every field;
# "canon-keeper lint" checks this file and "canon-keeper test" runs its examples.

canon: 1                     # the pack format version: always 1 for now
id: ${id}                    # lowercase letters, digits and hyphens
name: ${name}                # the name shown to writers
description: A made-up story to replace with your own.

# Who is who. Everything else refers to a character by its id.
characters:
  - id: ada                  # lowercase letters, digits and hyphens: ada, lady-ada, ada-2
    name: Ada Lark           # first name and surname are taken from the name...
    pronouns: she/her        # ...and the cue in a script is the first name in capitals: ADA
    aliases: [Miss Lark]     # other names the story uses, in square brackets, commas between
    nicknames: [Addy]
    misspellings: [Adah]     # spellings fans get wrong: offered a fix back to "Ada"
    role: Keeper of the lighthouse   # one line, shown when you hover over her name
    roles: [keeper]          # role ids from "roles:" below, for role checks
    source: "Ada kept the light, as her father had."   # a sentence quoted from the story...
    where: Chapter 1         # ...and where it stands, in your own words
  - id: tom
    name: Tom Lark
    pronouns: he/him
    description: Ada's older brother, lost at sea before the story begins.
  - id: captain
    name: The Captain        # someone known only by a title: no first name, no surname,
    first: none              # and the cue the script uses
    surname: none
    cue: CAPTAIN
    pronouns: he/him

# Ties between two characters. kind is one of: ${relationKinds.join(' ')}.
# A directed kind reads "the first is the second's KIND": { kind: uncle, between: [tom, ada] }
# makes Tom Ada's uncle. Ties are derived where they can be (a parent's brother is an uncle).
# A tie with no kind of its own goes in a character's description.
relations:
  - id: ada-tom
    kind: sibling
    between: [ada, tom]      # exactly two character ids
    older: tom               # for siblings: the older one, where the story says
    # twins: true            # for siblings born together instead: neither is older
    # from: wedding          # an event the tie begins at (a marriage), until: one it ends at

# Places, so that "at" in roles can name them, and states can say where someone is.
# Give a place the names your scene headings use: INT. LIGHTHOUSE - NIGHT names the lighthouse.
places:
  - id: lighthouse
    name: the lighthouse
    aliases: [the light]
    # in: the-island         # the place this one stands in, if the story has one

# The roles characters hold. Terms are the words a script uses for the role.
roles:
  - id: keeper
    terms: [keeper, lighthouse keeper]
    exclusive: true          # only one keeper at a time

# What happens, in the order it happens in the story.
events:
  - id: storm
    name: The great storm     # the name writers use in anchors: [[canon: after the great storm]]
    anchors: [the storm]      # other names for anchors
    phrasings:                # how narration says it happens: base forms, {slots} for people
      - "storm break"
  - id: tom-lost
    name: Tom is lost at sea
    participants: { lost: tom }      # who takes part, by role: {lost} in a phrasing is Tom
    phrasings:
      - "{lost} be lost at sea"
    requires: [storm]        # beyond the order above: cannot happen before the storm

# What holds for a character from one event until another (or to the end).
# A state may also say where they are, "at: [place ids]", or where they cannot be,
# "away-from: [place ids]" (banished from a town): then being on stage there is a warning.
states:
  - id: tom-gone
    character: tom
    label: lost at sea       # how messages say it: "TOM speaks, but Tom is lost at sea"
    from: tom-lost           # the event that begins it
    forbids: [speak, act]    # he cannot speak or act meanwhile (a flashback or a dream may)
    allows: [drift]          # verbs he may still be the subject of
    body: none               # his body does nothing of itself: no breath, no heartbeat, no twitch

# What narration must not contradict.
facts:
  - id: ada-stays            # a "never" fact: phrasings the story rules out
    kind: never
    statement: Ada never leaves the lighthouse
    phrasings: ["{ada} leave the lighthouse"]

# The pack's own tests: a short script, and the warnings it must give (expect) or none (quiet).
# Run them with: canon-keeper test ${id}.canon.yaml
examples:
  - name: Tom cannot speak once he is lost at sea
    script: |
      INT. LIGHTHOUSE - NIGHT

      [[canon: after Tom is lost at sea]]

      TOM
      Ada, let me in.
    expect: [continuity.state-speaks]   # rule ids, as "canon-keeper check" prints them
  - name: Ada staying is fine
    script: "Ada trims the wick and stays."
    quiet: true
  - name: Ada leaving contradicts canon
    script: "Ada leaves the lighthouse at dawn."
    expect:
      - { rule: continuity.never, line: 1 }   # a rule, and the line of the script it is on
`;
}
