import type { Finding, Fix } from '../finding';
import { rankEvents } from '../story/anchors';
import type { Script } from '../story/script';
import type { Rule } from './rule';

export const rule: Rule = {
  id: 'continuity.unknown-anchor',
  description: 'A [[canon: ...]] anchor names no canon event.',
  defaultSeverity: 'warning',
  check(script: Script): Finding[] {
    const findings: Finding[] = [];
    for (const { anchor } of script.anchors) {
      if (anchor.event) continue;
      const suggestions = rankEvents(script.pack, anchor.target).slice(0, 3);
      const fixes: Fix[] = suggestions.map((e) => ({ title: `Anchor to ${e.name}`, edits: [{ span: anchor.targetSpan, newText: e.name }] }));
      const span = anchor.target ? anchor.targetSpan : anchor.span;
      findings.push({
        ruleId: rule.id,
        severity: rule.defaultSeverity,
        span,
        message: anchor.target
          ? `No canon event is called “${anchor.target}”. Canon events: ${script.pack.events.map((e) => e.name).join('; ')}.`
          : `The anchor names no event: write [[canon: after EVENT]] or [[canon: before EVENT]].`,
        fixes,
      });
    }
    return findings;
  },
};
