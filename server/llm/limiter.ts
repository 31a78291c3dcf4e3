// A counting semaphore: at most `limit` model calls in flight per run (endpoints, local ones especially,
// degrade badly when flooded).
export class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      // Hand the slot straight to the next waiter, or release it.
      if (next) next();
      else this.active--;
    }
  }
}
