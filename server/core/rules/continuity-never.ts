import type { Finding } from '../finding';
import { ClauseWords, recognise, slotAcceptor } from '../story/recognise';
import { at, type Script } from '../story/script';
import { ClauseFindings } from './memo';
import type { Rule } from './rule';
import { cite, markDivergence } from './support';

export const rule: Rule = {
  id: 'continuity.never',
  description: 'Narration says something canon rules out (Cassie dies).',
  defaultSeverity: 'warning',
  check(script: Script): Finding[] {
    if (script.canon.never.length === 0) return [];
    const accept = slotAcceptor(script.cast, {}, new Set());
    return kept.all(script, script.narration, (info) => {
      const found: Finding[] = [];
      const words = new ClauseWords(info.clause, script.canon);
      if (words.none) return found;
      for (const { fact, phrasings } of script.canon.never) {
        const said = recognise(info.clause, words, phrasings, accept);
        if (!said || said.mood === 'irrealis') continue;
        const span = at(script, info.passage, said.match);
        found.push({
          ruleId: rule.id,
          severity: rule.defaultSeverity,
          span,
          message: `Canon says otherwise: ${fact.statement}${cite(fact)}`,
          fixes: [markDivergence(script, span)],
        });
      }
      return found;
    });
  },
};

/** What a clause says against canon depends on the clause and the canon alone. */
const kept = new ClauseFindings();
