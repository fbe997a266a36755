import { setFlagsFromString } from 'v8';

/**
 * V8's settings for one `canon-keeper check`, a process that reads its scripts once and exits.
 *
 * Most of a cold check is V8's warm-up: its optimising compiler, TurboFan, compiles the analysis's
 * hot functions on a second thread while the first runs them unoptimised, and with inlining (a
 * callee's body compiled into each caller) that compiling is half of all the instructions the
 * process executes (callgrind, V8 single-threaded, 20k-line fan fiction: 2,205M of 4,544M).
 * Without inlining it is half that (1,196M), the optimised code arrives sooner, and whole
 * `check --format json` processes took 11-21% less time on scripts of 1k to 200k lines (medians
 * of 3-12 interleaved runs: 1k 13%, 20k 21%, Big Fish x10 19%, 200k 11%). The language server
 * keeps the default: it runs for hours, and the code inlining makes is what each keystroke runs
 * (a 20k-line keystroke took about half as long again without it).
 */
export const ONE_SHOT_V8_FLAGS = '--no-turbo-inlining';

/** Sets ONE_SHOT_V8_FLAGS: before the check runs, so that TurboFan compiles nothing with the defaults. */
export function tuneForOneShotRun(): void {
  setFlagsFromString(ONE_SHOT_V8_FLAGS);
}
