import { setFlagsFromString } from 'v8';

/**
 * V8's settings for the language server, a process that lives as long as the editor and makes a
 * new version of the script's parse and analysis at every keystroke: the last one's garbage.
 *
 * By default V8 lets the heap grow to up to 4 times what its last full collection kept, and does
 * not collect fully at all before a first limit of its own. While a writer types, that is the
 * garbage of dozens of versions. Typing without a pause in the 20k-line fan fiction, the heap
 * peaked at 160-630 MB more than before the script was opened, for 18 MB the script keeps; at
 * 200k lines at 811-834 MB for 130 MB. Let grow by half, it peaked at 83-89 MB and 370-481 MB.
 * At 20k lines that cost nothing measurable (a full collection there pauses for 3-5 ms). At 200k
 * lines, where each takes 100 ms and comes every few keystrokes, it costs about a quarter more
 * time: a keystroke 74-80 ms against 57-76, opening the script 1.8 s against 1.4 s (`npm run
 * bench`, two runs each). `npm run bench` prints both peaks.
 */
export const SERVER_V8_FLAGS = '--heap-growing-percent=50';

/** Sets SERVER_V8_FLAGS: V8 reads them at each collection, so before the first script is opened. */
export function tuneHeapForEditing(): void {
  setFlagsFromString(SERVER_V8_FLAGS);
}
