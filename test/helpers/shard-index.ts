/**
 * Builds a feed index in memory from a shard plan, as the feed tool lays
 * it out, for tests of shard selection that run in browsers too (the feed
 * tool itself runs in Node only).
 */
import type { CapAlert } from "../../shared/model/cap.js";
import {
  FEED_INDEX_FORMAT,
  FEED_INDEX_VERSION,
  type FeedFiles,
  type FeedIndex,
  type ShardEntry,
} from "../../shared/shards/feed-index.js";
import { ShardPlan } from "../../shared/shards/shard-plan.js";

function files(id: string, count: number): FeedFiles {
  return {
    json: `${id}.json`,
    atom: `${id}.atom`,
    jsonUrl: `${id}.json`,
    atomUrl: `${id}.atom`,
    alerts: count,
    cancels: 0,
  };
}

/** Returns the index of the shards that `alerts` fill, and each alert's shard ids. */
export function indexForAlerts(alerts: readonly CapAlert[]): {
  index: FeedIndex;
  shardIds: Map<CapAlert, string[]>;
} {
  const plan = new ShardPlan(alerts);
  const shardIds = new Map(
    alerts.map((alert) => [alert, plan.shardIdsOf(alert)]),
  );
  const own = new Set([...shardIds.values()].flat());
  const ids = [...new Set([...own, ...plan.siblingIdsOf(own)])].sort();
  const shards: ShardEntry[] = ids.map((id) => {
    const definition = plan.definition(id)!;
    const count = [...shardIds.values()].filter((list) =>
      list.includes(id),
    ).length;
    return { ...definition, ...files(id, count) };
  });
  return {
    index: {
      format: FEED_INDEX_FORMAT,
      version: FEED_INDEX_VERSION,
      generated: "2026-12-04T16:00:00+00:00",
      all: files("all", alerts.length),
      shards,
    },
    shardIds,
  };
}
