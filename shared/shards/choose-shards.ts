/**
 * Choosing the shards of a feed index for a reader, on the device: the
 * place and regions are compared with the index's boxes and geocode scopes
 * and are never sent anywhere.
 */
import type { ReaderLocation } from "../geo/concerns.js";
import type { Bounds } from "../geo/polygon-index.js";
import type { FeedFiles, FeedIndex, ShardEntry } from "./feed-index.js";
import { readSchemeCode, scopeCovers } from "./geocode-scope.js";
import { boundsContain, boundsMeet, discBounds } from "./shard-bounds.js";

/**
 * Returns the feeds of `index` that together hold every alert that can
 * concern the reader, sorted by file name. The rules, which rely on how
 * shard-plan.ts fills the shards:
 *
 * - A place: the smallest subdivision shard whose box contains the box
 *   around the reader's disc. Without one, the smallest such country
 *   shard. Without that either, every country and grid shard whose box
 *   meets the disc's box.
 * - A region ("valueName:value"): the shard whose geocode scope covers it
 *   with the longest prefix. A region in a scheme that shards are not cut by
 *   (geocode-scope.ts lists the schemes) needs the feed of every alert.
 * - Neither a place nor a region: the feed of every alert, as without shards.
 *
 * The result is empty when no shard covers the reader: then no alert of
 * this feed set can concern them, and only the index needs polling.
 */
export function chooseShards(
  index: FeedIndex,
  reader: ReaderLocation,
): FeedFiles[] {
  const place = reader.place ?? null;
  const regions = reader.regions ?? [];
  if (place === null && regions.length === 0) return [index.all];

  const chosen = new Map<string, ShardEntry>();
  if (place !== null) {
    const disc = discBounds(place.lat, place.lon, place.radius);
    if (disc !== null) {
      for (const shard of shardsForDisc(index.shards, disc)) {
        chosen.set(shard.id, shard);
      }
    }
  }
  for (const region of regions) {
    const code = readSchemeCode(region);
    if (code === null) return [index.all];
    let best: { shard: ShardEntry; prefixLength: number } | null = null;
    for (const shard of index.shards) {
      for (const scope of shard.geocodes) {
        if (!scopeCovers(scope, code)) continue;
        const longer =
          best === null ||
          scope.prefix.length > best.prefixLength ||
          (scope.prefix.length === best.prefixLength &&
            shard.id < best.shard.id);
        if (longer) best = { shard, prefixLength: scope.prefix.length };
      }
    }
    if (best !== null) chosen.set(best.shard.id, best.shard);
  }
  return [...chosen.values()].sort((a, b) => compareText(a.id, b.id));
}

function shardsForDisc(
  shards: readonly ShardEntry[],
  disc: Bounds,
): ShardEntry[] {
  for (const level of ["subdivision", "country"] as const) {
    const containing = shards.filter(
      (shard) =>
        shard.level === level &&
        shard.bounds !== undefined &&
        boundsContain(shard.bounds, disc),
    );
    const smallest = containing.sort(
      (a, b) =>
        boxArea(a.bounds!) - boxArea(b.bounds!) || compareText(a.id, b.id),
    )[0];
    if (smallest !== undefined) return [smallest];
  }
  return shards.filter(
    (shard) =>
      shard.level !== "subdivision" &&
      shard.bounds !== undefined &&
      boundsMeet(shard.bounds, disc),
  );
}

function boxArea(bounds: Bounds): number {
  return (bounds.maxLat - bounds.minLat) * (bounds.maxLon - bounds.minLon);
}

function compareText(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
