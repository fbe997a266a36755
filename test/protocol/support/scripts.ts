/**
 * The protocol tests' shared script: the fall narrated on the roof, then Cassie speaking in her
 * coma (one continuity.state-speaks warning, on the CASSIE cue at line 11).
 */
export const VISITING_HOURS = `Title: Visiting Hours
Canon: compliant

EXT. ARCHER SCHOOL - ROOF - NIGHT

Delia pushes Cassie off the roof.

INT. HOSPITAL ROOM - DAY

Bette sits by the bed.

CASSIE
Get out.

BETTE
She's still asleep.
`;
