/** Events that `AlertClient` dispatches, and their details. */
import type { EndReason } from "../lifecycle/lifecycle-state.js";
import type { StoreFailureKind } from "../store/store-failure.js";
import type { AlertView } from "../view/alert-view.js";
import type { ForgetDetail } from "./forget-alerts.js";

export type { ForgetDetail } from "./forget-alerts.js";

/**
 * Cause of a change event:
 * - "cache": the alerts stored on the device, loaded by `start()` before any
 *   network response;
 * - "network": a poll of the feeds;
 * - "expiry": an alert's end time passed between polls;
 * - "options": `update()` changed the place, regions, events, languages or
 *   test setting.
 */
export type ChangeSource = "cache" | "network" | "expiry" | "options";

/**
 * Reason an alert left `client.alerts`: one of the lifecycle's reasons, or
 * "filtered" when the alert is still in force but no longer passes the
 * reader's place, event or status settings.
 */
export type RemovalReason = EndReason | "filtered";

/** Detail of the "change" event. */
export interface AlertChangeDetail {
  /** Every alert the reader should see now, as `client.alerts`. */
  alerts: AlertView[];
  /** Alerts shown now that were not, and that do not replace a shown one. */
  added: AlertView[];
  /**
   * New versions of shown alerts: an Update (which may have a new key but
   * has the same `caseKey`) or the same message re-sent later.
   */
  updated: AlertView[];
  /** Alerts no longer shown, by key, with the reason. */
  removed: { key: string; reason: RemovalReason }[];
  source: ChangeSource;
  /** As `client.stale`: the alerts shown may be out of date. */
  stale: boolean;
  /** As `client.lastGoodFetch`: the oldest of the feeds' last good fetch times. */
  lastGoodFetch?: number;
}

/**
 * Detail of the "status" event, dispatched when `stale` or
 * `lastGoodFetch` changes: after a poll, when a feed's data grows too old
 * without a poll, or when another tab's poll is loaded.
 */
export interface StatusDetail {
  stale: boolean;
  /** Milliseconds since the epoch, by the client's `now` clock; absent when a feed never had a good fetch. */
  lastGoodFetch?: number;
  /** The status of every feed, as `client.feedStatus(url)`. */
  feeds: FeedStatus[];
}

/** Status of one feed, for a status line or a log. */
export interface FeedStatus {
  url: string;
  /** Time of the last readable response or 304, in milliseconds since the epoch, by the client's `now` clock. */
  lastGoodFetchMs?: number;
  /** Time of the last failure, in milliseconds since the epoch, by the client's `now` clock. */
  lastErrorMs?: number;
  lastError?: string;
  /**
   * True when the feed never had a good fetch, or its last one is more than
   * `STALE_AFTER_INTERVALS` (3) polling intervals old.
   */
  stale: boolean;
}

/**
 * Why a feed failed: the request failed ("network"), timed out, was
 * aborted, got an HTTP error status ("http"), was rejected by the check of
 * the publisher's signature ("signature"), or returned a body that is not a
 * readable feed ("unreadable").
 */
export type FeedErrorReason =
  "network" | "timeout" | "aborted" | "http" | "signature" | "unreadable";

/** Detail of the "feed-error" event. */
export interface FeedErrorDetail {
  /** URL of the feed, or of the CAP document an index links to, that failed. */
  url: string;
  /** The error as a sentence. */
  message: string;
  /** Why it failed; absent for a linked CAP document. */
  reason?: FeedErrorReason;
  /** For a linked CAP document, the URL of the index that links to it. */
  feedUrl?: string;
}

/**
 * Detail of the "store-error" event: the alert store failed, or held
 * damaged records. It is dispatched once per `kind` for the life of the
 * client, not once per failed write.
 */
export interface StoreErrorDetail {
  message: string;
  /** The kind of failure. */
  kind?: StoreFailureKind;
  /**
   * True when the client now keeps alerts in memory only, so they will not
   * be kept between visits. False when it goes on with the same store.
   */
  fallback?: boolean;
}

/** Events of `AlertClient`, by type, for typed `addEventListener` calls. */
export interface AlertClientEventMap {
  change: CustomEvent<AlertChangeDetail>;
  "feed-error": CustomEvent<FeedErrorDetail>;
  "store-error": CustomEvent<StoreErrorDetail>;
  status: CustomEvent<StatusDetail>;
  forget: CustomEvent<ForgetDetail>;
}
