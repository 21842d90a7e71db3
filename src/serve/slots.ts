// How many generations run at once. Drawing and scoring are CPU work; past a few at a time they only slow
// each other (and the reads between them) down, so the rest wait their turn, and a queue that grows past
// its bound is a 503 with Retry-After instead of an ever-growing backlog.
import { ApiError } from './http.js';

export class GenerationSlots {
  private running = 0;
  private readonly waiting: { resolve: () => void; reject: (error: unknown) => void }[] = [];

  constructor(readonly limit: number, readonly maxWaiting: number) {}

  get active(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Resolves when a slot is free; rejects if `signal` aborts first. Call the returned function when done. */
  async acquire(signal: AbortSignal): Promise<() => void> {
    if (this.running >= this.limit) {
      if (this.waiting.length >= this.maxWaiting) throw new ApiError(503, 'busy', `${this.running} generations are running and ${this.waiting.length} waiting; try again shortly`, { 'retry-after': '2' });
      await new Promise<void>((resolve, reject) => {
        const entry = {
          resolve: () => {
            signal.removeEventListener('abort', onAbort);
            resolve();
          },
          reject,
        };
        const onAbort = () => {
          const at = this.waiting.indexOf(entry);
          if (at >= 0) this.waiting.splice(at, 1);
          reject(signal.reason);
        };
        if (signal.aborted) return reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        this.waiting.push(entry);
      });
    } else {
      this.running++;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The slot passes straight to the next in line, so `running` stays the same.
      if (next) next.resolve();
      else this.running--;
    };
  }
}
