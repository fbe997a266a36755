import type { Finding, Fix } from '../finding';
import { rankEvents } from '../story/anchors';
import type { Script } from '../story/script';
import type { Rule } from './rule';

/** The pack's days, which an anchor may name as well: " Canon days: the ides of March." */
function daysOf(script: Script): string {
  return script.pack.days.length === 0 ? '' : ` Canon days: ${script.pack.days.map((d) => d.name).join('; ')}.`;
}

export const rule: Rule = {
  id: 'continuity.unknown-anchor',
  description: 'A [[canon: ...]] anchor names no canon event.',
  defaultSeverity: 'warning',
  check(script: Script): Finding[] {
    const findings: Finding[] = [];
    for (const { anchor } of script.anchors) {
      if (anchor.event || anchor.day) continue;
      const suggestions = rankEvents(script.pack, anchor.target).slice(0, 3);
      const fixes: Fix[] = suggestions.map((e) => ({ title: `Anchor to ${e.name}`, edits: [{ span: anchor.targetSpan, newText: e.name }] }));
      const span = anchor.target ? anchor.targetSpan : anchor.span;
      findings.push({
        ruleId: rule.id,
        severity: rule.defaultSeverity,
        span,
        message: anchor.target
          ? `No canon event is called “${anchor.target}”. Canon events: ${script.pack.events.map((e) => e.name).join('; ')}.${daysOf(script)}`
          : `The anchor names no event: write [[canon: after EVENT]] or [[canon: before EVENT]].`,
        fixes,
      });
    }
    return findings;
  },
};
