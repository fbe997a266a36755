import type { Diagnostic } from 'vscode-languageserver';
import { rules } from '../core/rules/registry';

export interface FileReport {
  /** As given on the command line. */
  readonly path: string;
  readonly text: string;
  readonly diagnostics: readonly Diagnostic[];
  /** A canon pack file rather than a script. */
  readonly pack?: boolean;
  /** The canon a script was checked against, as the writer knows it: "Tiny Pretty Things, season 1 (built in)". */
  readonly canon?: string;
}

/** The code pack problems carry, as the editor shows them in a pack file (lsp/server.ts). */
export const PACK_CODE = 'canon.pack';

const NAMES = ['', 'error', 'warning', 'information', 'hint'];

/** Compiler style: file:line:col: severity code message, lines and columns from 1. */
export function formatText(reports: readonly FileReport[]): string {
  const out: string[] = [];
  const counts = [0, 0, 0, 0, 0];
  for (const r of reports) {
    for (const d of r.diagnostics) {
      const severity = d.severity ?? 1;
      counts[severity]++;
      out.push(`${r.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${NAMES[severity]} ${String(d.code)} ${d.message}`);
    }
  }
  const canons = [...new Set(reports.map((r) => r.canon).filter((c): c is string => c !== undefined))];
  const against = canons.length > 0 ? ` against ${canons.join(', ')}` : '';
  out.push(`${checked(reports)} checked${against}: ${plural(counts[1], 'error')}, ${plural(counts[2], 'warning')}, ${counts[3]} information, ${plural(counts[4], 'hint')}.`);
  return out.join('\n') + '\n';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "3 files", "1 canon pack", "3 files and 1 canon pack". */
function checked(reports: readonly FileReport[]): string {
  const packs = reports.filter((r) => r.pack).length;
  const scripts = reports.length - packs;
  const parts = [scripts > 0 || packs === 0 ? plural(scripts, 'file') : '', packs > 0 ? plural(packs, 'canon pack') : ''];
  return parts.filter((p) => p !== '').join(' and ');
}

export function formatJson(reports: readonly FileReport[]): string {
  return JSON.stringify({ version: 1, files: reports.map((r) => ({ path: r.path, ...(r.pack ? { kind: 'canon-pack' } : {}), diagnostics: r.diagnostics })) }, null, 2) + '\n';
}

const SARIF_LEVEL = ['', 'error', 'warning', 'note', 'note'];

/** SARIF 2.1.0, for code-scanning tools. */
export function formatSarif(reports: readonly FileReport[]): string {
  const sarif = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [{
      tool: { driver: { name: 'canon-keeper', rules: [...rules.map((r) => ({ id: r.id, shortDescription: { text: r.description } })), { id: PACK_CODE, shortDescription: { text: 'A problem in a canon pack file' } }] } },
      results: reports.flatMap((r) => r.diagnostics.map((d) => ({
        ruleId: String(d.code),
        level: SARIF_LEVEL[d.severity ?? 1],
        message: { text: d.message },
        locations: [{ physicalLocation: {
          artifactLocation: { uri: r.path.split('\\').join('/') },
          region: { startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 },
        } }],
      }))),
    }],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
