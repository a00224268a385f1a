/**
 * Which shards an alert belongs in, for `child-alert-feed build`.
 *
 * An area belongs in:
 * - every region of the table (region-table.ts) whose box meets the box of
 *   the area's polygons and circles;
 * - every grid cell (grid.ts) that meets that box and does not lie entirely
 *   inside the box of a country of the table, unless the area's box lies
 *   entirely inside one such country box;
 * - every region whose geocode scopes touch one of the area's geocodes
 *   (geocode-scope.ts), including NUTS regions of countries outside the
 *   table, which are made from the codes seen.
 * An alert belongs where its areas do, over all its info blocks.
 *
 * This makes `chooseShards` complete. A reader whose disc lies inside a
 * shard's box gets every alert whose area meets the disc from that one
 * shard. A reader whose disc lies inside no country box finds each such
 * alert in a country shard or a grid cell that the disc meets.
 */
import type { Bounds } from "../geo/polygon-index.js";
import type { CapAlert } from "../model/cap.js";
import type { ShardLevel } from "./feed-index.js";
import {
  readSchemeCode,
  scopeTouches,
  type GeocodeScope,
  type SchemeCode,
} from "./geocode-scope.js";
import { gridCellsMeeting } from "./grid.js";
import { nutsRegions, REGION_TABLE } from "./region-table.js";
import {
  areaGeometryBounds,
  boundsContain,
  boundsMeet,
} from "./shard-bounds.js";

/** A shard before it has files: its id, what it covers, and its name in words. */
export interface ShardDefinition {
  id: string;
  level: ShardLevel;
  country?: string;
  description: string;
  bounds?: Bounds;
  geocodes: GeocodeScope[];
}

/** The shards for a set of alerts, with the regions the alerts' geocodes call for. */
export class ShardPlan {
  private readonly regions: ShardDefinition[];
  private readonly countryBoxes: Bounds[];
  private readonly gridCells = new Map<string, ShardDefinition>();

  /** Plans for `alerts`: NUTS codes of countries outside the table add regions. */
  constructor(alerts: readonly CapAlert[]) {
    const regions = new Map<string, ShardDefinition>();
    for (const region of REGION_TABLE) regions.set(region.id, region);
    for (const code of schemeCodes(alerts)) {
      if (code.scheme !== "NUTS") continue;
      for (const region of nutsRegions(code.code)) {
        if (!regions.has(region.id)) regions.set(region.id, region);
      }
    }
    this.regions = [...regions.values()];
    this.countryBoxes = this.regions.flatMap((region) =>
      region.level === "country" && region.bounds !== undefined
        ? [region.bounds]
        : [],
    );
  }

  /** Returns the ids of the shards an alert belongs in, sorted. */
  shardIdsOf(alert: CapAlert): string[] {
    const ids = new Set<string>();
    for (const info of alert.info) {
      for (const area of info.area) {
        const box = areaGeometryBounds(area);
        if (box !== null) this.addGeometry(box, ids);
        for (const geocode of area.geocode) {
          const code = readSchemeCode(geocode);
          if (code !== null) this.addGeocode(code, ids);
        }
      }
    }
    return [...ids].sort();
  }

  /**
   * Returns the ids of the table regions with boxes in the same countries
   * as the given shards. The feed tool writes these too, even when empty,
   * so that a reader in such a country always finds the shard for their
   * place instead of falling back to the whole country.
   */
  siblingIdsOf(ids: Iterable<string>): string[] {
    const countries = new Set<string>();
    for (const id of ids) {
      const region = this.definition(id);
      if (region?.bounds !== undefined && region.country !== undefined) {
        countries.add(region.country);
      }
    }
    return this.regions
      .filter(
        (region) =>
          region.bounds !== undefined && countries.has(region.country ?? ""),
      )
      .map((region) => region.id);
  }

  /** Returns the definition of a shard this plan has named, or undefined. */
  definition(id: string): ShardDefinition | undefined {
    return (
      this.gridCells.get(id) ?? this.regions.find((region) => region.id === id)
    );
  }

  private addGeometry(box: Bounds, ids: Set<string>): void {
    for (const region of this.regions) {
      if (region.bounds !== undefined && boundsMeet(region.bounds, box)) {
        ids.add(region.id);
      }
    }
    if (this.countryBoxes.some((country) => boundsContain(country, box))) {
      return;
    }
    for (const cell of gridCellsMeeting(box)) {
      const covered = this.countryBoxes.some((country) =>
        boundsContain(country, cell.bounds),
      );
      if (covered) continue;
      this.gridCells.set(cell.id, { ...cell, level: "grid", geocodes: [] });
      ids.add(cell.id);
    }
  }

  private addGeocode(code: SchemeCode, ids: Set<string>): void {
    for (const region of this.regions) {
      if (region.geocodes.some((scope) => scopeTouches(scope, code))) {
        ids.add(region.id);
      }
    }
  }
}

function* schemeCodes(alerts: readonly CapAlert[]): Generator<SchemeCode> {
  for (const alert of alerts) {
    for (const info of alert.info) {
      for (const area of info.area) {
        for (const geocode of area.geocode) {
          const code = readSchemeCode(geocode);
          if (code !== null) yield code;
        }
      }
    }
  }
}
