// Counters for /nmi-admin status: questions answered and declined since start,
// and answer latency percentiles over the most recent answers.
export class Metrics {
  readonly startedAt: Date;
  answered = 0;
  declined = 0;
  errors = 0;
  private readonly latencies: number[] = [];
  private next = 0;

  constructor(
    now: Date = new Date(),
    private readonly keep = 1000,
  ) {
    this.startedAt = now;
  }

  record(status: 'answered' | 'no_match', ms: number): void {
    if (status === 'answered') this.answered++;
    else this.declined++;
    if (this.latencies.length < this.keep) this.latencies.push(ms);
    else this.latencies[this.next] = ms;
    this.next = (this.next + 1) % this.keep;
  }

  /** Nearest-rank percentile in ms, null when nothing was measured yet. */
  percentile(p: number): number | null {
    if (this.latencies.length === 0) return null;
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
    return sorted[rank - 1]!;
  }
}
