/**
 * Stops a repeating job: no more ticks, and the run in progress (if any) is told to stop at its
 * next unit boundary. Resolves once that run has settled, so the pool can close after it.
 */
export type StopJob = () => Promise<void>;

/**
 * Runs `work` every `everySeconds` in the background, never two at once in this process
 * (a slow run skips the ticks it overlaps). 0 seconds turns it off. `work` gets `keepGoing`:
 * true until the job is stopped; a job of many units asks it between two units and returns
 * early when it turns false (each unit is its own transaction, so stopping there loses
 * nothing). Returns the stop function.
 */
export function repeatEvery(
  everySeconds: number,
  work: (keepGoing: () => boolean) => Promise<unknown>,
  onError: (error: unknown) => void,
): StopJob {
  if (everySeconds <= 0) return () => Promise.resolve();
  let stopped = false;
  let running: Promise<void> | undefined;
  const keepGoing = () => !stopped;
  const timer = setInterval(() => {
    if (running) return;
    running = work(keepGoing)
      .then(() => undefined, onError)
      .finally(() => (running = undefined));
  }, everySeconds * 1000);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
