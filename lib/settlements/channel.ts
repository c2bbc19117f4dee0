// A bounded hand-over between one asynchronous producer and one consumer (the settlement import's
// parser → the merging connection, a few chunks apart). `push` waits while the queued load (sum of `weight`) is
// at or above `limit`; `take` waits for the next item and gives null once the producer closed the
// channel and it is empty. `fail` wakes both sides with the error, so neither waits forever.
export class Channel<T> {
  private items: T[] = [];
  private load = 0;
  private closed = false;
  private failure: { e: unknown } | null = null;
  private wake: (() => void) | null = null;
  private room: (() => void) | null = null;

  constructor(
    private readonly limit: number,
    private readonly weight: (item: T) => number = () => 1,
  ) {}

  async push(item: T): Promise<void> {
    while (this.load >= this.limit && !this.failure) await new Promise<void>((r) => (this.room = r));
    if (this.failure) throw this.failure.e;
    this.items.push(item);
    this.load += this.weight(item);
    this.notify();
  }

  close(): void {
    this.closed = true;
    this.notify();
  }

  fail(e: unknown): void {
    this.failure ??= { e };
    this.notify();
    this.room?.();
  }

  async take(): Promise<T | null> {
    for (;;) {
      if (this.failure) throw this.failure.e;
      const item = this.items.shift();
      if (item !== undefined) {
        this.load -= this.weight(item);
        const r = this.room;
        this.room = null;
        r?.();
        return item;
      }
      if (this.closed) return null;
      await new Promise<void>((r) => (this.wake = r));
    }
  }

  private notify(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }
}
