/** Events that `AlertClient` dispatches, and their details. */
import type { EndReason } from "../lifecycle/lifecycle-state.js";
import type { AlertView } from "../view/alert-view.js";

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
}

/** Detail of the "feed-error" event. */
export interface FeedErrorDetail {
  /** URL of the feed, or of the CAP document an index links to, that failed. */
  url: string;
  /** The error as a sentence. */
  message: string;
  /** For a linked CAP document, the URL of the index that links to it. */
  feedUrl?: string;
}

/** Detail of the "store-error" event: a read or write of the alert store failed. */
export interface StoreErrorDetail {
  message: string;
}

/** Events of `AlertClient`, by type, for typed `addEventListener` calls. */
export interface AlertClientEventMap {
  change: CustomEvent<AlertChangeDetail>;
  "feed-error": CustomEvent<FeedErrorDetail>;
  "store-error": CustomEvent<StoreErrorDetail>;
}
