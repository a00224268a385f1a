/**
 * The place-matching benchmark's code inside Chromium: it generates the
 * same areas and places as the Node run and times the routes on them.
 */
import { geoData, type GeoData } from "./geo-data.js";
import {
  geoRoute,
  timeQueries,
  type GeoRoute,
  type GeoRunner,
} from "./geo-routes.js";

let data: GeoData | undefined;
const runners = new Map<GeoRoute, GeoRunner>();
/** The next place each route tests, so every route sees the same places in turn. */
const nextQuery = new Map<GeoRoute, number>();

function runner(route: GeoRoute): GeoRunner {
  if (data === undefined) throw new Error("Call setUp first");
  let found = runners.get(route);
  if (found === undefined) {
    found = geoRoute(route, data);
    runners.set(route, found);
  }
  return found;
}

const api = {
  /** Generates the areas and `placeCount` places; returns the number of vertices. */
  setUp(placeCount: number): number {
    data = geoData(placeCount);
    return data.vertexCount;
  },
  /** Runs the first place against every area by `route`; returns the matches. */
  count(route: GeoRoute): number {
    const chosen = runner(route);
    chosen.prepare?.();
    return chosen.run(0);
  },
  sample(route: GeoRoute, repeats: number): number {
    const first = nextQuery.get(route) ?? 0;
    nextQuery.set(route, first + repeats);
    return timeQueries(runner(route), repeats, first);
  },
};

export type GeoPageApi = typeof api;

/** The name under which the page script publishes its API. */
export const GEO_PAGE_GLOBAL = "childAlertGeoBench";

(globalThis as unknown as Record<string, GeoPageApi>)[GEO_PAGE_GLOBAL] = api;
