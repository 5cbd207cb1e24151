/**
 * Seeded randomness for demo data: the same seed always gives the same numbers, on every machine.
 * Math.random and crypto are never used here, so generated data is reproducible byte for byte.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An unsigned 32-bit integer. */
  uint32(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  between(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One of the choices, each as likely as its weight. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T;
}

/** mulberry32 (Tommy Ettinger): 32 bits of state, fast, and good enough for sample data. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const uint32 = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = () => uint32() / 4_294_967_296;
  const random: Random = {
    next,
    uint32,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    between: (min, max) => min + next() * (max - min),
    chance: (probability) => next() < probability,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted: (choices) => {
      const total = choices.reduce((sum, [, w]) => sum + w, 0);
      let roll = next() * total;
      for (const [value, weight] of choices) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return choices[choices.length - 1]![0];
    },
  };
  return random;
}

/** A bijection of 32-bit integers that scatters nearby inputs (lowbias32, Chris Wellons). */
export function mix32(x: number): number {
  x = (x ^ (x >>> 16)) >>> 0;
  x = Math.imul(x, 0x7feb352d) >>> 0;
  x = (x ^ (x >>> 15)) >>> 0;
  x = Math.imul(x, 0x846ca68b) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

/** A 32-bit hash of several integers, to seed one independent stream per record. */
export function hash32(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) h = mix32((h ^ mix32(part >>> 0)) + 0x632be5ab);
  return h;
}

/**
 * Where `index` lands in a keyed shuffle of [0, size): a bijection, so every index in range maps
 * to a distinct position. Lets a record pick a unique name or a share of a status without any
 * list being built. Keyed rounds on the next power of two, then cycle-walking back into range.
 */
export function permuteIndex(index: number, size: number, key: number): number {
  if (size <= 1) return 0;
  if (size > 2 ** 30) throw new RangeError(`cannot permute ${size} indexes`);
  const bits = Math.max(2, Math.ceil(Math.log2(size)));
  const mask = (1 << bits) - 1;
  const half = bits >>> 1;
  const k1 = mix32(key) & mask;
  const k2 = mix32(key + 1) | 1;
  let x = index;
  do {
    x = (x ^ k1) & mask;
    x = Math.imul(x, k2) & mask;
    x = (x ^ (x >>> half)) & mask;
    x = Math.imul(x, 0x2c1b3c6d | 1) & mask;
    x = (x ^ (x >>> half)) & mask;
  } while (x >= size);
  return x;
}
