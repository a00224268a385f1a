/**
 * The project's own JSON feed: the alert model as JSON, so a client reads
 * it at close to `JSON.parse` speed. Documented in docs/json-feed.md.
 *
 * ```json
 * { "format": "child-alert-feed", "version": 1,
 *   "generated": "2026-12-04T10:00:00+00:00", "alerts": [ CapAlert, ... ] }
 * ```
 *
 * The alerts are still untrusted input: every one goes through the same
 * validation as an alert read from CAP XML.
 */
import type { CapAlert } from "../model/cap.js";
import type { Draft } from "./alert-draft.js";
import { isDraft } from "./read-values.js";

export const JSON_FEED_FORMAT = "child-alert-feed";
export const JSON_FEED_VERSION = 1;

/** The envelope of a JSON feed file. */
export interface JsonFeed {
  format: typeof JSON_FEED_FORMAT;
  version: typeof JSON_FEED_VERSION;
  /** CAP dateTime at which the file was written. */
  generated: string;
  alerts: CapAlert[];
}

export function isJsonFeed(json: unknown): json is Draft {
  return isDraft(json) && json["format"] === JSON_FEED_FORMAT;
}

/** Serialises alerts as a JSON feed. The same input always gives the same text. */
export function writeJsonFeed(
  alerts: readonly CapAlert[],
  generated: string,
): string {
  const feed: JsonFeed = {
    format: JSON_FEED_FORMAT,
    version: JSON_FEED_VERSION,
    generated,
    alerts: [...alerts],
  };
  return `${JSON.stringify(feed)}\n`;
}
