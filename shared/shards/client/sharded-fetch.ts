/**
 * A `fetch` that turns a feed index (`index.json` of the feed tool) into
 * one feed of the shards the reader needs.
 *
 * A response is an index when its JSON names the format
 * "child-alert-feed-index" within its first 4 KiB (the feed tool writes it
 * first). From then on, a request for that URL fetches the index and the
 * shards that `chooseShards` picks for the reader's current place and
 * regions, each with its own conditional request, and returns one Child
 * Alert JSON feed of their alerts. Its ETag combines the index's and the
 * shards' validators, so the client's own conditional request gets a 304
 * when nothing it reads has changed. Every other response passes through.
 *
 * A shard stays polled after the reader's place no longer needs it until
 * the last alert it delivered has ended, so that Updates and Cancels of
 * alerts the client stores still arrive.
 *
 * The place and regions are only compared with the index on the device:
 * the requests are the same for every reader of a shard.
 *
 * NOTE: validators of the index and shards are kept in memory, so the first
 * poll after a page load fetches them in full. And when AlertClients of one
 * origin share a poller (its `coordinate` option), the polling client's
 * place chooses the shards for all of them.
 */
import { readLimitedBody } from "../../client/read-limited-body.js";
import type { ReaderLocation } from "../../geo/concerns.js";
import { parseFeed } from "../../formats/parse-feed.js";
import { writeJsonFeed } from "../../formats/json-feed.js";
import { alertEnd } from "../../lifecycle/end-time.js";
import type { CapAlert } from "../../model/cap.js";
import { capTimeToEpochMs } from "../../time/cap-time.js";
import type { FeedKeyRing } from "../../signing/feed-key-ring.js";
import { chooseShards } from "../choose-shards.js";
import {
  FEED_INDEX_FORMAT,
  readFeedIndex,
  type FeedFiles,
  type FeedIndex,
} from "../feed-index.js";
import { startsLikeIndex } from "./starts-like-index.js";

/** Maximum index or shard body read, in bytes: 32 MiB, the feed parser's default limit. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

type Fetch = typeof fetch;

/** Settings of the sharded fetch, from the client. */
export interface ShardedFetchOptions {
  /** Returns the reader's place and regions at the time of the request. */
  reader: () => ReaderLocation;
  /** Keys of signed feeds: each shard is registered to use its index's key. */
  keys?: FeedKeyRing;
  /** The clock for alert end times, in milliseconds since the epoch. Default `Date.now`. */
  now?: () => number;
}

/** Validators and content of the last good response for one URL. */
interface Resource {
  etag?: string;
  lastModified?: string;
  /** A tag for the content: the ETag, else a hash of the bytes. */
  tag: string;
}

interface IndexState extends Resource {
  index: FeedIndex;
  date?: string;
}

interface ShardState extends Resource {
  alerts: CapAlert[];
  /** End of the last alert this shard delivered, in milliseconds since the epoch. */
  holdUntilMs: number;
}

/** A fetch function that also reports which URLs turned out to be feed indexes. */
export interface ShardedFetch {
  fetch: Fetch;
  /** Tells whether `url` returned a feed index, so a change of place needs a new poll. */
  isIndex(url: string): boolean;
}

