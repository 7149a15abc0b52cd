/**
 * Test-only fault injection: lets the crash drills hit "committed, but the answer never left"
 * for sure instead of by luck. Never set in production.
 *
 * `STOCKLINE_FAULT_EXIT_AFTER_COMMIT=N` makes the server kill itself with SIGKILL right after
 * the N-th write stored under an Idempotency-Key has committed, before its reply is sent. The
 * variable is read once, when this module loads; unset, the hook is a no-op function.
 */
export interface CommitFault {
  /** Called once per keyed write, after its commit and before its reply. */
  committed(): void;
}

const off: CommitFault = { committed: () => undefined };

/**
 * The fault for one setting: `undefined` or empty is off, a positive whole number N calls
 * `die` at the N-th commit. Anything else throws, so a mistyped drill setting cannot pass
 * silently as a drill that never crashed.
 */
export function commitFaultFrom(setting: string | undefined, die: () => void): CommitFault {
  if (setting === undefined || setting === '') return off;
  if (!/^[1-9][0-9]*$/.test(setting))
    throw new Error(
      `STOCKLINE_FAULT_EXIT_AFTER_COMMIT must be a positive whole number, not ${setting}`,
    );
  const dieAt = Number(setting);
  let commits = 0;
  return {
    committed() {
      commits++;
      if (commits === dieAt) die();
    },
  };
}

/** The process-wide hook `idempotentWrite` calls, from the environment at start-up. */
export const commitFault: CommitFault = commitFaultFrom(
  process.env.STOCKLINE_FAULT_EXIT_AFTER_COMMIT,
  () => process.kill(process.pid, 'SIGKILL'),
);
