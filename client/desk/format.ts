import type { CanonInForce } from '../../server/protocol/desk';

/** How the writer names a canon mode (the `Canon:` key of the title page). */
export function modeLabel(mode: CanonInForce['mode']): string {
  return mode === 'au' ? 'AU' : mode;
}

export function minutes(screenMinutes: number): string {
  return screenMinutes > 0 ? `~${screenMinutes} min` : 'under a minute';
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
