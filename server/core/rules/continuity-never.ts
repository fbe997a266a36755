import type { Finding } from '../finding';
import { ClauseWords, recognise, slotAcceptor } from '../story/recognise';
import { at, type Script } from '../story/script';
import type { Rule } from './rule';
import { cite, markDivergence, narration } from './support';

export const rule: Rule = {
  id: 'continuity.never',
  description: 'Narration says something canon rules out (Cassie dies).',
  defaultSeverity: 'warning',
  check(script: Script): Finding[] {
    const findings: Finding[] = [];
    if (script.canon.never.length === 0) return findings;
    const accept = slotAcceptor(script.cast, {}, new Set());
    for (const info of narration(script)) {
      const words = new ClauseWords(info.clause);
      for (const { fact, phrasings } of script.canon.never) {
        const found = recognise(info.clause, words, phrasings, accept);
        if (!found || found.mood === 'irrealis') continue;
        const span = at(info.passage, found.match);
        findings.push({
          ruleId: rule.id,
          severity: rule.defaultSeverity,
          span,
          message: `Canon says otherwise: ${fact.statement}${cite(fact)}`,
          fixes: [markDivergence(script, span)],
        });
      }
    }
    return findings;
  },
};
