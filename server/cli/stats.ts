import { parseArgs } from 'util';
import { scriptStats, type ScriptStats } from '../core/features/stats';
import { parse } from '../core/fountain/parse';
import { CommandError, readChapters } from './inputs';

export const STATS_USAGE = `canon-keeper stats [--format text|json] [--paper letter|a4] FILE|FOLDER`;

/** `canon-keeper stats FILE|FOLDER`: the numbers of a script or a story, computed in the core, formatted here. */
export function runStats(argv: readonly string[]): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { format: { type: 'string', default: 'text' }, paper: { type: 'string', default: 'letter' } },
  });
  if (values.format !== 'text' && values.format !== 'json') throw new CommandError(`--format must be text or json, not “${values.format}”`);
  if (values.paper !== 'letter' && values.paper !== 'a4') throw new CommandError(`--paper must be letter or a4, not “${values.paper}”`);
  if (positionals.length !== 1) throw new CommandError('stats takes one FILE or FOLDER');
  const docs = readChapters(positionals[0]).map((c) => parse(c.text));
  const stats = scriptStats(docs, { paper: values.paper });
  process.stdout.write(values.format === 'json' ? JSON.stringify({ version: 1, ...stats }, null, 2) + '\n' : formatStats(stats));
  return 0;
}

export function formatStats(s: ScriptStats): string {
  const out: string[] = [];
  out.push(`Pages:        ${s.pages}`);
  out.push(`Screen time:  ${s.screenMinutes > 0 ? `about ${s.screenMinutes} min` : 'under a minute'} (a page a minute)`);
  out.push(`Scenes:       ${s.scenes}`);
  out.push(`Words:        ${s.words}`);
  out.push(`Settings:     ${s.setting.interior} interior, ${s.setting.exterior} exterior, ${s.setting.both} both${s.setting.unmarked ? `, ${s.setting.unmarked} unmarked` : ''}`);
  out.push(`Time of day:  ${s.timeOfDay.map((t) => `${t.scenes} ${t.time || '(none)'}`).join(', ') || '-'}`);
  out.push('', 'Characters (speeches, dialogue lines, words):');
  const width = Math.max(0, ...s.characters.map((c) => c.name.length));
  for (const c of s.characters) out.push(`  ${c.name.padEnd(width)}  ${String(c.speeches).padStart(4)} ${String(c.dialogueLines).padStart(5)} ${String(c.words).padStart(6)}`);
  out.push('', 'Locations (scenes):');
  for (const l of s.locations) out.push(`  ${String(l.scenes).padStart(3)}  ${l.name}`);
  return out.join('\n') + '\n';
}
