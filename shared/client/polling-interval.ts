/**
 * Limits on how often the client polls a feed.
 *
 * Public alert systems ask clients not to poll more often than every two
 * minutes (FEMA's guidance for the IPAWS public feeds is "no more frequently
 * than every 2 minutes", as relayed by the EAS Station project's IPAWS
 * integration guide), so the interval has a floor of 120 s. Feeds on the reader's own
 * machine (`localhost`, `127.0.0.1`, `[::1]`) are exempt from the floor,
 * for development, tests and the local demo. The ceiling of one hour keeps
 * a misconfigured interval from leaving alerts hours old.
 */
import { isLocalhostUrl } from "../view/safe-url.js";

/** Minimum interval between polls of a public feed: 2 minutes. */
export const MIN_POLL_INTERVAL_MS = 120_000;

/** Maximum interval between polls: 1 hour. */
export const MAX_POLL_INTERVAL_MS = 3_600_000;

/** Interval between polls unless configured: 5 minutes. */
export const DEFAULT_POLL_INTERVAL_MS = 300_000;

/** Minimum interval for feeds on localhost: 1 second, so a loop cannot spin. */
export const MIN_LOCAL_POLL_INTERVAL_MS = 1_000;

/**
 * Returns the interval at which to poll one feed: the requested interval
 * (or the default) within the ceiling and, unless the feed is on localhost,
 * the floor.
 */
export function feedPollInterval(
  requestedMs: number | undefined,
  feedUrl: string,
): number {
  const interval =
    requestedMs !== undefined && Number.isFinite(requestedMs)
      ? requestedMs
      : DEFAULT_POLL_INTERVAL_MS;
  const floor = isLocalFeed(feedUrl)
    ? MIN_LOCAL_POLL_INTERVAL_MS
    : MIN_POLL_INTERVAL_MS;
  return Math.min(MAX_POLL_INTERVAL_MS, Math.max(floor, interval));
}

function isLocalFeed(feedUrl: string): boolean {
  try {
    return isLocalhostUrl(new URL(feedUrl));
  } catch {
    return false;
  }
}
