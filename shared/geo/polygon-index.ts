/**
 * Fast tests of a reader's disc (a point and a radius) against CAP polygons.
 *
 * CAP does not say how to draw the edge between two vertices. This module
 * takes edges as straight lines in latitude/longitude degrees, as planar
 * point-in-polygon tests such as turf's do. Each polygon is prepared once (a bounding box and a flat
 * Float64Array of its vertices) and cached by the identity of its array, so
 * a query over many alerts reads only numbers and allocates nothing.
 */
import type { CapPolygon } from "../model/cap.js";
import { KM_PER_DEGREE } from "./distance.js";

/**
 * A latitude/longitude bounding box in degrees. Longitudes may lie beyond
 * ±180 where a ring across the 180° meridian was unwrapped.
 */
export interface Bounds {
  minLat: number;
  maxLat: number;
  minLon: number;
  maxLon: number;
}

/** A polygon's vertices and bounding box, in the form the tests read fastest. */
export interface PreparedPolygon extends Bounds {
  /**
   * Vertices as latitude, longitude, latitude, longitude, ... in degrees.
   * Longitudes are unwrapped: each differs from the previous one by at most
   * 180°, so a ring across the 180° meridian has longitudes beyond ±180
   * instead of a jump of almost 360°.
   */
  coordinates: Float64Array;
  vertexCount: number;
}

/**
 * Prepared polygons by the identity of the stored array. A polygon must not
 * be mutated after its first query, because the cache would keep the old
 * vertices. Alert records are never mutated: an Update replaces them.
 * `null` marks a ring that cannot be tested (fewer than three vertices or a
 * coordinate that is not a finite number).
 */
const preparedPolygons = new WeakMap<CapPolygon, PreparedPolygon | null>();

/** Returns the prepared form of a polygon, building and caching it on first use. */
export function preparePolygon(polygon: CapPolygon): PreparedPolygon | null {
  let prepared = preparedPolygons.get(polygon);
  if (prepared === undefined) {
    prepared = buildPreparedPolygon(polygon);
    preparedPolygons.set(polygon, prepared);
  }
  return prepared;
}

function buildPreparedPolygon(polygon: CapPolygon): PreparedPolygon | null {
  const vertexCount = polygon.length;
  if (vertexCount < 3) return null;

  const coordinates = new Float64Array(vertexCount * 2);
  let minLat = Infinity;
  let maxLat = -Infinity;
  let minLon = Infinity;
  let maxLon = -Infinity;
  let previousLon = 0;

  for (let i = 0; i < vertexCount; i++) {
    const point = polygon[i];
    const lat = point?.[0];
    let lon = point?.[1];
    if (
      typeof lat !== "number" ||
      typeof lon !== "number" ||
      !Number.isFinite(lat) ||
      !Number.isFinite(lon)
    ) {
      return null;
    }
    if (i > 0) {
      // Unwrap: a step of more than 180° is the short way round the other side.
      while (lon - previousLon > 180) lon -= 360;
      while (lon - previousLon < -180) lon += 360;
    }
    previousLon = lon;
    coordinates[2 * i] = lat;
    coordinates[2 * i + 1] = lon;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
    if (lon < minLon) minLon = lon;
    if (lon > maxLon) maxLon = lon;
  }
  // NOTE: a ring around a pole, whose longitudes run once round the globe,
  // unwraps to a closing edge 360° long and is not tested correctly.
  return { coordinates, vertexCount, minLat, maxLat, minLon, maxLon };
}

/**
 * Tests whether a point lies inside a prepared ring, by ray casting with the
 * even-odd rule. A self-intersecting ring (a "bow-tie") gets a deterministic
 * result: points in regions crossed an odd number of times are inside. The
 * closing edge from the last vertex to the first is always tested, so an
 * unclosed stored ring behaves as if closed. A point exactly on an edge may be
 * reported either way.
 */
export function pointInPreparedPolygon(
  prepared: PreparedPolygon,
  lat: number,
  lon: number,
): boolean {
  const coordinates = prepared.coordinates;
  const last = prepared.vertexCount - 1;
  let inside = false;
  let previousLat = coordinates[2 * last]!;
  let previousLon = coordinates[2 * last + 1]!;

  for (let i = 0; i <= last; i++) {
    const vertexLat = coordinates[2 * i]!;
    const vertexLon = coordinates[2 * i + 1]!;
    // The edge straddles the point's latitude, so vertexLat !== previousLat
    // and the division is safe.
    if (
      vertexLat > lat !== previousLat > lat &&
      lon <
        ((previousLon - vertexLon) * (lat - vertexLat)) /
          (previousLat - vertexLat) +
          vertexLon
    ) {
      inside = !inside;
    }
    previousLat = vertexLat;
    previousLon = vertexLon;
  }
  return inside;
}

/**
 * Tests whether any edge of a prepared ring comes within `radiusKm` of a
 * point.
 *
 * The distance uses a local equirectangular projection centred on the point:
 * y = Δlatitude and x = Δlongitude × cos(latitude of the point), both in
 * degrees, times 111.195 km per degree. Straight edges in latitude/longitude
 * stay straight in this projection, so the distance to an edge is exact
 * planar geometry. The error comes from the east-west scale, which is right
 * only at the point's latitude. An edge at distance r from the point is off by
 * a factor of about tan(latitude) × r / 6371 km: for r = 50 km that is 0.8 % at
 * 45° and 1.4 % at 60° of latitude. The approximation is poor within a few
 * hundred kilometres of a pole and for radii of thousands of kilometres.
 * `cosLat` is cos(lat) and must be above 0.
 */
