/**
 * The fetch function `AlertClient` polls feeds with: signature checks for
 * feeds with a publisher's key, under shard selection for feed indexes, so
 * the index and every shard are each checked against the index's key.
 */
import type { ReaderLocation } from "../../geo/concerns.js";
import { verifyingFetch } from "../../signing/client/verifying-fetch.js";
import { FeedKeyRing } from "../../signing/feed-key-ring.js";
import { shardedFetch, type ShardedFetch } from "./sharded-fetch.js";

/** The fetch function for feed polling, and which feeds turned out to be indexes. */
export type ReaderFeedFetch = ShardedFetch;

export interface ReaderFeedFetchOptions {
  /** Public key by feed URL (see `FeedKeyRing`); feeds without one are not checked. */
  feedKeys?: Record<string, string>;
  /** Returns the reader's place and regions at the time of the request. */
  reader: () => ReaderLocation;
  /** The clock for alert end times, in milliseconds since the epoch. */
  now?: () => number;
}

/**
 * Wraps `base` (the platform's fetch) for feed polling. Throws a TypeError
 * for a key or feed URL in `feedKeys` that cannot be read.
 */
export function readerFeedFetch(
  base: typeof fetch,
  options: ReaderFeedFetchOptions,
): ReaderFeedFetch {
  const keys = new FeedKeyRing(options.feedKeys ?? {});
  const verified = keys.isEmpty ? base : verifyingFetch(base, keys);
  return shardedFetch(verified, {
    reader: options.reader,
    keys,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
}
