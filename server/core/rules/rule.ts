import type { CancellationToken } from '../cancellation';
import type { Finding, Severity } from '../finding';
import type { Script } from '../story/script';

/**
 * A check on an analysed script. One rule per file; the registry (registry.ts) lists them.
 * Rules whose id starts with `continuity.` are silenced in AU scripts, turned into hints after a
 * `[[diverge: ...]]` note, and never run on off-the-clock scenes; `names.` rules always run.
 */
export interface Rule {
  /** Dotted kebab-case, stable: it is the diagnostic's code and the settings key. */
  readonly id: string;
  readonly description: string;
  readonly defaultSeverity: Severity;
  /** Findings carry `severity: rule.defaultSeverity`; the pipeline applies settings afterwards. */
  check(script: Script, token: CancellationToken): Finding[];
}
