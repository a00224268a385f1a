/**
 * Boxes for shard assignment and selection: the box around an area's
 * polygons and circles, the box around a reader's disc, and the tests
 * between boxes. Every box here errs on the large side, because a box too
 * large only adds shards, while one too small could miss an alert.
 */
import { KM_PER_DEGREE } from "../geo/distance.js";
import { preparePolygon, type Bounds } from "../geo/polygon-index.js";
import type { CapArea } from "../model/cap.js";

/** Slack added to every side of a computed box, in degrees (about 1 km). */
const SLACK_DEGREES = 0.01;

/** Relative slack on a radius, for the sphere's curvature and the planar edges place.ts draws. */
const RADIUS_SLACK = 1.01;

/** Returns the box of every longitude between two latitudes. */
function band(minLat: number, maxLat: number): Bounds {
  return { minLat, maxLat, minLon: -180, maxLon: 180 };
}

/** Tests whether two boxes share at least one point (edges included). */
export function boundsMeet(a: Bounds, b: Bounds): boolean {
  return (
    a.minLat <= b.maxLat &&
    b.minLat <= a.maxLat &&
    a.minLon <= b.maxLon &&
    b.minLon <= a.maxLon
  );
}

/** Tests whether `inner` lies entirely inside `outer`. */
export function boundsContain(outer: Bounds, inner: Bounds): boolean {
  return (
    outer.minLat <= inner.minLat &&
    inner.maxLat <= outer.maxLat &&
    outer.minLon <= inner.minLon &&
    inner.maxLon <= outer.maxLon
  );
}

/**
 * Returns the box around a disc of `radiusKm` around a point, or null when
 * the point is not a finite coordinate. A disc that reaches a pole or the
 * 180° meridian gets the whole band of longitudes.
 */
export function discBounds(
  lat: number,
  lon: number,
  radiusKm: number,
): Bounds | null {
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  const radius = radiusKm > 0 ? radiusKm * RADIUS_SLACK : 0;
  const dLat = radius / KM_PER_DEGREE + SLACK_DEGREES;
  const minLat = Math.max(-90, lat - dLat);
  const maxLat = Math.min(90, lat + dLat);
  // Longitude degrees are shortest at the latitude nearest a pole.
  const cosine = Math.cos(
    (Math.max(Math.abs(minLat), Math.abs(maxLat)) * Math.PI) / 180,
  );
  if (cosine < 1e-6) return band(minLat, maxLat);
  const dLon = radius / (KM_PER_DEGREE * cosine) + SLACK_DEGREES;
  if (lon - dLon < -180 || lon + dLon > 180) return band(minLat, maxLat);
  return { minLat, maxLat, minLon: lon - dLon, maxLon: lon + dLon };
}

/**
 * Returns the box around every polygon and circle of an area, or null when
 * it has none that can be tested. A polygon that crosses the 180° meridian
 * gets the whole band of longitudes.
 */
export function areaGeometryBounds(area: CapArea): Bounds | null {
  let bounds: Bounds | null = null;
  const add = (next: Bounds) => {
    bounds =
      bounds === null
        ? { ...next }
        : {
            minLat: Math.min(bounds.minLat, next.minLat),
            maxLat: Math.max(bounds.maxLat, next.maxLat),
            minLon: Math.min(bounds.minLon, next.minLon),
            maxLon: Math.max(bounds.maxLon, next.maxLon),
          };
  };
  for (const polygon of area.polygon) {
    const prepared = preparePolygon(polygon);
    if (prepared === null) continue;
    const minLat = prepared.minLat - SLACK_DEGREES;
    const maxLat = prepared.maxLat + SLACK_DEGREES;
    if (prepared.minLon < -180 || prepared.maxLon > 180) {
      add(band(minLat, maxLat));
    } else {
      add({
        minLat,
        maxLat,
        minLon: prepared.minLon - SLACK_DEGREES,
        maxLon: prepared.maxLon + SLACK_DEGREES,
      });
    }
  }
  for (const circle of area.circle) {
    const disc = discBounds(circle.lat, circle.lon, circle.radius);
    if (disc !== null) add(disc);
  }
  return bounds;
}
