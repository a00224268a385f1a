/**
 * The person's settings, kept in `storage.local` under the key `settings`
 * and nowhere else. The place never leaves the device: the background uses
 * it to filter alerts that were fetched without it.
 *
 * Every read goes through `normalizeSettings`, so a value written by an
 * older version, by hand in the developer tools or by a test is checked
 * the same way before the background acts on it.
 */
import type { EventFilter } from "../../shared/filter/events.js";
import { parseRegion } from "../../shared/geo/geocode.js";
import { safeWebUrl } from "../../shared/view/safe-url.js";
import browser from "./browser.js";
import { normalizeFeedKeys } from "./feed-key-settings.js";

/** The storage.local key of the settings. */
export const SETTINGS_KEY = "settings";

/** A point and the distance around it that concerns the person. */
export interface PlaceSetting {
  /** WGS 84 latitude, degrees. */
  lat: number;
  /** WGS 84 longitude, degrees. */
  lon: number;
  /** Kilometres around the point. */
  radius: number;
}

/** Hours during which notifications make no sound, as local "HH:MM" times. */
export interface QuietHours {
  start: string;
  end: string;
}

export interface ExtensionSettings {
  /** Feed URLs to poll: `https:`, or `http:` on localhost. */
  feeds: string[];
  /**
   * Publishers' Ed25519 public keys by feed URL, each the base64 of the 32
   * raw bytes or an Ed25519 JWK. A feed with a key is read only when its
   * signature `URL.sig` verifies, and a feed with an invalid key is not
   * read. Only feeds in `feeds` have an entry.
   */
  feedKeys: Record<string, string>;
  /** The person's place, or null for none. */
  place: PlaceSetting | null;
  /** Name of the place as the person typed or chose it, for the options page only. */
  placeName: string;
  /** Geocodes written "valueName:value", such as "SAME:099001". */
  regions: string[];
  /** Language of alerts and notifications; "" follows the browser. */
  lang: string;
  /** Kinds of alert to show and notify: ["abduction", "missing"], one of them, or ["all"]. */
  events: EventFilter[];
  /** When notifications are silent, or null for never. */
  quietHours: QuietHours | null;
  /** Minutes between polls of public feeds, 2 to 60. */
  intervalMinutes: number;
}

export const DEFAULT_INTERVAL_MINUTES = 5;
export const MIN_INTERVAL_MINUTES = 2;
export const MAX_INTERVAL_MINUTES = 60;

export const DEFAULT_SETTINGS: Readonly<ExtensionSettings> = {
  feeds: [],
  feedKeys: {},
  place: null,
  placeName: "",
  regions: [],
  lang: "",
  events: ["abduction", "missing"],
  quietHours: null,
  intervalMinutes: DEFAULT_INTERVAL_MINUTES,
};

const EVENT_FILTERS: readonly EventFilter[] = ["abduction", "missing", "all"];
const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;

/** Reads the settings from storage.local, normalised. */
export async function readSettings(): Promise<ExtensionSettings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return normalizeSettings(stored[SETTINGS_KEY]);
}

/** Writes the settings to storage.local, normalised first. */
export async function writeSettings(
  settings: ExtensionSettings,
): Promise<void> {
  await browser.storage.local.set({
    [SETTINGS_KEY]: normalizeSettings(settings),
  });
}

/**
 * Returns valid settings from any stored value: each field that is missing
 * or invalid takes its default, invalid feeds and regions are dropped with
 * a warning, and numbers are kept within their ranges. Public keys of no
 * chosen feed are dropped with a warning too. An invalid key is kept, with
 * a warning, so that its feed is rejected rather than read unchecked.
 */
export function normalizeSettings(value: unknown): ExtensionSettings {
  const input = isRecord(value) ? value : {};
  const feeds = normalizeFeeds(input.feeds);
  return {
    feeds,
    feedKeys: normalizeFeedKeys(input.feedKeys, feeds),
    place: normalizePlace(input.place),
    placeName: typeof input.placeName === "string" ? input.placeName : "",
    regions: normalizeRegions(input.regions),
    lang:
      typeof input.lang === "string" && LANGUAGE_TAG.test(input.lang)
        ? input.lang
        : "",
    events: normalizeEvents(input.events),
    quietHours: normalizeQuietHours(input.quietHours),
    intervalMinutes: normalizeInterval(input.intervalMinutes),
  };
}

/** Returns the feed URL normalised when it is `https:` or `http:` on localhost, else undefined. */
export function acceptableFeedUrl(text: string): string | undefined {
  return safeWebUrl(text);
}

function normalizeFeeds(value: unknown): string[] {
  if (!Array.isArray(value)) return [...DEFAULT_SETTINGS.feeds];
  const feeds: string[] = [];
  for (const item of value) {
    const url = typeof item === "string" ? acceptableFeedUrl(item) : undefined;
    if (url === undefined) {
      console.warn(
        `Child Alert: feed ${JSON.stringify(item)} is not an https: URL (or http: on localhost); it is ignored.`,
      );
    } else if (!feeds.includes(url)) feeds.push(url);
  }
  return feeds;
}

function normalizePlace(value: unknown): PlaceSetting | null {
  if (!isRecord(value)) return null;
  const { lat, lon, radius } = value;
  if (typeof lat !== "number" || typeof lon !== "number") return null;
  if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) return null;
  const km = typeof radius === "number" && radius > 0 ? radius : 0;
  return { lat, lon, radius: Math.min(km, 20_000) };
}

function normalizeRegions(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => {
    if (typeof item === "string" && parseRegion(item) !== null) return true;
    console.warn(
      `Child Alert: region ${JSON.stringify(item)} is invalid; write it as "valueName:value", such as "SAME:099001". It is ignored.`,
    );
    return false;
  });
}

function normalizeEvents(value: unknown): EventFilter[] {
  if (!Array.isArray(value)) return [...DEFAULT_SETTINGS.events];
  const events = EVENT_FILTERS.filter((filter) => value.includes(filter));
  if (events.includes("all")) return ["all"];
  return events.length > 0 ? events : [...DEFAULT_SETTINGS.events];
}

function normalizeQuietHours(value: unknown): QuietHours | null {
  if (!isRecord(value)) return null;
  const { start, end } = value;
  if (typeof start !== "string" || typeof end !== "string") return null;
  if (!TIME_OF_DAY.test(start) || !TIME_OF_DAY.test(end)) return null;
  return { start, end };
}

function normalizeInterval(value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    return DEFAULT_INTERVAL_MINUTES;
  }
  return Math.min(
    MAX_INTERVAL_MINUTES,
    Math.max(MIN_INTERVAL_MINUTES, Math.round(value)),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
