interface Waiting<I, O> {
  item: I;
  resolve: (result: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: the calls made while the event loop is busy go out together, as one `run` of up to
 * `maxBatch` items, when the loop turns (setImmediate) or as soon as `maxBatch` are waiting. A
 * quiet caller waits for nothing (a batch of one leaves on the same turn); under load one round
 * trip and one script run serve many callers. `run` answers one result per item, in order; if it
 * fails, every item of that batch gets the error.
 */
export class GroupCommit<I, O> {
  readonly #run: (items: I[]) => Promise<O[]>;
  readonly #maxBatch: number;
  #queue: Array<Waiting<I, O>> = [];
  #scheduled = false;

  constructor(run: (items: I[]) => Promise<O[]>, maxBatch: number) {
    if (!(maxBatch >= 1)) throw new RangeError('maxBatch must be at least 1');
    this.#run = run;
    this.#maxBatch = maxBatch;
  }

  push(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      if (this.#queue.length >= this.#maxBatch) this.#send();
      else if (!this.#scheduled) {
        this.#scheduled = true;
        setImmediate(this.#flush);
      }
    });
  }

  readonly #flush = (): void => {
    this.#scheduled = false;
    while (this.#queue.length > 0) this.#send();
  };

  #send(): void {
    const batch = this.#queue.length <= this.#maxBatch ? this.#queue : this.#queue.slice(0, this.#maxBatch);
    this.#queue = batch === this.#queue ? [] : this.#queue.slice(this.#maxBatch);
    let running: Promise<O[]>;
    try {
      running = this.#run(batch.map((w) => w.item));
    } catch (error) {
      running = Promise.reject(error);
    }
    running.then(
      (results) => {
        if (results.length !== batch.length) {
          const error = new Error(`a batch of ${batch.length} got ${results.length} results`);
          for (const w of batch) w.reject(error);
          return;
        }
        for (let i = 0; i < batch.length; i++) batch[i]!.resolve(results[i]!);
      },
      (error: unknown) => {
        for (const w of batch) w.reject(error);
      },
    );
  }
}
