/**
 * How far the browser's clock is ahead of the trading system's, estimated like NTP does: the
 * smallest (receive time − server time) over recent messages is the skew plus the fastest
 * delivery. A message that arrives late then shows its true age instead of looking fresh.
 */
export class ClockOffset {
  private readonly samples: number[] = [];
  private readonly keep: number;

  constructor(keep = 60) {
    this.keep = keep;
  }

  /** Records a message produced at `serverAt` (ISO) and received at `receivedAt` (client ms). */
  sample(serverAt: string, receivedAt: number): void {
    const at = Date.parse(serverAt);
    if (Number.isNaN(at)) return;
    this.samples.push(receivedAt - at);
    if (this.samples.length > this.keep) this.samples.shift();
  }

  /** The client time at which something stamped `serverAt` was true; null before any sample. */
  toClient(serverAt: string): number | null {
    if (this.samples.length === 0) return null;
    return Date.parse(serverAt) + Math.min(...this.samples);
  }

  reset(): void {
    this.samples.length = 0;
  }
}
