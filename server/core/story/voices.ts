/**
 * A cue's extension that says the voice is not the character speaking in the scene: an inner voice
 * or narration (fans give comatose characters one on purpose), or a voice from a screen, a phone or
 * a record, spoken some other time: CASSIE (V.O.), CASSIE (ON VIDEO). Such a speaker is not on stage
 * either, so narration's "she" after their speech is someone the scene shows.
 */
const INNER_VOICE = new Set(['V.O.', 'VO', 'V/O', 'THOUGHTS', 'THINKING', 'INNER VOICE']);
const MEDIATED = /\b(VIDEO|SCREEN|PHONE|RECORD|RECORDED|RECORDING|VOICEMAIL|VOICE MAIL|TAPE|TAPED|TV|RADIO|FILTERED|SPEAKERPHONE|MESSAGE|LAPTOP|FOOTAGE|ARCHIVE|PODCAST|VLOG)\b/;

export function notSpeakingHere(extension: string): boolean {
  const x = extension.toUpperCase().trim();
  return INNER_VOICE.has(x) || MEDIATED.test(x);
}
