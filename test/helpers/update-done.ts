/**
 * Waits for Balie's "telegram: update done" log lines (debug level): the webhook answers once a
 * turn is saved and the replies go out right after, so a driver waits for this line before it
 * reads the replies. Fed one log line at a time.
 */
export class UpdateDoneWatcher {
  readonly #done = new Set<number>();
  readonly #waiting = new Map<number, () => void>();

  feed(line: string): void {
    if (!line.includes('"msg":"telegram: update done"')) return;
    const updateId = Number(/"updateId":(\d+)/.exec(line)?.[1]);
    const waiter = this.#waiting.get(updateId);
    if (waiter) {
      this.#waiting.delete(updateId);
      waiter();
    } else {
      this.#done.add(updateId);
    }
  }

  /** Resolves once update `updateId` is done (maybe already). */
  wait(updateId: number, timeoutMs = 15_000): Promise<void> {
    if (this.#done.delete(updateId)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(updateId);
        reject(new Error(`balie did not finish update ${updateId} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#waiting.set(updateId, () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
