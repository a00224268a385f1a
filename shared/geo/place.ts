/**
 * Matching alert areas against the reader's place. The place stays on the
 * device: nothing here sends it anywhere.
 */
import type { CapArea, CapCircle } from "../model/cap.js";
import { areaBoundsOf } from "./area-bounds.js";
import { haversineKm, KM_PER_DEGREE } from "./distance.js";
import { discNearBounds, polygonMeetsDisc } from "./polygon-index.js";

/** The reader's place: a point in WGS 84 degrees and how far around it they care about. */
export interface Place {
  lat: number;
  lon: number;
  /** Radius in kilometres, 0 or more. 0 means the point alone. */
  radius: number;
}

/**
 * Slack in kilometres (1 mm) for the circle test, so two discs that touch
 * exactly still meet despite floating-point rounding.
 */
const TOUCH_TOLERANCE_KM = 1e-6;

/**
 * Tests whether the reader's disc (the place's point and radius) meets any
 * polygon or circle of the area. Geocodes are not considered here (see
 * `areaConcernsRegions`). A place whose coordinates are not finite numbers
 * concerns no area, and a negative or non-numeric radius counts as 0.
 */
export function areaConcernsPlace(area: CapArea, place: Place): boolean {
  const { lat, lon } = place;
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return false;
  const radius = place.radius > 0 ? place.radius : 0;

  const bounds = areaBoundsOf(area);
  if (discNearBounds(bounds, lat, lon, radius)) {
    for (const polygon of area.polygon) {
      if (polygonMeetsDisc(polygon, lat, lon, radius)) return true;
    }
  }
  if (bounds.circleCount > 0) {
    for (const circle of area.circle) {
      if (circleMeetsDisc(circle, lat, lon, radius)) return true;
    }
  }
  return false;
}

/**
 * Tests whether a CAP circle meets the disc of `radiusKm` around a point: the
 * great-circle distance between the centres is at most the sum of the radii.
 * A circle of radius 0 is its centre alone.
 */
export function circleMeetsDisc(
  circle: CapCircle,
  lat: number,
  lon: number,
  radiusKm: number,
): boolean {
  const reach = circle.radius + radiusKm + TOUCH_TOLERANCE_KM;
  // The latitude difference alone is a lower bound of the distance.
  if (Math.abs(circle.lat - lat) * KM_PER_DEGREE > reach) return false;
  return haversineKm(circle.lat, circle.lon, lat, lon) <= reach;
}
