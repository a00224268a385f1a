/**
 * Retries within one poll: which failures are retried, how many times, and
 * how long to wait before each retry.
 *
 * Waits grow exponentially and are drawn at random between zero and that
 * bound ("full jitter"), so readers whose polls failed together, as when a
 * feed server restarts, do not all retry at the same moment.
 */
import type { FetchFeedResult } from "./fetch-feed.js";

/** The retry policy of a feed request within one poll. */
export interface RetryPolicy {
  /** Attempts per request, the first included. */
  maxAttempts: number;
  /** Upper bound of the wait before the first retry, in milliseconds; it doubles for each later retry. */
  baseDelayMs: number;
  /** Largest upper bound of a wait, in milliseconds. */
  maxDelayMs: number;
  /**
   * Maximum `Retry-After` waited out within the poll, in milliseconds. A
   * longer one ends the poll, and the feed is not requested again before
   * the time the server gave.
   */
  maxRetryAfterWaitMs: number;
}

/**
 * Attempts per request in one poll: 3, the first and two retries. Enough to
 * ride over a dropped connection or a server restart, while a feed that is
 * down costs each reader at most three requests per interval.
 */
export const MAX_ATTEMPTS_PER_POLL = 3;

/**
 * Bound of the wait before the first retry: 2 seconds. A reset connection
 * or a restarting server is usually back within seconds, and longer outages
 * are left to the next poll, minutes away.
 */
export const RETRY_BASE_DELAY_MS = 2_000;

/**
 * Maximum bound of a wait: 30 seconds, so that a policy with more attempts
 * does not wait minutes between them.
 */
export const RETRY_MAX_DELAY_MS = 30_000;

/**
 * Maximum `Retry-After` waited out within a poll: 30 seconds, the same
 * bound as a backoff wait. A server that requests a longer wait is not
 * polled until then, up to the one-hour ceiling of the interval.
 */
export const MAX_RETRY_AFTER_WAIT_MS = 30_000;

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = {
  maxAttempts: MAX_ATTEMPTS_PER_POLL,
  baseDelayMs: RETRY_BASE_DELAY_MS,
  maxDelayMs: RETRY_MAX_DELAY_MS,
  maxRetryAfterWaitMs: MAX_RETRY_AFTER_WAIT_MS,
};

/**
 * HTTP statuses worth retrying: a request timeout (408), too many requests
 * (429), and server errors that are usually temporary (500, 502, 503, 504).
 * Other statuses (404, 403, 410, 501) will not change within seconds.
 */
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([
  408, 429, 500, 502, 503, 504,
]);

/** Tells whether a failed fetch is worth retrying: a network error, a timeout or a retryable status. */
export function isRetryable(result: FetchFeedResult): boolean {
  if (result.kind !== "error") return false;
  if (result.error === "network" || result.error === "timeout") return true;
  return (
    result.error === "http" &&
    result.status !== undefined &&
    RETRYABLE_STATUSES.has(result.status)
  );
}

/**
 * Returns the wait before retry number `retry` (1 for the first retry), in
 * milliseconds: uniform in [0, min(maxDelayMs, baseDelayMs * 2^(retry-1))).
 * `random` returns a number in [0, 1), as `Math.random` does.
 */
export function backoffDelayMs(
  retry: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  random: () => number = Math.random,
): number {
  const bound = Math.min(
    policy.maxDelayMs,
    policy.baseDelayMs * 2 ** Math.max(0, retry - 1),
  );
  return Math.floor(random() * bound);
}
