// The Market Sentinel's Kafka consumer lag on the market-regime topic (the seed's backlog
// playbook): the model has no Kafka, so the backlog follows the Sentinel's health. A healthy
// Sentinel keeps up and drains what piled up; a degraded one falls behind slowly, a down one
// fast. Past the seed's 1,000 messages after about 50 s degraded or 10 s down.
import type { Health } from '../../model/types.ts';

/** Messages per second the backlog grows (or, negative, drains) by the Sentinel's health. */
const GROWTH_PER_S: Record<Health, number> = { UP: -200, DEGRADED: 20, DOWN: 100 };

export class ConsumerLag {
  #health: Health = 'UP';
  #since: number;
  #backlog = 0;

  constructor(startMs: number) {
    this.#since = startMs;
  }

  /** The lag at simulated time `at` (epoch ms), in messages. */
  at(at: number): number {
    const grown = this.#backlog + (GROWTH_PER_S[this.#health] * Math.max(0, at - this.#since)) / 1000;
    return Math.max(0, Math.round(grown));
  }

  /** The Sentinel's health changed at `at`. */
  healthChanged(health: Health, at: number): void {
    this.#backlog = this.at(at);
    this.#since = at;
    this.#health = health;
  }
}
