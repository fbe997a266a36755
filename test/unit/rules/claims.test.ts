import * as assert from 'node:assert/strict';
import { checkFountain } from '../../support/check';

const HEADING = 'INT. ARCHER SCHOOL - HALLWAY - DAY\n\n';

/** The findings of the three claim rules on one line of narration, as "rule: covered text". */
function claims(line: string): string[] {
  const text = HEADING + line + '\n';
  const offset = HEADING.length;
  return checkFountain(text)
    .filter((f) => ['continuity.family', 'continuity.role', 'continuity.relationship'].includes(f.code))
    .map((f) => `${f.code}: ${text.slice(offset + f.character, offset + f.endCharacter)}`);
}

function messages(line: string): string[] {
  return checkFountain(HEADING + line + '\n').map((f) => f.message);
}

describe('claim rules (family, role, relationship)', () => {
  it('flags siblings ordered against canon, from the first name to the claim word', () => {
    assert.deepEqual(claims("Delia's older sister Bette pours the coffee."), ["continuity.family: Delia's older sister"]);
    assert.deepEqual(claims('Bette is older than Delia.'), ['continuity.family: Bette is older']);
    assert.deepEqual(claims('Bette, the older Whitlaw sister, walks in front.'), ['continuity.family: Bette, the older Whitlaw sister']);
    assert.match(messages('Bette is older than Delia.').join('\n'), /In canon Delia is Bette's older sister/);
  });

  it('flags kinship canon rules out: a canon couple, or different surnames', () => {
    assert.deepEqual(claims('Ramon and Delia are brothers.'), ['continuity.family: Ramon and Delia are brothers']);
    assert.deepEqual(claims("Cassie Shore's sister Delia laughs."), ["continuity.family: Cassie Shore's sister"]);
  });

  it('stays quiet on the canon family tie, in either direction, and on what canon does not say', () => {
    assert.deepEqual(claims("Delia, Bette's big sister, sees it from the wings."), []);
    assert.deepEqual(claims("Delia's little sister Bette walks away."), []);
    assert.deepEqual(claims("Neveah's sister Kai waves."), []);
    assert.deepEqual(claims('If Bette were older than Delia, things would differ.'), []);
  });

  it('flags a role canon gives someone else, or one that conflicts with a canon role', () => {
    assert.deepEqual(claims('Ramon, still a student at the school, skips class.'), ['continuity.role: Ramon, still a student']);
    assert.deepEqual(claims('Delia is now the acting director.'), ['continuity.role: Delia is now the acting director']);
    assert.deepEqual(claims('The acting director, Madison Grey, takes the stage.'), ['continuity.role: acting director, Madison Grey']);
    assert.match(messages('Ramon is a student.').join('\n'), /In canon Ramon is a graduate of the Archer School of Ballet and a choreographer, not a student/);
  });

  it('stays quiet on canon roles, past roles, former students and hearsay', () => {
    assert.deepEqual(claims('Monique Dubois, acting director, takes her seat.'), []);
    assert.deepEqual(claims('Ramon was once a student here.'), []);
    assert.deepEqual(claims('Ramon, a former student, watches.'), []);
    assert.deepEqual(claims('Madison is the acting director now, or so the juniors say.'), []);
    assert.deepEqual(claims('Ramon sits with the other students.'), []);
  });

  it('flags narration denying a canon relationship as backstory', () => {
    assert.deepEqual(claims('Ramon has never been with Delia.'), ['continuity.relationship: Ramon has never been with Delia']);
    assert.deepEqual(claims('Ramon and Monique were never involved.'), ['continuity.relationship: Ramon and Monique were never involved']);
    assert.deepEqual(claims('Ramon never kissed Bette.'), ['continuity.relationship: Ramon never kissed Bette']);
  });

  it('stays quiet on scene events, on "again", and on pairs canon does not tie', () => {
    assert.deepEqual(claims("Ramon doesn't kiss Bette."), []);
    assert.deepEqual(claims('Ramon never kisses Bette again.'), []);
    assert.deepEqual(claims('Ramon never kissed Neveah.'), []);
    assert.deepEqual(claims('Bette never dated Delia.'), []);
  });
});
