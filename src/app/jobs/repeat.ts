/**
 * Runs `work` every `everySeconds` in the background, never two at once in this process
 * (a slow run skips the ticks it overlaps). 0 seconds turns it off. Returns a stop function.
 */
export function repeatEvery(
  everySeconds: number,
  work: () => Promise<unknown>,
  onError: (error: unknown) => void,
): () => void {
  if (everySeconds <= 0) return () => undefined;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    work()
      .catch(onError)
      .finally(() => (running = false));
  }, everySeconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
