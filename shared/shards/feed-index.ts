/**
 * The shard index of a static feed set, `index.json`, as
 * `child-alert-feed build` writes it and clients read it. A client that is
 * given the index's URL as a feed polls only the shards for the reader's
 * place or regions (see choose-shards.ts). docs/feed-tool.md documents the
 * fields.
 */
import { jsonNestsDeeperThan } from "../formats/json-depth.js";
import { DEFAULT_MAX_DEPTH } from "../formats/parse-feed.js";
import type { Bounds } from "../geo/polygon-index.js";
import { FEED_INDEX_FORMAT } from "./feed-index-format.js";
import { isGeocodeScheme, type GeocodeScope } from "./geocode-scope.js";

export { FEED_INDEX_FORMAT };
export const FEED_INDEX_VERSION = 1;

/**
 * Kind of shard: a country, a first-level subdivision of one, or a cell of
 * the fixed latitude/longitude grid that covers places outside the
 * built-in table of countries.
 */
export type ShardLevel = "country" | "subdivision" | "grid";

/** The two files of one feed (a shard, or every alert) and their counts. */
export interface FeedFiles {
  /** File name of the JSON feed, relative to the index. */
  json: string;
  /** File name of the Atom feed, relative to the index. */
  atom: string;
  /** URL of the JSON feed: absolute when the feed set was built with a base URL, else the file name. */
  jsonUrl: string;
  /** URL of the Atom feed, in the same form as `jsonUrl`. */
  atomUrl: string;
  /** Number of Alert and Update messages in the feed. */
  alerts: number;
  /** Number of Cancel messages in the feed. */
  cancels: number;
}

/** One shard: which part of the world it covers, and its files. */
export interface ShardEntry extends FeedFiles {
  /** Stable id, also the file name without extension, such as "gr-attica" or "grid-n40-e020". */
  id: string;
  level: ShardLevel;
  /** ISO 3166-1 alpha-2 code in lower case, for country and subdivision shards. */
  country?: string;
  /** The region in words, such as "Attica, Greece". */
  description: string;
  /**
   * The shard's box in WGS 84 degrees. Every alert whose area's box meets
   * it is in the shard. Absent for a shard defined by geocodes alone.
   */
  bounds?: Bounds;
  /** Geocodes the shard covers: every alert with a geocode in one of these scopes is in the shard. */
  geocodes: GeocodeScope[];
}

/** The content of `index.json`. */
export interface FeedIndex {
  format: typeof FEED_INDEX_FORMAT;
  version: typeof FEED_INDEX_VERSION;
  /** CAP dateTime: the build's `--now`, or the latest `sent` of its input. */
  generated: string;
  /** The feed of every alert, for readers with neither a place nor a region. */
  all: FeedFiles;
  /** Sorted by id. */
  shards: ShardEntry[];
}

/** Tests whether parsed JSON declares itself a feed index, by its `format` member. */
export function isFeedIndexJson(json: unknown): boolean {
  return (
    typeof json === "object" &&
    json !== null &&
    (json as { format?: unknown }).format === FEED_INDEX_FORMAT
  );
}

/**
 * Checks untrusted JSON that declares itself a feed index and returns it
 * typed, or throws a TypeError naming the first invalid member. Unknown
 * members are ignored, so later versions can add fields.
 */
