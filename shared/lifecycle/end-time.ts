/**
 * When an alert ends.
 *
 * Exactly three things end an alert:
 * - a Cancel that references it (or an earlier message of its chain),
 * - its end time, read as below,
 * - the default lifetime, when the publisher gave no end time at all.
 * An Update does not end an alert: it replaces it with a newer version.
 *
 * An alert that merely disappears from a feed is NOT cancelled. Feeds drop
 * entries for many reasons (a short page, a cache in front of the server, an
 * index that lists only the latest messages), and a missing child's alert
 * must not vanish because one poll returned a short list.
 *
 * The end time of one info block is, in order:
 * 1. the event's end, where the publisher separates it from `expires`: the
 *    `eventEndingTime` parameter of the US National Weather Service, which
 *    the feed parser also fills from the NWS GeoJSON `ends` property;
 * 2. `expires`;
 * 3. `effective` (else the message's `sent`) plus the default lifetime.
 * Over several info blocks, the latest end wins. Times that cannot be read
 * count as absent.
 */
import type { CapAlert, CapInfo } from "../model/cap.js";
import { capTimeToEpochMs } from "../time/cap-time.js";

/** How long an alert with no end time is shown, counted from `effective` or `sent`: 24 hours. */
export const DEFAULT_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** The CAP parameter that carries the event's end, separate from `expires`. */
export const EVENT_ENDING_TIME_PARAMETER = "eventEndingTime";

/**
 * Origin of an end time: the event's end, `expires`, or the default
 * lifetime. A surface shows "until 23:00" for the first two and "no end time
 * given" for the default.
 */
export type EndSource = "ends" | "expires" | "default";

/** The end of an alert and where it came from. */
export interface AlertEnd {
  /** Milliseconds since the epoch. */
  endMs: number;
  source: EndSource;
  /** The CAP dateTime as the publisher wrote it; absent for the default lifetime. */
  text?: string;
}

/** Options for the end-time rule. */
export interface EndTimeOptions {
  /** Lifetime of an alert with no end time, in milliseconds. Default 24 hours. */
  defaultLifetimeMs?: number;
}

/**
 * Computes when an alert ends: the latest end over its info blocks, or the
 * default lifetime from `sent` when it has none. Returns null only when not
 * even `sent` can be read.
 */
export function alertEnd(
  alert: CapAlert,
  options: EndTimeOptions = {},
): AlertEnd | null {
  let latest: AlertEnd | null = null;
  for (const info of alert.info) {
    const end = infoEnd(info, alert.sent, options);
    if (end !== null && (latest === null || end.endMs > latest.endMs)) {
      latest = end;
    }
  }
  return latest ?? defaultEnd(undefined, alert.sent, options);
}

/** Computes when one info block ends, by the rule in this file's header. */
export function infoEnd(
  info: CapInfo,
  sent: string,
  options: EndTimeOptions = {},
): AlertEnd | null {
  for (const parameter of info.parameter) {
    if (parameter.valueName !== EVENT_ENDING_TIME_PARAMETER) continue;
    const endMs = capTimeToEpochMs(parameter.value);
    if (endMs !== null) {
      return { endMs, source: "ends", text: parameter.value.trim() };
    }
  }
  if (info.expires !== undefined) {
    const endMs = capTimeToEpochMs(info.expires);
    if (endMs !== null) return { endMs, source: "expires", text: info.expires };
  }
  return defaultEnd(info.effective, sent, options);
}

function defaultEnd(
  effective: string | undefined,
  sent: string,
  options: EndTimeOptions,
): AlertEnd | null {
  const lifetime = options.defaultLifetimeMs ?? DEFAULT_LIFETIME_MS;
  const startMs =
    (effective === undefined ? null : capTimeToEpochMs(effective)) ??
    capTimeToEpochMs(sent);
  if (startMs === null) return null;
  return { endMs: startMs + lifetime, source: "default" };
}
