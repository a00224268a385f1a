/**
 * Timing of one operation, shared by the Node and browser runs. It uses
 * only `performance.now()`, which both have. In Chromium a page that is
 * not cross-origin isolated gets a clock coarsened to 0.1 ms, so small
 * operations are timed in batches (see `repeatsFor`).
 */

/** Runs `operation` `repeats` times and returns the mean time of one run, in ms. */
export function timeRepeated(
  operation: () => unknown,
  repeats: number,
): number {
  let sink = 0;
  const start = performance.now();
  for (let index = 0; index < repeats; index++) {
    if (operation() === sink) sink += 1;
  }
  const elapsed = performance.now() - start;
  return elapsed / repeats;
}

/**
 * Returns how many runs of an operation that takes `msPerRun` fill one
 * sample of at least `minSampleMs`, so clock resolution and timer overhead
 * stay below 1 % of a sample.
 */
export function repeatsFor(msPerRun: number, minSampleMs: number): number {
  if (!(msPerRun > 0)) return 100;
  return Math.max(1, Math.ceil(minSampleMs / msPerRun));
}
