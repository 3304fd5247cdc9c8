// Seeded pseudo-random numbers. Every random draw in the model comes from here so that the
// same seed always replays the same trading day. sfc32 is small, fast and passes PractRand;
// each subsystem gets its own named stream so that, say, starting a scenario that draws more
// latency samples does not shift the venues' open-order noise.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashStream(seed: number, stream: string): number {
  let h = (FNV_OFFSET ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < stream.length; i++) h = Math.imul(h ^ stream.charCodeAt(i), FNV_PRIME) >>> 0;
  return h;
}

function splitmix32(start: number): () => number {
  let state = start | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class Rng {
  #a: number;
  #b: number;
  #c: number;
  #d: number;
  // Box–Muller yields two normals per draw; keeping the spare halves the cost of latency sampling.
  #spare: number | null = null;

  constructor(seed: number, stream = '') {
    const init = splitmix32(hashStream(seed, stream));
    this.#a = init();
    this.#b = init();
    this.#c = init();
    this.#d = init();
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  uniform(min = 0, max = 1): number {
    return min + (max - min) * this.next();
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  bernoulli(p: number): boolean {
    return this.next() < p;
  }

  normal(mean = 0, sd = 1): number {
    if (this.#spare !== null) {
      const z = this.#spare;
      this.#spare = null;
      return mean + sd * z;
    }
    const u = 1 - this.next(); // (0, 1]: keeps log() finite
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.#spare = r * Math.sin(2 * Math.PI * v);
    return mean + sd * r * Math.cos(2 * Math.PI * v);
  }

  /** exp(N(mu, sigma)): median e^mu. */
  lognormal(mu: number, sigma: number): number {
    return Math.exp(this.normal(mu, sigma));
  }

  poisson(lambda: number): number {
    if (!(lambda > 0)) return 0;
    // Knuth's method is exact but O(lambda); past 30 the normal approximation is close enough
    // for order counts and keeps a step's cost flat.
    if (lambda >= 30) return Math.max(0, Math.round(this.normal(lambda, Math.sqrt(lambda))));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  binomial(n: number, p: number): number {
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    const mean = n * p;
    // Rare events (order errors) are Poisson to a very good approximation and cost one draw or so.
    if (p < 0.05 && mean < 30) return Math.min(n, this.poisson(mean));
    if (n <= 500) {
      let k = 0;
      for (let i = 0; i < n; i++) if (this.next() < p) k++;
      return k;
    }
    const drawn = Math.round(this.normal(mean, Math.sqrt(mean * (1 - p))));
    return Math.min(n, Math.max(0, drawn));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick() from an empty list');
    return items[this.int(items.length)] as T;
  }
}
