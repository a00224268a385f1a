/**
 * One bounding box per CAP area, around all of its polygons, so that a query
 * over many alerts rejects most areas after a single property read.
 *
 * The box is stored on the area object itself, under a module-private symbol,
 * as a non-enumerable, read-only property. JSON, structured cloning
 * (IndexedDB, postMessage), `Object.keys` and chai's deep equality all skip
 * such a property, so the record stays the same plain data. A WeakMap keyed
 * by the area measured about twice the cost per area with 10,000 polygons
 * in memory (a place-matching micro-benchmark since folded into
 * bench/geo/, Node 20 on a 2-core AMD EPYC
 * virtual machine), and that lookup dominated a query in which most areas
 * miss. A frozen or sealed area, which cannot take
 * the property, falls back to a WeakMap.
 */
import type { CapArea } from "../model/cap.js";
import { preparePolygon, type Bounds } from "./polygon-index.js";

/** An area's polygon box and its number of circles, so circle-free areas skip the circle list. */
export interface AreaBounds extends Bounds {
  circleCount: number;
}

const AREA_BOUNDS: unique symbol = Symbol("child-alert area bounds");

interface AreaWithBounds extends CapArea {
  readonly [AREA_BOUNDS]?: AreaBounds;
}

/** Boxes of areas that are not extensible, by the identity of the area. */
const nonExtensibleAreaBounds = new WeakMap<CapArea, AreaBounds>();

/**
 * Returns the box around every testable polygon of an area and its number of
 * circles, building and caching them on first use. An area without testable
 * polygons gets an empty box (minimum Infinity, maximum -Infinity), which no
 * point is near. An area must not be mutated after its first query, because
 * the cache would keep the old box. Alert records are never mutated: an
 * Update replaces them.
 */
export function areaBoundsOf(area: CapArea): AreaBounds {
  return (area as AreaWithBounds)[AREA_BOUNDS] ?? cacheAreaBounds(area);
}

function cacheAreaBounds(area: CapArea): AreaBounds {
  const cached = nonExtensibleAreaBounds.get(area);
  if (cached !== undefined) return cached;

  const bounds = buildAreaBounds(area);
  if (Object.isExtensible(area)) {
    Object.defineProperty(area, AREA_BOUNDS, { value: bounds });
  } else {
    nonExtensibleAreaBounds.set(area, bounds);
  }
  return bounds;
}

function buildAreaBounds(area: CapArea): AreaBounds {
  let minLat = Infinity;
  let maxLat = -Infinity;
  let minLon = Infinity;
  let maxLon = -Infinity;
  for (const polygon of area.polygon) {
    const prepared = preparePolygon(polygon);
    if (prepared === null) continue;
    minLat = Math.min(minLat, prepared.minLat);
    maxLat = Math.max(maxLat, prepared.maxLat);
    minLon = Math.min(minLon, prepared.minLon);
    maxLon = Math.max(maxLon, prepared.maxLon);
  }
  return { minLat, maxLat, minLon, maxLon, circleCount: area.circle.length };
}
