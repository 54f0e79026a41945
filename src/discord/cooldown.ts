// A per-user sliding window: at most `max` questions in `windowMs`.
export class Cooldown {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
  ) {}

  /** Records a question and returns 0 when allowed, else the milliseconds until the next one is. */
  take(userId: string, now: number): number {
    const since = now - this.windowMs;
    const list = (this.hits.get(userId) ?? []).filter((t) => t > since);
    if (list.length >= this.max) {
      this.hits.set(userId, list);
      return list[0]! + this.windowMs - now;
    }
    list.push(now);
    this.hits.set(userId, list);
    if (this.hits.size > 10_000) this.sweep(now);
    return 0;
  }

  private sweep(now: number): void {
    const since = now - this.windowMs;
    for (const [k, v] of this.hits) if (!v.some((t) => t > since)) this.hits.delete(k);
  }
}
