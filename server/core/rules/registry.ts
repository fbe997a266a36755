import { rule as canonMode } from './conventions-canon-mode';
import { rule as eventOrder } from './continuity-event-order';
import { rule as family } from './continuity-family';
import { rule as never } from './continuity-never';
import { rule as participant } from './continuity-participant';
import { rule as relationship } from './continuity-relationship';
import { rule as role } from './continuity-role';
import { rule as stateActs } from './continuity-state-acts';
import { rule as stateSenses } from './continuity-state-senses';
import { rule as statePlace } from './continuity-state-place';
import { rule as stateSpeaks } from './continuity-state-speaks';
import { rule as unknownAnchor } from './continuity-unknown-anchor';
import { rule as nearMiss } from './names-near-miss';
import { rule as wrongSurname } from './names-wrong-surname';
import type { Rule } from './rule';

/** Every rule, in the order their findings are listed. A test fails if a rule file is missing here. */
export const rules: readonly Rule[] = [
  stateSpeaks,
  stateActs,
  stateSenses,
  statePlace,
  participant,
  never,
  eventOrder,
  family,
  role,
  relationship,
  unknownAnchor,
  nearMiss,
  wrongSurname,
  canonMode,
];
