/**
 * The place-matching benchmark's data: 10,000 alert areas, each one
 * star-shaped polygon of 10 to 1,000 vertices around a random centre in
 * the contiguous United States, as our model (`CapArea`, latitude first)
 * and as GeoJSON features for turf (longitude first), plus the reader
 * places to test. The same seed gives the same shapes in Node and in the
 * browser.
 */
import type { CapArea, CapPolygon } from "../../shared/model/cap.js";
import type { Place } from "../../shared/geo/place.js";
import { seededRandom } from "../feed/seeded-random.js";

export const AREA_COUNT = 10_000;
const MIN_VERTICES = 10;
const MAX_VERTICES = 1_000;

/** A GeoJSON Polygon feature; `bbox` is set only for the prefiltered turf route. */
export interface PolygonFeature {
  type: "Feature";
  properties: Record<string, never>;
  geometry: { type: "Polygon"; coordinates: number[][][] };
  bbox?: [number, number, number, number];
}

export interface GeoData {
  areas: CapArea[];
  features: PolygonFeature[];
  /** The same features with a precomputed `bbox`, which turf tests first. */
  featuresWithBbox: PolygonFeature[];
  places: Place[];
  vertexCount: number;
}

export function geoData(placeCount: number): GeoData {
  const next = seededRandom(20240501);
  const areas: CapArea[] = [];
  const features: PolygonFeature[] = [];
  const featuresWithBbox: PolygonFeature[] = [];
  let vertexCount = 0;
  for (let index = 0; index < AREA_COUNT; index++) {
    const ring = starPolygon(next);
    vertexCount += ring.length;
    areas.push({
      areaDesc: `Area ${index + 1}`,
      polygon: [ring],
      circle: [],
      geocode: [],
    });
    const coordinates = [ring.map(([lat, lon]) => [lon, lat])];
    features.push(feature(coordinates));
    featuresWithBbox.push({ ...feature(coordinates), bbox: bboxOf(ring) });
  }
  const places: Place[] = [];
  for (let index = 0; index < placeCount; index++) {
    places.push({ lat: 25 + next() * 24, lon: -124 + next() * 57, radius: 0 });
  }
  return { areas, features, featuresWithBbox, places, vertexCount };
}

function starPolygon(next: () => number): CapPolygon {
  const count =
    MIN_VERTICES + Math.floor(next() * (MAX_VERTICES - MIN_VERTICES + 1));
  const centreLat = 25 + next() * 24;
  const centreLon = -124 + next() * 57;
  const maxRadius = 0.05 + next() * 1.5;
  const ring: CapPolygon = [];
  for (let vertex = 0; vertex < count - 1; vertex++) {
    const angle = (2 * Math.PI * vertex) / (count - 1);
    const radius = maxRadius * (0.4 + 0.6 * next());
    ring.push([
      centreLat + radius * Math.sin(angle),
      centreLon + radius * Math.cos(angle),
    ]);
  }
  ring.push([ring[0]![0], ring[0]![1]]);
  return ring;
}

function feature(coordinates: number[][][]): PolygonFeature {
  return {
    type: "Feature",
    properties: {},
    geometry: { type: "Polygon", coordinates },
  };
}

/** The GeoJSON bbox [west, south, east, north] of a ring. */
function bboxOf(ring: CapPolygon): [number, number, number, number] {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const [lat, lon] of ring) {
    if (lon < west) west = lon;
    if (lon > east) east = lon;
    if (lat < south) south = lat;
    if (lat > north) north = lat;
  }
  return [west, south, east, north];
}
