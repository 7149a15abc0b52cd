/**
 * Synthetic demand histories for tests and benchmarks. Randomness is passed in (a seeded
 * generator returning uniforms in [0, 1)), so the core stays pure and every run is repeatable.
 */

/** A source of uniform random numbers in [0, 1). */
export type Uniform = () => number;

/** A small seeded PRNG (mulberry32). */
export function mulberry32(seed: number): Uniform {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw by Box–Muller. */
export function normal(random: Uniform): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** Level + slope·t + a sine seasonal of the given amplitude + normal noise of sd `noise`. */
export function smoothSeasonal(
  random: Uniform,
  n: number,
  shape: { level: number; slope: number; m: number; amplitude: number; noise: number },
): number[] {
  const phase = random() * 2 * Math.PI;
  return Array.from({ length: n }, (_, t) => {
    const season = shape.amplitude * Math.sin((2 * Math.PI * t) / shape.m + phase);
    return shape.level + shape.slope * t + season + shape.noise * normal(random);
  });
}

/** Demand occurs with probability p each period; sizes are 1 + Poisson-like around `size`. */
export function intermittentDemand(random: Uniform, n: number, p: number, size: number): number[] {
  return Array.from({ length: n }, () => {
    if (random() >= p) return 0;
    return Math.max(1, Math.round(size * (0.5 + random())));
  });
}

/** A Gaussian random walk starting at `start`. */
export function randomWalk(random: Uniform, n: number, start = 100, sd = 1): number[] {
  let y = start;
  return Array.from({ length: n }, () => (y += sd * normal(random)));
}
