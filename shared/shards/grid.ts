/**
 * The fallback grid: fixed 5° by 5° latitude/longitude cells for places
 * outside the boxes of the built-in region table. A cell's id names its
 * south-west corner, such as "grid-n35-e020" for 35°N to 40°N, 20°E to 25°E.
 */
import type { Bounds } from "../geo/polygon-index.js";

/** Size of a grid cell, in degrees of latitude and of longitude. */
export const GRID_DEGREES = 5;

/** One grid cell. */
export interface GridCell {
  id: string;
  description: string;
  bounds: Bounds;
}

/** Returns the cell whose south-west corner is at the given multiples of GRID_DEGREES. */
export function gridCell(south: number, west: number): GridCell {
  const north = south + GRID_DEGREES;
  const east = west + GRID_DEGREES;
  const latitude = (value: number) =>
    value < 0 ? `${-value}°S` : `${value}°N`;
  const longitude = (value: number) =>
    value < 0 ? `${-value}°W` : `${value}°E`;
  const latitudeId = `${south < 0 ? "s" : "n"}${String(Math.abs(south)).padStart(2, "0")}`;
  const longitudeId = `${west < 0 ? "w" : "e"}${String(Math.abs(west)).padStart(3, "0")}`;
  return {
    id: `grid-${latitudeId}-${longitudeId}`,
    description: `Grid cell ${latitude(south)} to ${latitude(north)}, ${longitude(west)} to ${longitude(east)}`,
    bounds: { minLat: south, maxLat: north, minLon: west, maxLon: east },
  };
}

/** Returns every grid cell that meets a box, edges included. */
export function gridCellsMeeting(bounds: Bounds): GridCell[] {
  const cells: GridCell[] = [];
  const first = (value: number, limit: number) =>
    Math.min(
      Math.floor(Math.max(value, -limit) / GRID_DEGREES) * GRID_DEGREES,
      limit - GRID_DEGREES,
    );
  const southFirst = first(bounds.minLat, 90);
  const westFirst = first(bounds.minLon, 180);
  for (let south = southFirst; south <= bounds.maxLat && south < 90;) {
    for (let west = westFirst; west <= bounds.maxLon && west < 180;) {
      cells.push(gridCell(south, west));
      west += GRID_DEGREES;
    }
    south += GRID_DEGREES;
  }
  return cells;
}
