/** Deciding whether an alert's info block concerns the reader, by place or region. */
import type { CapInfo, CapValuePair } from "../model/cap.js";
import { areaConcernsRegions } from "./geocode.js";
import { areaConcernsPlace, type Place } from "./place.js";

/** The reader's configured location: a place, regions, both or neither. */
export interface ReaderLocation {
  place?: Place | null;
  regions?: readonly CapValuePair[];
}

/**
 * Tests whether an info block concerns the reader: some area meets the
 * reader's place (see `areaConcernsPlace`) or one of their regions (see
 * `areaConcernsRegions`).
 *
 * A reader who gave neither a place nor any region is concerned by every
 * info. Otherwise an area with no usable polygon, circle or matching geocode
 * concerns nobody, and neither does an info with no area at all.
 */
export function infoConcernsReader(
  info: CapInfo,
  reader: ReaderLocation,
): boolean {
  const place = reader.place ?? null;
  const regions = reader.regions ?? [];
  if (place === null && regions.length === 0) return true;

  for (const area of info.area) {
    if (place !== null && areaConcernsPlace(area, place)) return true;
    if (regions.length > 0 && areaConcernsRegions(area, regions)) return true;
  }
  return false;
}