export function preparedPolygonWithinKm(
  prepared: PreparedPolygon,
  lat: number,
  lon: number,
  radiusKm: number,
  cosLat: number,
): boolean {
  const coordinates = prepared.coordinates;
  const last = prepared.vertexCount - 1;
  const radius = radiusKm / KM_PER_DEGREE;
  const radiusSquared = radius * radius;

  let previousY = coordinates[2 * last]! - lat;
  let previousX = (coordinates[2 * last + 1]! - lon) * cosLat;

  for (let i = 0; i <= last; i++) {
    const y = coordinates[2 * i]! - lat;
    const x = (coordinates[2 * i + 1]! - lon) * cosLat;
    const x1 = previousX;
    const y1 = previousY;
    previousX = x;
    previousY = y;

    // Skip edges lying wholly on one side of the square around the disc.
    if (
      (y > radius && y1 > radius) ||
      (y < -radius && y1 < -radius) ||
      (x > radius && x1 > radius) ||
      (x < -radius && x1 < -radius)
    ) {
      continue;
    }

    // Closest point of the segment (x1, y1)-(x, y) to the origin.
    const dx = x - x1;
    const dy = y - y1;
    const lengthSquared = dx * dx + dy * dy;
    let t = lengthSquared > 0 ? -(x1 * dx + y1 * dy) / lengthSquared : 0;
    if (t < 0) t = 0;
    else if (t > 1) t = 1;
    const closestX = x1 + t * dx;
    const closestY = y1 + t * dy;
    if (closestX * closestX + closestY * closestY <= radiusSquared) return true;
  }
  return false;
}

/** Below this cosine of the latitude (within about 6 mm of a pole), a point counts as the pole. */
export const MIN_COS_LAT = 1e-9;

/** The latitude whose cosine `cachedCosLat` holds, so repeated queries skip Math.cos. */
let cachedLat = NaN;
let cachedCosLat = NaN;

/** Returns cos(lat) for a latitude in degrees, remembering the last one. */
export function cosLatitude(lat: number): number {
  if (lat !== cachedLat) {
    cachedLat = lat;
    cachedCosLat = Math.cos((lat * Math.PI) / 180);
  }
  return cachedCosLat;
}

/**
 * Tests whether the disc of `radiusKm` (0 or more) around a point may meet
 * a bounding box: whether the point lies in the box widened by the radius.
 * The point is tried at `lon`, `lon + 360` and `lon - 360`, because unwrapped
 * boxes may extend beyond ±180. The latitude is tested first because it
 * rejects most boxes at the lowest cost.
 */
export function discNearBounds(
  bounds: Bounds,
  lat: number,
  lon: number,
  radiusKm: number,
): boolean {
  const latPadding = radiusKm / KM_PER_DEGREE;
  if (lat < bounds.minLat - latPadding || lat > bounds.maxLat + latPadding) {
    return false;
  }
  const lonPadding = lonPaddingFor(lat, radiusKm);
  const west = bounds.minLon - lonPadding;
  const east = bounds.maxLon + lonPadding;
  return (
    (lon >= west && lon <= east) ||
    (lon + 360 >= west && lon + 360 <= east) ||
    (lon - 360 >= west && lon - 360 <= east)
  );
}

/**
 * Returns the longitude padding in degrees that covers a disc of
 * `radiusKm` around a point at latitude `lat`, matching the projection of
 * `preparedPolygonWithinKm`. Near a pole it is Infinity.
 */
export function lonPaddingFor(lat: number, radiusKm: number): number {
  if (radiusKm <= 0) return 0;
  const cosLat = cosLatitude(lat);
  return cosLat < MIN_COS_LAT ? Infinity : radiusKm / KM_PER_DEGREE / cosLat;
}

/**
 * Tests whether the disc of `radiusKm` kilometres around a point meets a
 * polygon: the point lies inside the ring, or, when the radius is above 0, an
 * edge comes within the radius (see `preparedPolygonWithinKm` for the
 * approximation). The bounding box, widened by the radius, is tested first.
 *
 * A ring that crosses the 180° meridian has unwrapped longitudes beyond ±180,
 * so the point is tested at `lon`, `lon + 360` and `lon - 360`. A ring that
 * cannot be prepared meets nothing.
 */
export function polygonMeetsDisc(
  polygon: CapPolygon,
  lat: number,
  lon: number,
  radiusKm: number,
): boolean {
  const prepared = preparePolygon(polygon);
  if (prepared === null) return false;

  const radius = radiusKm > 0 ? radiusKm : 0;
  const latPadding = radius / KM_PER_DEGREE;
  if (
    lat < prepared.minLat - latPadding ||
    lat > prepared.maxLat + latPadding
  ) {
    return false;
  }

  const cosLat = radius > 0 ? cosLatitude(lat) : 1;
  if (cosLat < MIN_COS_LAT) {
    // At a pole the projection fails. The point of a ring nearest the pole
    // is its vertex of highest (or lowest) latitude, because edges are
    // straight in latitude/longitude.
    const nearestLat = lat > 0 ? prepared.maxLat : prepared.minLat;
    return Math.abs(lat - nearestLat) <= latPadding;
  }
  const lonPadding = latPadding / cosLat;

  for (let shift = -360; shift <= 360; shift += 360) {
    const shiftedLon = lon + shift;
    if (
      shiftedLon < prepared.minLon - lonPadding ||
      shiftedLon > prepared.maxLon + lonPadding
    ) {
      continue;
    }
    if (pointInPreparedPolygon(prepared, lat, shiftedLon)) return true;
    if (
      radius > 0 &&
      preparedPolygonWithinKm(prepared, lat, shiftedLon, radius, cosLat)
    ) {
      return true;
    }
  }
  return false;
}
