/**
 * Great-circle distances on a spherical Earth.
 *
 * Distances on a sphere of the mean Earth radius differ from those on the
 * WGS 84 ellipsoid by up to about 0.5 %, far less than the precision with
 * which any alert area is drawn.
 */

/** Mean Earth radius in kilometres: (2a + b) / 3 of the WGS 84 ellipsoid. */
export const EARTH_RADIUS_KM = 6371.0088;

/** Kilometres per degree of latitude, and of longitude at the equator. */
export const KM_PER_DEGREE = (Math.PI / 180) * EARTH_RADIUS_KM;

const RADIANS_PER_DEGREE = Math.PI / 180;

/**
 * Returns the great-circle distance in kilometres between two points given in
 * degrees, by the haversine formula, which stays accurate for points close
 * together and for antipodes.
 */
export function haversineKm(
  lat1: number,
  lon1: number,
  lat2: number,
  lon2: number,
): number {
  const phi1 = lat1 * RADIANS_PER_DEGREE;
  const phi2 = lat2 * RADIANS_PER_DEGREE;
  const sinHalfDeltaPhi = Math.sin((phi2 - phi1) / 2);
  const sinHalfDeltaLambda = Math.sin(((lon2 - lon1) * RADIANS_PER_DEGREE) / 2);
  const a =
    sinHalfDeltaPhi * sinHalfDeltaPhi +
    Math.cos(phi1) * Math.cos(phi2) * sinHalfDeltaLambda * sinHalfDeltaLambda;
  // Rounding can push `a` just above 1 for antipodes, where asin returns NaN.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, a)));
}
