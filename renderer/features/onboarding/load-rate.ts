export interface LoadRate {
  /** Records written per second so far (0 until the first write has taken measurable time). */
  perSecond: number;
  /** Seconds until the rest is written at that rate, or null while there is no rate yet. */
  secondsLeft: number | null;
}

/** The rate of a load so far and the time it still needs at that rate. */
export function loadRate(done: number, total: number, elapsedMs: number): LoadRate {
  if (done <= 0 || elapsedMs <= 0) return { perSecond: 0, secondsLeft: null };
  const perSecond = (done * 1000) / elapsedMs;
  return { perSecond, secondsLeft: Math.max(0, Math.ceil((total - done) / perSecond)) };
}
