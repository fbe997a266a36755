import type { Finding } from '../finding';
import { ClauseWords, recognise, slotAcceptor } from '../story/recognise';
import { at, type ClauseInfo, type Script } from '../story/script';
import type { ClauseRule } from './rule';
import { cite, markDivergence } from './support';

type Accept = ReturnType<typeof slotAcceptor>;

/** What a clause says against canon depends on the clause and the canon alone. */
export const rule: ClauseRule<Accept> = {
  id: 'continuity.never',
  description: 'Narration says something canon rules out (Cassie dies).',
  defaultSeverity: 'warning',
  scope: 'clause',
  prepare(script: Script): Accept | undefined {
    return script.canon.never.length === 0 ? undefined : slotAcceptor(script.cast, {}, new Set());
  },
  check(script: Script, info: ClauseInfo, accept: Accept): Finding[] {
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
  },
};
