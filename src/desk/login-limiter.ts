/** How many wrong passwords per address and per name a minute allows; the next try is refused. */
export const loginFailuresAllowed = 10;
export const loginWindowMs = 60_000;

/**
 * Counts wrong passwords per client address and per organiser name in a sliding minute. In memory,
 * per process: behind a load balancer each process counts its own share, which still bounds
 * guessing to a few dozen tries a minute.
 */
export class LoginLimiter {
  readonly #failures = new Map<string, number[]>();

  #recent(key: string, now: number): number[] {
    const times = (this.#failures.get(key) ?? []).filter((t) => t > now - loginWindowMs);
    if (times.length === 0) this.#failures.delete(key);
    else this.#failures.set(key, times);
    return times;
  }

  /** Whether a login from `address` for `name` may be tried now. */
  allows(address: string, name: string, now: number): boolean {
    return this.#recent(`a:${address}`, now).length < loginFailuresAllowed && this.#recent(`n:${name}`, now).length < loginFailuresAllowed;
  }

  fail(address: string, name: string, now: number): void {
    for (const key of [`a:${address}`, `n:${name}`]) this.#failures.set(key, [...this.#recent(key, now), now]);
    // Keep the map small under a flood of made-up names.
    if (this.#failures.size > 10_000) for (const key of this.#failures.keys()) this.#recent(key, now);
  }
}
