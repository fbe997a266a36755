import type { Finding } from '../finding';
import { knownMode, titlePage } from '../story/conventions';
import type { Script } from '../story/script';
import type { Rule } from './rule';

/**
 * "Canon: othello" on a title page names no way a story stands to canon: it is read as compliant,
 * and the writer is told so, with the values there are, rather than left to wonder why an AU is
 * being checked.
 */
export const rule: Rule = {
  id: 'conventions.canon-mode',
  description: 'The title page’s Canon: value is not one Canon Keeper knows (compliant, AU, divergent).',
  defaultSeverity: 'warning',
  check(script: Script): Finding[] {
    const entry = titlePage(script.doc)?.entries.find((e) => e.key.trim().toLowerCase() === 'canon');
    if (!entry || knownMode(entry.value) !== undefined) return [];
    const written = entry.value.trim();
    return [{
      ruleId: rule.id,
      severity: rule.defaultSeverity,
      span: entry.valueSpan,
      message: `“Canon: ${written}” is not a way a story stands to canon, so it is checked as compliant. Write Canon: compliant (follows canon), Canon: AU (continuity checks off) or Canon: divergent (checks turn to hints after a [[diverge: ...]] note).`,
      fixes: ['compliant', 'AU', 'divergent'].map((value) => ({ title: `Change to “Canon: ${value}”`, edits: [{ span: entry.valueSpan, newText: value }] })),
    }];
  },
};