/** Wraps `inner` so that feed indexes are read as the feed of the reader's shards. */
export function shardedFetch(
  inner: Fetch,
  options: ShardedFetchOptions,
): ShardedFetch {
  const indexes = new Map<string, IndexState>();
  const shards = new Map<string, ShardState>();
  const now = options.now ?? Date.now;

  const fetchIndexFeed = async (
    url: string,
    init: RequestInit | undefined,
    first: { response: Response; bytes: Uint8Array<ArrayBuffer> } | undefined,
  ): Promise<Response> => {
    let state = indexes.get(url);
    let indexResponse = first?.response;
    let bytes = first?.bytes;
    if (indexResponse === undefined) {
      indexResponse = await inner(url, withValidators(init, state));
      if (indexResponse.status === 200) {
        bytes = await readLimited(indexResponse, url);
      } else if (indexResponse.status !== 304 || state === undefined) {
        // A failed request (or a 304 to an index never read) is the
        // client's to report, as for any feed.
        return indexResponse;
      }
    }
    if (bytes !== undefined) {
      const index = readIndex(bytes, url);
      if (index === null) {
        // The URL serves a plain feed now: pass it on as one.
        indexes.delete(url);
        return new Response(bytes, {
          status: 200,
          headers: indexResponse.headers,
        });
      }
      state = {
        index,
        tag: indexResponse.headers.get("ETag") ?? hashBytes(bytes),
        ...validatorsOf(indexResponse),
      };
      indexes.set(url, state);
    }
    const date = indexResponse.headers.get("Date");
    if (date !== null) state!.date = date;

    const shardUrls = shardUrlsFor(url, state!.index, options.reader(), now());
    const tags = [state!.tag];
    const alerts: CapAlert[] = [];
    for (const shardUrl of shardUrls) {
      options.keys?.inherit(shardUrl, url);
      const shard = await fetchShard(shardUrl, url, init);
      tags.push(`${shardUrl} ${shard.tag}`);
      alerts.push(...shard.alerts);
    }

    const etag = `"child-alert-shards-${hashText(tags.join("\n"))}"`;
    const headers: Record<string, string> = { ETag: etag };
    if (state!.date !== undefined) headers["Date"] = state!.date;
    if (requestHeader(init, "If-None-Match") === etag) {
      return new Response(null, { status: 304, headers });
    }
    headers["Content-Type"] = "application/json";
    return new Response(
      writeJsonFeed(uniqueNewestFirst(alerts), state!.index.generated),
      { status: 200, headers },
    );
  };

  const fetchShard = async (
    shardUrl: string,
    indexUrl: string,
    init: RequestInit | undefined,
  ): Promise<ShardState> => {
    const known = shards.get(shardUrl);
    const response = await inner(shardUrl, withValidators(init, known));
    if (response.status === 304 && known !== undefined) return known;
    if (response.status !== 200) {
      await response.body?.cancel().catch(() => {});
      throw new TypeError(
        `The shard ${shardUrl} of the feed index ${indexUrl} returned HTTP ${response.status}.`,
      );
    }
    const bytes = await readLimited(response, shardUrl);
    const parsed = parseFeed(bytes, { baseUrl: shardUrl });
    if (parsed.fatal || parsed.format !== "child-alert-json") {
      throw new TypeError(
        `The shard ${shardUrl} of the feed index ${indexUrl} is not a Child Alert JSON feed: ${parsed.errors[0]?.message ?? `it is ${parsed.format}`}.`,
      );
    }
    const ends = parsed.alerts.map(
      (alert) => alertEnd(alert)?.endMs ?? -Infinity,
    );
    const state: ShardState = {
      alerts: parsed.alerts,
      holdUntilMs: Math.max(-Infinity, ...ends),
      tag: response.headers.get("ETag") ?? hashBytes(bytes),
      ...validatorsOf(response),
    };
    shards.set(shardUrl, state);
    return state;
  };

  const shardUrlsFor = (
    indexUrl: string,
    index: FeedIndex,
    reader: ReaderLocation,
    nowMs: number,
  ): string[] => {
    const resolve = (files: FeedFiles[]) =>
      files
        .map((entry) => resolveFeedUrl(entry.jsonUrl, indexUrl))
        .filter((shardUrl): shardUrl is string => shardUrl !== null);
    const chosen = resolve(chooseShards(index, reader));
    const held = resolve([index.all, ...index.shards]).filter(
      (shardUrl) => (shards.get(shardUrl)?.holdUntilMs ?? -Infinity) > nowMs,
    );
    return [...new Set([...chosen, ...held])].sort();
  };

  const fetchFunction: Fetch = async (input, init) => {
    const url = requestUrl(input);
    if (url !== undefined && indexes.has(url)) {
      return fetchIndexFeed(url, init, undefined);
    }
    const response = await inner(input, init);
    if (url === undefined || response.status !== 200) return response;
    if (!(await startsLikeIndex(response.clone()))) return response;
    const bytes = await readLimited(response, url);
    return fetchIndexFeed(url, init, { response, bytes });
  };

  return {
    fetch: fetchFunction,
    isIndex: (url) => indexes.has(new URL(url).href),
  };
}

/** Reads an index body; null when the JSON is not an index at all. Throws TypeError for an invalid index. */
function readIndex(bytes: Uint8Array, url: string): FeedIndex | null {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
  if ((json as { format?: unknown } | null)?.format !== FEED_INDEX_FORMAT) {
    return null;
  }
  try {
    return readFeedIndex(json);
  } catch (error) {
    throw new TypeError(
      `The feed index ${url} is invalid: ${(error as Error).message}`,
    );
  }
}

/** Resolves a shard URL against its index; null for anything but http: and https:. */
function resolveFeedUrl(text: string, indexUrl: string): string | null {
  try {
    const url = new URL(text, indexUrl);
    return url.protocol === "https:" || url.protocol === "http:"
      ? url.href
      : null;
  } catch {
    return null;
  }
}

/** Keeps one copy of each message (sender, identifier, sent), newest first. */
function uniqueNewestFirst(alerts: CapAlert[]): CapAlert[] {
  const seen = new Map<string, CapAlert>();
  for (const alert of alerts) {
    seen.set(`${alert.sender} ${alert.identifier} ${alert.sent}`, alert);
  }
  const sentMs = (alert: CapAlert) => capTimeToEpochMs(alert.sent) ?? 0;
  return [...seen.values()].sort((a, b) => sentMs(b) - sentMs(a));
}

function withValidators(
  init: RequestInit | undefined,
  resource: Resource | undefined,
): RequestInit {
  const headers: Record<string, string> = {};
  if (resource?.etag !== undefined) headers["If-None-Match"] = resource.etag;
  if (resource?.lastModified !== undefined) {
    headers["If-Modified-Since"] = resource.lastModified;
  }
  return { ...init, method: "GET", headers };
}

function validatorsOf(response: Response): {
  etag?: string;
  lastModified?: string;
} {
  const etag = response.headers.get("ETag");
  const lastModified = response.headers.get("Last-Modified");
  return {
    ...(etag === null ? {} : { etag }),
    ...(lastModified === null ? {} : { lastModified }),
  };
}

function requestHeader(
  init: RequestInit | undefined,
  name: string,
): string | null {
  return new Headers(init?.headers).get(name);
}

function requestUrl(input: RequestInfo | URL): string | undefined {
  if (typeof input === "string") return new URL(input).href;
  if (input instanceof URL) return input.href;
  return input.url;
}

async function readLimited(
  response: Response,
  url: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = await readLimitedBody(response, MAX_BODY_BYTES);
  if (bytes === null) {
    throw new TypeError(
      `The body of ${url} is over the limit of ${MAX_BODY_BYTES} bytes.`,
    );
  }
  return bytes;
}

/** FNV-1a over the bytes, as 8 hex digits: a content tag, not a security check. */
function hashBytes(bytes: Uint8Array): string {
  let hash = 0x811c9dc5;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, "0");
}

function hashText(text: string): string {
  return hashBytes(new TextEncoder().encode(text));
}
