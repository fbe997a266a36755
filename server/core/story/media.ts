/**
 * Words that set what follows on a screen or in a record, not in the scene's present. Their own
 * file so that the clause reader (clauses.ts) and the mood (mood.ts, which reads clauses) both
 * use them without importing each other.
 */
export const MEDIA: readonly string[] = ['screen', 'laptop', 'tv', 'television', 'monitor', 'footage', 'video', 'recording',
  'tape', 'clip', 'livestream', 'projector', 'tablet', 'photo', 'photograph', 'picture', 'slideshow', 'montage', 'playback',
  'film', 'dvd', 'vhs', 'camcorder', 'youtube', 'instagram', 'tiktok', 'voicemail', 'hologram', 'portrait'];

export const MEDIA_SET: ReadonlySet<string> = new Set(MEDIA);

/** A screen or a record, or several: "laptop", "videos". */
export function isMediaWord(word: string): boolean {
  return MEDIA_SET.has(word) || (word.endsWith('s') && MEDIA_SET.has(word.slice(0, -1)));
}
