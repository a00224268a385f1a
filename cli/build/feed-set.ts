/**
 * Lays out a feed set: the files of every shard and of all alerts, and
 * `index.json`, as file names and exact bytes. Everything is sorted and
 * nothing depends on the clock, so the same input gives the same bytes.
 */
import { writeAtomFeed } from "../../shared/formats/write-atom-feed.js";
import { writeJsonFeed } from "../../shared/formats/json-feed.js";
import type { CapAlert } from "../../shared/model/cap.js";
import {
  FEED_INDEX_FORMAT,
  FEED_INDEX_VERSION,
  type FeedFiles,
  type FeedIndex,
  type ShardEntry,
} from "../../shared/shards/feed-index.js";
import type {
  ShardDefinition,
  ShardPlan,
} from "../../shared/shards/shard-plan.js";
import { compareBytes } from "../list-files.js";
import type { SelectedMessage } from "./select-messages.js";

/** The name of the index file. */
export const INDEX_FILE = "index.json";

/** The id under which the feed of every alert is written: all.json and all.atom. */
export const ALL_FEEDS_ID = "all";

/** A file of the feed set. */
export interface FeedSetFile {
  name: string;
  bytes: Uint8Array;
}

export interface FeedSetOptions {
  /** CAP dateTime written as each feed's `generated` and `updated`. */
  generated: string;
  /** Absolute URL of the folder the files are served from, ending in "/". */
  baseUrl?: string;
}

/** Returns the files of a feed set, index.json last. */
export function layOutFeedSet(
  messages: readonly SelectedMessage[],
  plan: ShardPlan,
  options: FeedSetOptions,
): { files: FeedSetFile[]; index: FeedIndex } {
  const ownIds = new Set(messages.flatMap((message) => message.shardIds ?? []));
  const shardIds = [...new Set([...ownIds, ...plan.siblingIdsOf(ownIds)])].sort(
    compareBytes,
  );

  const files: FeedSetFile[] = [];
  const shards: ShardEntry[] = shardIds.map((id) => {
    const definition = plan.definition(id)!;
    const alerts = messages
      .filter((message) => message.shardIds?.includes(id) ?? true)
      .map((message) => message.alert);
    return {
      ...describe(definition),
      ...writeFeeds(
        id,
        `Child alerts: ${definition.description}`,
        alerts,
        options,
        files,
      ),
    };
  });
  const all = writeFeeds(
    ALL_FEEDS_ID,
    "Child alerts: every region",
    messages.map((message) => message.alert),
    options,
    files,
  );
  const index: FeedIndex = {
    format: FEED_INDEX_FORMAT,
    version: FEED_INDEX_VERSION,
    generated: options.generated,
    all,
    shards,
  };
  files.push({ name: INDEX_FILE, bytes: utf8(`${JSON.stringify(index)}\n`) });
  return { files, index };
}

/** The index fields of a shard, in a fixed order. */
function describe(definition: ShardDefinition) {
  return {
    id: definition.id,
    level: definition.level,
    ...(definition.country === undefined
      ? {}
      : { country: definition.country }),
    description: definition.description,
    ...(definition.bounds === undefined
      ? {}
      : {
          bounds: {
            minLat: definition.bounds.minLat,
            maxLat: definition.bounds.maxLat,
            minLon: definition.bounds.minLon,
            maxLon: definition.bounds.maxLon,
          },
        }),
    geocodes: definition.geocodes.map((scope) => ({
      scheme: scope.scheme,
      prefix: scope.prefix,
    })),
  };
}

function writeFeeds(
  id: string,
  title: string,
  alerts: CapAlert[],
  options: FeedSetOptions,
  files: FeedSetFile[],
): FeedFiles {
  const json = `${id}.json`;
  const atom = `${id}.atom`;
  const url = (name: string) =>
    options.baseUrl === undefined ? name : new URL(name, options.baseUrl).href;
  files.push({
    name: json,
    bytes: utf8(writeJsonFeed(alerts, options.generated)),
  });
  files.push({
    name: atom,
    bytes: utf8(
      writeAtomFeed(alerts, {
        id:
          options.baseUrl === undefined
            ? `urn:child-alert-feed:${id}`
            : url(atom),
        title,
        updated: options.generated,
        ...(options.baseUrl === undefined ? {} : { selfUrl: url(atom) }),
      }),
    ),
  });
  return {
    json,
    atom,
    jsonUrl: url(json),
    atomUrl: url(atom),
    alerts: alerts.filter((alert) => alert.msgType !== "Cancel").length,
    cancels: alerts.filter((alert) => alert.msgType === "Cancel").length,
  };
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
