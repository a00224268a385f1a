/**
 * The measuring loop shared by the parse and place-matching benchmarks:
 * warm every route up, then take samples with the routes interleaved
 * (one sample of each route, then the next run), so that a change of
 * machine load during the run reaches every route alike and the ratios
 * between routes stay comparable.
 */
import { repeatsFor } from "./timing.js";

/** The place the routes run in: this Node process, or a Chromium page. */
export interface RouteSampler<Route extends string> {
  /** Runs the route once and returns what it counted (alerts read, areas matched). */
  count(route: Route): Promise<number>;
  /** Returns the mean time in ms of `repeats` runs of the route. */
  sample(route: Route, repeats: number): Promise<number>;
  collectGarbage(): Promise<void>;
}

export interface RouteResult<Route extends string> {
  route: Route;
  /** Time of one run, in ms, per sample. */
  samples: number[];
  /** Runs per sample. */
  repeats: number;
  /** The count that the route returned in its first run. */
  count: number;
  /** The reason the route has no samples, when it failed. */
  error?: string;
}

export interface MeasureOptions {
  /**
   * Unmeasured runs per route before the samples: `count`, then samples of
   * at least `minSampleMs` each (see `calibrate`). With 1, only `count`
   * runs, and every sample repeats the route once.
   */
  warmups: number;
  /** Measured samples per route. */
  runs: number;
  /** Short runs are repeated until one sample lasts this long, in ms. */
  minSampleMs: number;
  /** The count every route must return, when known. */
  expectedCount?: number;
}

export async function measureRoutes<Route extends string>(
  sampler: RouteSampler<Route>,
  routes: readonly Route[],
  options: MeasureOptions,
): Promise<RouteResult<Route>[]> {
  const results: RouteResult<Route>[] = [];
  for (const route of routes) {
    const result: RouteResult<Route> = {
      route,
      samples: [],
      repeats: 1,
      count: 0,
    };
    results.push(result);
    try {
      await sampler.collectGarbage();
      result.count = await sampler.count(route);
      if (
        options.expectedCount !== undefined &&
        result.count !== options.expectedCount
      ) {
        result.error = `counted ${result.count}, expected ${options.expectedCount}`;
        continue;
      }
      result.repeats = await calibrate(sampler, route, options);
    } catch (error) {
      result.error = describeError(error);
    }
  }

  for (let run = 0; run < options.runs; run++) {
    for (const result of results) {
      if (result.error !== undefined) continue;
      try {
        await sampler.collectGarbage();
        result.samples.push(await sampler.sample(result.route, result.repeats));
      } catch (error) {
        result.error = describeError(error);
      }
    }
  }
  return results;
}

/**
 * Finds how many runs fill a sample of `minSampleMs`, then takes
 * `warmups - 1` unmeasured samples of that length, re-estimating after
 * each. Code that the engine optimises only after many runs, such as a
 * query over 10,000 areas, is then warm before the measured samples.
 */
async function calibrate<Route extends string>(
  sampler: RouteSampler<Route>,
  route: Route,
  options: MeasureOptions,
): Promise<number> {
  if (options.warmups <= 1) return 1;
  let repeats = 1;
  let msPerRun = await sampler.sample(route, repeats);
  while (msPerRun * repeats < options.minSampleMs) {
    repeats = repeatsFor(msPerRun, options.minSampleMs);
    msPerRun = await sampler.sample(route, repeats);
  }
  for (let warmup = 2; warmup < options.warmups; warmup++) {
    repeats = repeatsFor(msPerRun, options.minSampleMs);
    msPerRun = await sampler.sample(route, repeats);
  }
  return repeatsFor(msPerRun, options.minSampleMs);
}

/** Runs a full garbage collection in Node; needs `node --expose-gc`. */
export function collectNodeGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) {
    throw new Error(
      "Garbage collection is not exposed: run the benchmark with node --expose-gc (npm run bench does)",
    );
  }
  gc();
}

export function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0]!.slice(0, 200);
}
