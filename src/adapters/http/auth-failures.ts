/**
 * Failed authentications per client address, in fixed one-minute windows. Kept apart from the
 * request rate limit so turning that off (RATE_LIMIT_PER_MINUTE=0) never opens the door to
 * key guessing, and so a made-up key costs no database look-up once the address is over.
 */
export class AuthFailures {
  readonly #windows = new Map<string, { count: number; resetAt: number }>();
  constructor(
    readonly limit: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until `address` may try again, or 0 when it may try now. */
  retryAfterSeconds(address: string): number {
    const window = this.#windows.get(address);
    if (!window || window.resetAt <= this.now() || window.count < this.limit) return 0;
    return Math.max(1, Math.ceil((window.resetAt - this.now()) / 1000));
  }

  record(address: string): void {
    const now = this.now();
    const window = this.#windows.get(address);
    if (window && window.resetAt > now) {
      window.count += 1;
      return;
    }
    // Bounded memory under a flood from many addresses: expired windows go first.
    if (this.#windows.size >= 100_000) this.#sweep(now);
    this.#windows.set(address, { count: 1, resetAt: now + this.windowMs });
  }

  #sweep(now: number) {
    for (const [address, window] of this.#windows)
      if (window.resetAt <= now) this.#windows.delete(address);
    if (this.#windows.size >= 100_000) this.#windows.clear();
  }
}
