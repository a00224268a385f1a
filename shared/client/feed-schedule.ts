/**
 * When each feed is next polled, from its stored record, so a tab that
 * takes over polling, or a page loaded again, keeps to one request per
 * interval. Times here are by the reader's real clock (`Date.now`), the
 * clock timers run on.
 */
import type { FeedRecord } from "../store/alert-store.js";
import { MAX_POLL_INTERVAL_MS } from "./polling-interval.js";

/**
 * Returns the real-clock time at which a feed is next due: one interval
 * after its last request, and not before the time its server gave in
 * `Retry-After`. A feed never requested is due at once. Stored times in
 * the future (the clock was set back) are treated as now, and a
 * `Retry-After` is held for at most `MAX_POLL_INTERVAL_MS`.
 */
export function nextPollMs(
  record: FeedRecord | undefined,
  intervalMs: number,
  realNowMs: number,
): number {
  const lastRequest =
    record?.lastRequestMs === undefined
      ? undefined
      : Math.min(record.lastRequestMs, realNowMs);
  const afterInterval =
    lastRequest === undefined ? realNowMs : lastRequest + intervalMs;
  return Math.max(afterInterval, retryAfterUntil(record, realNowMs) ?? 0);
}

/** Tells whether the server's `Retry-After` still forbids polling the feed. */
export function heldByRetryAfter(
  record: FeedRecord | undefined,
  realNowMs: number,
): boolean {
  const until = retryAfterUntil(record, realNowMs);
  return until !== undefined && until > realNowMs;
}

function retryAfterUntil(
  record: FeedRecord | undefined,
  realNowMs: number,
): number | undefined {
  if (record?.retryAfterUntilMs === undefined) return undefined;
  return Math.min(record.retryAfterUntilMs, realNowMs + MAX_POLL_INTERVAL_MS);
}
