/**
 * The alerts that concern the person, as the last poll left them, kept in
 * `storage.local` under `shownAlerts` for the popup and for a click on a
 * notification. The background rewrites the list after every poll, so an
 * alert that ended (a Cancel, its end time) leaves it with its text and
 * photo at the next poll, and pages drop one whose end time has passed
 * before that. Reading it needs no network and no IndexedDB connection.
 */
import type { AlertView } from "../../shared/view/alert-view.js";
import browser from "./browser.js";

export const SHOWN_ALERTS_KEY = "shownAlerts";

export async function writeShownAlerts(
  alerts: readonly AlertView[],
): Promise<void> {
  await browser.storage.local.set({ [SHOWN_ALERTS_KEY]: alerts });
}

/** Returns the alerts of the last poll that are still in force at `now`, newest first. */
export async function readShownAlerts(now = Date.now()): Promise<AlertView[]> {
  const stored = await browser.storage.local.get(SHOWN_ALERTS_KEY);
  const alerts = stored[SHOWN_ALERTS_KEY];
  if (!Array.isArray(alerts)) return [];
  return (alerts as AlertView[]).filter((alert) => alert.endMs > now);
}
