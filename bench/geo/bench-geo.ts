/**
 * Place-matching benchmark: every route of `geo-routes.ts` over the same
 * 10,000 areas, in Node and in headless Chromium. One sample is the mean
 * time of one query (one place against all 10,000 areas) over enough
 * queries, at successive places, to last `minSampleMs`.
 *
 * No garbage collection is forced between samples, unlike the parse
 * benchmark: the routes allocate almost nothing, and a forced full
 * collection moves the areas in memory, after which `ours` ran 3 to 5
 * times slower for the next few hundred queries in Node 20.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "puppeteer-core";
import type { BenchServer } from "../browser/bench-server.js";
import { bundleForPage } from "../browser/bundle-for-page.js";
import { callPage } from "../browser/call-page.js";
import {
  measureRoutes,
  type RouteResult,
  type RouteSampler,
} from "../measure-routes.js";
import { AREA_COUNT, geoData } from "./geo-data.js";
import {
  geoRoute,
  timeQueries,
  type GeoRoute,
  type GeoRunner,
} from "./geo-routes.js";
import { GEO_PAGE_GLOBAL, type GeoPageApi } from "./page-entry.js";

export interface GeoSettings {
  warmups: number;
  runs: number;
  minSampleMs: number;
  /** Places cycled through by the queries. */
  placeCount: number;
}

export interface GeoEnvironmentResult {
  areaCount: number;
  vertexCount: number;
  /** Per route; `count` is the number of areas that contain the first place. */
  routes: RouteResult<GeoRoute>[];
}

export interface GeoResults {
  node: GeoEnvironmentResult;
  chromium: GeoEnvironmentResult;
}

/**
 * The routes measured interleaved. `ours-first` is measured after them, on
 * its own, because its fresh areas change the object shapes that `ours`
 * reads. After one `ours-first` query, `ours` ran about 4 times slower for
 * the next 50 queries in Node 20, which no client polling every few
 * minutes would see.
 */
const STEADY_ROUTES: GeoRoute[] = ["ours", "turf", "turf-bbox"];
const FIRST_QUERY_ROUTES: GeoRoute[] = ["ours-first"];

async function measureGeoRoutes(
  sampler: RouteSampler<GeoRoute>,
  settings: GeoSettings,
): Promise<RouteResult<GeoRoute>[]> {
  return [
    ...(await measureRoutes(sampler, STEADY_ROUTES, settings)),
    ...(await measureRoutes(sampler, FIRST_QUERY_ROUTES, settings)),
  ];
}

/** Measures the routes in this process; `node-entry.ts` calls it in a fresh one. */
export async function benchGeoInNode(
  settings: GeoSettings,
): Promise<GeoEnvironmentResult> {
  const data = geoData(settings.placeCount);
  const runners = new Map<GeoRoute, GeoRunner>(
    [...STEADY_ROUTES, ...FIRST_QUERY_ROUTES].map((route) => [
      route,
      geoRoute(route, data),
    ]),
  );
  const nextQuery = new Map<GeoRoute, number>();
  const sampler: RouteSampler<GeoRoute> = {
    count: async (route) => {
      const runner = runners.get(route)!;
      runner.prepare?.();
      return runner.run(0);
    },
    sample: async (route, repeats) => {
      const first = nextQuery.get(route) ?? 0;
      nextQuery.set(route, first + repeats);
      return timeQueries(runners.get(route)!, repeats, first);
    },
    collectGarbage: async () => {},
  };
  return {
    areaCount: AREA_COUNT,
    vertexCount: data.vertexCount,
    routes: await measureGeoRoutes(sampler, settings),
  };
}

/**
 * Runs the Node measurement in a fresh Node process. In the benchmark's
 * own process, after the parse benchmark had filled and collected
 * gigabytes, `ours` ran up to 4 times slower in one run (1.6 ms against
 * 0.4 ms per query, Node 20) while turf slowed far less, so the ratio
 * swung from run to run.
 */
function benchGeoInFreshNode(settings: GeoSettings): GeoEnvironmentResult {
  const entry = fileURLToPath(new URL("./node-entry.ts", import.meta.url));
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", entry, JSON.stringify(settings)],
    { encoding: "utf8", timeout: 300_000, maxBuffer: 16 * 1024 * 1024 },
  );
  if (result.status !== 0) {
    throw new Error(
      `bench/geo/node-entry.ts exited with ${result.status}: ${result.stderr.slice(-500)}`,
    );
  }
  return JSON.parse(result.stdout) as GeoEnvironmentResult;
}

export async function benchGeo(
  settings: GeoSettings,
  browser: Browser,
  server: BenchServer,
  log: (line: string) => void,
): Promise<GeoResults> {
  log("place matching: node (in a fresh process)");
  const node = benchGeoInFreshNode(settings);

  log("place matching: chromium");
  const script = await bundleForPage(
    new URL("./page-entry.ts", import.meta.url).pathname,
  );
  server.setPage("geo.html", "<!doctype html><title>geo</title>");
  const page = await browser.newPage();
  try {
    await page.goto(`${server.url}pages/geo.html`);
    await page.addScriptTag({ content: script });
    const vertexCount = await callGeoPage(page, "setUp", settings.placeCount);
    const sampler: RouteSampler<GeoRoute> = {
      count: (route) => callGeoPage(page, "count", route),
      sample: (route, repeats) => callGeoPage(page, "sample", route, repeats),
      collectGarbage: async () => {},
    };
    const chromium: GeoEnvironmentResult = {
      areaCount: AREA_COUNT,
      vertexCount,
      routes: await measureGeoRoutes(sampler, settings),
    };
    return { node, chromium };
  } finally {
    await page.close().catch(() => undefined);
  }
}

function callGeoPage<Name extends keyof GeoPageApi>(
  page: Page,
  method: Name,
  ...args: Parameters<GeoPageApi[Name]>
) {
  return callPage<GeoPageApi, Name>(
    page,
    GEO_PAGE_GLOBAL,
    method,
    ...(args as never),
  );
}