export function readFeedIndex(json: unknown): FeedIndex {
  if (!isFeedIndexJson(json)) {
    throw new TypeError(`The document is not a "${FEED_INDEX_FORMAT}".`);
  }
  // The messages below quote values, which a JSON.stringify of a value
  // nested thousands deep would overflow the stack on.
  if (jsonNestsDeeperThan(json, DEFAULT_MAX_DEPTH)) {
    throw new TypeError(
      `The feed index nests arrays and objects deeper than ${DEFAULT_MAX_DEPTH} levels.`,
    );
  }
  const index = json as Record<string, unknown>;
  if (index["version"] !== FEED_INDEX_VERSION) {
    throw new TypeError(
      `The feed index has version ${JSON.stringify(index["version"])}; this client reads version ${FEED_INDEX_VERSION}.`,
    );
  }
  if (typeof index["generated"] !== "string") {
    throw new TypeError('The feed index has no "generated" time.');
  }
  if (!Array.isArray(index["shards"])) {
    throw new TypeError('The feed index has no "shards" list.');
  }
  return {
    format: FEED_INDEX_FORMAT,
    version: FEED_INDEX_VERSION,
    generated: index["generated"],
    all: readFiles(index["all"], "all"),
    shards: index["shards"].map((shard, position) =>
      readShard(shard, `shards[${position}]`),
    ),
  };
}

function readShard(value: unknown, path: string): ShardEntry {
  const shard = asObject(value, path);
  const id = readText(shard, "id", path);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) {
    throw new TypeError(`${path}.id "${id}" is not a lower-case shard id.`);
  }
  const level = shard["level"];
  if (level !== "country" && level !== "subdivision" && level !== "grid") {
    throw new TypeError(`${path}.level must be country, subdivision or grid.`);
  }
  const entry: ShardEntry = {
    ...readFiles(shard, path),
    id,
    level,
    description: readText(shard, "description", path),
    geocodes: readScopes(shard["geocodes"], `${path}.geocodes`),
  };
  if (typeof shard["country"] === "string") entry.country = shard["country"];
  if (shard["bounds"] !== undefined) {
    entry.bounds = readBounds(shard["bounds"], `${path}.bounds`);
  }
  return entry;
}

function readFiles(value: unknown, path: string): FeedFiles {
  const files = asObject(value, path);
  return {
    json: readText(files, "json", path),
    atom: readText(files, "atom", path),
    jsonUrl: readText(files, "jsonUrl", path),
    atomUrl: readText(files, "atomUrl", path),
    alerts: readCount(files, "alerts", path),
    cancels: readCount(files, "cancels", path),
  };
}

function readBounds(value: unknown, path: string): Bounds {
  const bounds = asObject(value, path);
  const read = (name: keyof Bounds) => {
    const number = bounds[name];
    if (typeof number !== "number" || !Number.isFinite(number)) {
      throw new TypeError(`${path}.${name} is not a number.`);
    }
    return number;
  };
  const result = {
    minLat: read("minLat"),
    maxLat: read("maxLat"),
    minLon: read("minLon"),
    maxLon: read("maxLon"),
  };
  if (result.minLat > result.maxLat || result.minLon > result.maxLon) {
    throw new TypeError(`${path} has a minimum above its maximum.`);
  }
  return result;
}

function readScopes(value: unknown, path: string): GeocodeScope[] {
  if (!Array.isArray(value)) throw new TypeError(`${path} is not a list.`);
  return value.map((item, position) => {
    const scope = asObject(item, `${path}[${position}]`);
    const scheme = scope["scheme"];
    if (!isGeocodeScheme(scheme)) {
      throw new TypeError(
        `${path}[${position}].scheme ${JSON.stringify(scheme)} is not a known geocode scheme.`,
      );
    }
    return {
      scheme,
      prefix: readText(scope, "prefix", `${path}[${position}]`, true),
    };
  });
}

function asObject(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TypeError(`${path} is not an object.`);
  }
  return value as Record<string, unknown>;
}

function readText(
  object: Record<string, unknown>,
  name: string,
  path: string,
  allowEmpty = false,
): string {
  const value = object[name];
  if (typeof value !== "string" || (!allowEmpty && value === "")) {
    throw new TypeError(`${path}.${name} is missing or not a string.`);
  }
  return value;
}

function readCount(
  object: Record<string, unknown>,
  name: string,
  path: string,
): number {
  const value = object[name];
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw new TypeError(`${path}.${name} is not a count.`);
  }
  return value;
}
