/** Runs `run` once, `ms` after the last call: a writer's typing asks the server once per pause. */
export function debounced(run: () => void, ms: number): { (): void; dispose(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const call = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      run();
    }, ms);
  };
  call.dispose = (): void => {
    if (timer) clearTimeout(timer);
  };
  return call;
}
