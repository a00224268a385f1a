/**
 * The ways of matching every area against a reader's place that the
 * place-matching benchmark compares. Each route tests all 10,000 areas
 * against one place and returns the number of areas that contain it.
 */
import { booleanPointInPolygon } from "@turf/boolean-point-in-polygon";
import { areaConcernsPlace } from "../../shared/geo/place.js";
import type { CapArea } from "../../shared/model/cap.js";
import type { GeoData } from "./geo-data.js";

/**
 * - `ours`: `areaConcernsPlace`, with its bounding boxes and prepared
 *   typed arrays built by an earlier query (the steady state of a client
 *   that filters after every poll);
 * - `ours-first`: the same on areas never queried, so the query also
 *   builds the boxes and typed arrays;
 * - `turf`: `booleanPointInPolygon` on each GeoJSON feature;
 * - `turf-bbox`: the same on features with a precomputed `bbox`, which
 *   turf tests before the polygon.
 */
export type GeoRoute = "ours" | "ours-first" | "turf" | "turf-bbox";

/** One route over the benchmark data. */
export interface GeoRunner {
  /** Untimed work before each query: `ours-first` makes areas no cache has seen. */
  prepare?: () => void;
  /** Tests every area against place number `query` (modulo the places) and returns the matches. */
  run: (query: number) => number;
}

export function geoRoute(route: GeoRoute, data: GeoData): GeoRunner {
  switch (route) {
    case "ours":
      return { run: (query) => countOurs(data.areas, data, query) };
    case "ours-first": {
      let areas = data.areas;
      return {
        prepare: () => {
          areas = freshAreas(data.areas);
        },
        run: (query) => countOurs(areas, data, query),
      };
    }
    case "turf":
    case "turf-bbox": {
      const features = route === "turf" ? data.features : data.featuresWithBbox;
      return {
        run: (query) => {
          const { lat, lon } = data.places[query % data.places.length]!;
          const point = [lon, lat];
          let matches = 0;
          for (const feature of features) {
            if (booleanPointInPolygon(point, feature)) matches++;
          }
          return matches;
        },
      };
    }
  }
}

/**
 * Returns the mean time in ms of one query over `repeats` queries, each
 * at the next place from `firstQuery` on, excluding `prepare`.
 */
export function timeQueries(
  runner: GeoRunner,
  repeats: number,
  firstQuery: number,
): number {
  let elapsed = 0;
  for (let index = 0; index < repeats; index++) {
    runner.prepare?.();
    const start = performance.now();
    runner.run(firstQuery + index);
    elapsed += performance.now() - start;
  }
  return elapsed / repeats;
}

function countOurs(areas: CapArea[], data: GeoData, query: number): number {
  const place = data.places[query % data.places.length]!;
  let matches = 0;
  for (const area of areas) if (areaConcernsPlace(area, place)) matches++;
  return matches;
}

/** New area and polygon objects with the same vertices, which no cache has seen. */
function freshAreas(areas: CapArea[]): CapArea[] {
  return areas.map((area) => ({
    ...area,
    polygon: area.polygon.map((ring) =>
      ring.map(([lat, lon]): [number, number] => [lat, lon]),
    ),
  }));
}
