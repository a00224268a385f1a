/**
 * The rule for stale feed data, which surfaces show as "data from HH:MM,
 * may be out of date".
 */

/**
 * A feed is stale once its last good fetch is older than this many polling
 * intervals: 3 (15 minutes at the default interval). One missed poll is
 * common (a timeout, a phone waking from sleep), and two in a row happen.
 * Three mean that the feed or the network is down, and the reader should
 * know that the alerts shown may be out of date.
 */
export const STALE_AFTER_INTERVALS = 3;

/**
 * Tells whether a feed is stale at `nowMs`: it never had a good fetch, or
 * its last one is more than `STALE_AFTER_INTERVALS` intervals old. All
 * times are in milliseconds, by the same clock.
 */
export function isStale(
  lastGoodFetchMs: number | undefined,
  intervalMs: number,
  nowMs: number,
): boolean {
  if (lastGoodFetchMs === undefined) return true;
  return nowMs - lastGoodFetchMs > STALE_AFTER_INTERVALS * intervalMs;
}

/** Returns the time at which a feed becomes stale, in milliseconds by the same clock. */
export function staleAt(lastGoodFetchMs: number, intervalMs: number): number {
  return lastGoodFetchMs + STALE_AFTER_INTERVALS * intervalMs;
}
