/**
 * Micro-benchmark of place matching: `areaConcernsPlace` against
 * `@turf/boolean-point-in-polygon` without a bounding-box prefilter, on
 * 10,000 random polygons of 4 to 1,000 vertices. This is a smoke check, not a
 * test: it prints the fastest of several runs of each and checks only that
 * both find the same number of matches.
 *
 * Run: npx tsx scripts/bench-geo-smoke.ts [queries]
 *
 * Turf is not a dependency of the project. The script imports the module
 * named by TURF_MODULE (a path to its ESM entry point), else
 * "@turf/boolean-point-in-polygon". When neither loads, it measures a plain
 * even-odd ray cast over every vertex instead, which is the same algorithm
 * without a prefilter.
 */
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import type { CapArea, CapPolygon } from "../shared/model/cap.js";
import { areaConcernsPlace } from "../shared/geo/place.js";

const POLYGON_COUNT = 10_000;
const MAX_VERTICES = 1_000;
const queryCount = Number(process.argv[2] ?? 200);

/** A deterministic generator (mulberry32), so every run uses the same shapes. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(20240501);

/** Builds a star-shaped ring around a random centre in the contiguous United States. */
function randomPolygon(): CapPolygon {
  const vertexCount = 3 + Math.floor(next() * (MAX_VERTICES - 3));
  const centreLat = 25 + next() * 24;
  const centreLon = -124 + next() * 57;
  const maxRadius = 0.05 + next() * 1.5;
  const ring: CapPolygon = [];
  for (let i = 0; i < vertexCount; i++) {
    const angle = (2 * Math.PI * i) / vertexCount;
    const radius = maxRadius * (0.4 + 0.6 * next());
    ring.push([
      centreLat + radius * Math.sin(angle),
      centreLon + radius * Math.cos(angle),
    ]);
  }
  ring.push([ring[0]![0], ring[0]![1]]);
  return ring;
}

type PointInPolygon = (point: number[], polygon: unknown) => boolean;

async function loadTurf(): Promise<{ name: string; test: PointInPolygon }> {
  const specifier = process.env.TURF_MODULE
    ? pathToFileURL(process.env.TURF_MODULE).href
    : "@turf/boolean-point-in-polygon";
  try {
    const module = (await import(specifier)) as {
      booleanPointInPolygon?: PointInPolygon;
      default?: PointInPolygon;
    };
    const test = module.booleanPointInPolygon ?? module.default;
    if (typeof test === "function") return { name: "turf", test };
  } catch (error) {
    console.log(`Turf not loaded (${String(error)}), using a plain ray cast.`);
  }
  return { name: "plain ray cast", test: plainRayCast };
}

/** Even-odd ray casting over a GeoJSON polygon's outer ring, with no prefilter. */
function plainRayCast(point: number[], polygon: unknown): boolean {
  const ring = (polygon as { coordinates: number[][][] }).coordinates[0]!;
  const [x, y] = point as [number, number];
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) {
      inside = !inside;
    }
  }
  return inside;
}

const areas: CapArea[] = [];
const geoJsonPolygons: unknown[] = [];
let vertexTotal = 0;
for (let i = 0; i < POLYGON_COUNT; i++) {
  const polygon = randomPolygon();
  vertexTotal += polygon.length;
  areas.push({
    areaDesc: `area ${i}`,
    polygon: [polygon],
    circle: [],
    geocode: [],
  });
  // GeoJSON order is longitude, latitude.
  geoJsonPolygons.push({
    type: "Polygon",
    coordinates: [polygon.map(([lat, lon]) => [lon, lat])],
  });
}
const queries = Array.from({ length: queryCount }, () => ({
  lat: 25 + next() * 24,
  lon: -124 + next() * 57,
  radius: 0,
}));

const turf = await loadTurf();

function runOurs(): number {
  let matches = 0;
  for (const place of queries) {
    for (const area of areas) if (areaConcernsPlace(area, place)) matches++;
  }
  return matches;
}

function runBaseline(): number {
  let matches = 0;
  for (const { lat, lon } of queries) {
    for (const polygon of geoJsonPolygons) {
      if (turf.test([lon, lat], polygon)) matches++;
    }
  }
  return matches;
}

function time(run: () => number): { ms: number; matches: number } {
  const start = performance.now();
  const matches = run();
  return { ms: performance.now() - start, matches };
}

/** Runs `run` `repeats` times and keeps the fastest, to damp noise from other processes. */
function fastest(
  run: () => number,
  repeats: number,
): { ms: number; matches: number } {
  let best = time(run);
  for (let i = 1; i < repeats; i++) {
    const next = time(run);
    if (next.ms < best.ms) best = next;
  }
  return best;
}

// The first run of ours also builds the prepared polygons, so it is timed
// apart from the steady state.
const firstRun = time(runOurs);
const ours = fastest(runOurs, 10);
const baseline = fastest(runBaseline, 3);

console.log(
  `${POLYGON_COUNT} polygons, ${vertexTotal} vertices, ${queryCount} queries, Node ${process.version}`,
);
console.log(
  `areaConcernsPlace, first run with preparation: ${(firstRun.ms / queryCount).toFixed(3)} ms per query`,
);
console.log(
  `areaConcernsPlace, prepared: ${(ours.ms / queryCount).toFixed(3)} ms per query, ${ours.matches} matches`,
);
console.log(
  `${turf.name}: ${(baseline.ms / queryCount).toFixed(3)} ms per query, ${baseline.matches} matches`,
);
console.log(`Speed-up: ${(baseline.ms / ours.ms).toFixed(0)}x`);
if (ours.matches !== baseline.matches || firstRun.matches !== ours.matches) {
  console.error("The match counts differ between the implementations.");
  process.exitCode = 1;
}
