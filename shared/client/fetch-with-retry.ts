import {
  fetchFeed,
  type FetchFeedOptions,
  type FetchFeedResult,
} from "./fetch-feed.js";
import {
  backoffDelayMs,
  DEFAULT_RETRY_POLICY,
  isRetryable,
  type RetryPolicy,
} from "./retry-policy.js";

/** Options for `fetchFeedWithRetry`: those of `fetchFeed`, and the retry policy. */
export interface FetchWithRetryOptions extends FetchFeedOptions {
  retry?: RetryPolicy;
  /** Returns a number in [0, 1) for the jitter. Default `Math.random`. */
  random?: () => number;
}

/**
 * Fetches a feed, retrying a retryable failure (see `isRetryable`) up to
 * `retry.maxAttempts` attempts in all. Before a retry it waits the
 * `Retry-After` the server sent, when there is one and it is at most
 * `retry.maxRetryAfterWaitMs`, else a random backoff. A longer
 * `Retry-After` ends the retries at once, so the caller can hold the feed
 * until then. Each attempt has its own timeout. Returns the last result,
 * with the number of attempts made.
 */
export async function fetchFeedWithRetry(
  url: string,
  options: FetchWithRetryOptions = {},
): Promise<FetchFeedResult & { attempts: number }> {
  const policy = options.retry ?? DEFAULT_RETRY_POLICY;
  const maxAttempts = Math.max(1, Math.floor(policy.maxAttempts));
  for (let attempt = 1; ; attempt += 1) {
    const result = await fetchFeed(url, options);
    if (attempt >= maxAttempts || !isRetryable(result)) {
      return { ...result, attempts: attempt };
    }
    let delayMs: number;
    if (result.kind === "error" && result.retryAfterMs !== undefined) {
      if (result.retryAfterMs > policy.maxRetryAfterWaitMs) {
        return { ...result, attempts: attempt };
      }
      delayMs = result.retryAfterMs;
    } else {
      delayMs = backoffDelayMs(attempt, policy, options.random);
    }
    if (!(await sleep(delayMs, options.signal))) {
      return {
        kind: "error",
        error: "aborted",
        message: `The request for ${url} was aborted.`,
        attempts: attempt,
      };
    }
  }
}

/** Waits `delayMs`; resolves false when `signal` aborts first. */
function sleep(
  delayMs: number,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve(true);
    }, delayMs);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
