/**
 * One poll: fetch every feed with a fresh `AlertClient`, then notify and
 * update the badge. A client lives for one poll only, because the browser
 * stops an idle service worker and its timers with it; the alarm starts
 * the next poll. Everything that must outlive the worker is in IndexedDB
 * (the client's store) and storage.local.
 */
import { AlertClient } from "../../shared/client/alert-client.js";
import type { FeedErrorDetail } from "../../shared/client/client-events.js";
import { clientOptions } from "../common/client-options.js";
import {
  writePollStatus,
  type FeedFailure,
  type PollStatus,
} from "../common/poll-status.js";
import { readSettings } from "../common/settings.js";
import { writeShownAlerts } from "../common/shown-alerts.js";
import { syncNotifications, type SyncResult } from "./notifier.js";
import { alertStore } from "./store-connection.js";

/** Counts of one poll, sent as the reply to a `{ type: "poll" }` message. */
export interface PollReport extends SyncResult {
  /** Alerts that concern the person now. */
  alerts: number;
  status: PollStatus;
}

/** Polls every configured feed, then notifies and updates the badge. */
export async function pollFeeds(): Promise<PollReport> {
  const settings = await readSettings();
  const store = await alertStore();
  const options = clientOptions(settings, settings.feeds, store);
  const client = new AlertClient(options);
  const errors = new Map<string, FeedFailure>();
  client.addEventListener("feed-error", (event) => {
    const { url, message, reason } = (event as CustomEvent<FeedErrorDetail>)
      .detail;
    const failure: FeedFailure = { url, message };
    if (reason === "signature") failure.unverified = true;
    errors.set(url, failure);
    console.warn(`Child Alert: feed ${url}: ${message}`);
  });
  client.addEventListener("store-error", (event) => {
    console.error(
      `Child Alert: ${(event as CustomEvent<{ message: string }>).detail.message}`,
    );
  });
  await client.refresh();

  // A feed that fails keeps its last good alerts, so the list is complete
  // offline too, filtered by the current settings.
  const alerts = client.alerts;
  await writeShownAlerts(alerts);
  const sync = await syncNotifications(alerts, settings);
  const status = pollStatusOf(client, settings.feeds, errors);
  await writePollStatus(status);
  return { alerts: alerts.length, ...sync, status };
}

function pollStatusOf(
  client: AlertClient,
  feeds: readonly string[],
  errors: ReadonlyMap<string, FeedFailure>,
): PollStatus {
  let lastGoodMs: number | undefined;
  for (const feed of feeds) {
    const good = client.feedStatus(feed)?.lastGoodFetchMs;
    if (good !== undefined) lastGoodMs = Math.max(lastGoodMs ?? 0, good);
  }
  const status: PollStatus = {
    lastPollMs: Date.now(),
    errors: [...errors.values()],
  };
  if (lastGoodMs !== undefined) status.lastGoodMs = lastGoodMs;
  return status;
}
