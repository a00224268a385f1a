/**
 * Notifies the person of the alerts that concern them, and keeps the
 * notifications and the badge in step with those alerts:
 *
 * - one notification when an alert first concerns the person;
 * - one more when an Update changes what matters (the photo or the area);
 * - never again for a version already seen, across restarts;
 * - the notification is cleared when the alert no longer concerns the
 *   person: a Cancel, its end time, or a change of settings.
 */
import type { Notifications } from "webextension-polyfill";
import type { AlertView } from "../../shared/view/alert-view.js";
import { interfaceStrings } from "../common/alert-language.js";
import browser, { isFirefox } from "../common/browser.js";
import { sha256Hex } from "../common/hash.js";
import {
  caseId,
  caseIdOfNotification,
  notificationIdFor,
} from "../common/notification-id.js";
import { inQuietHours } from "../common/quiet-hours.js";
import type { ExtensionSettings } from "../common/settings.js";
import { showAlertCount } from "./badge.js";
import {
  readNotifiedCases,
  writeNotifiedCases,
  type NotifiedCases,
} from "./notified-cases.js";

/** Counts of what `syncNotifications` did, for logs and tests. */
export interface SyncResult {
  notified: number;
  cleared: number;
}

/**
 * Brings notifications, records and badge in line with `alerts`, the
 * alerts that concern the person now.
 */
export async function syncNotifications(
  alerts: readonly AlertView[],
  settings: ExtensionSettings,
  now = new Date(),
): Promise<SyncResult> {
  const cases = await readNotifiedCases();
  const wanted = new Set<string>();
  let notified = 0;
  for (const alert of alerts) {
    const id = await caseId(alert.caseKey);
    wanted.add(notificationIdFor(id));
    if (await recordAlert(cases, id, alert, now.getTime())) {
      await notify(id, alert, settings, now);
      notified += 1;
    }
  }
  await writeNotifiedCases(cases, now.getTime());

  let cleared = 0;
  const shown = Object.keys(await browser.notifications.getAll());
  for (const notificationId of shown) {
    if (caseIdOfNotification(notificationId) === null) continue;
    if (wanted.has(notificationId)) continue;
    await browser.notifications.clear(notificationId);
    cleared += 1;
  }
  await showAlertCount(alerts.length);
  return { notified, cleared };
}

/**
 * Records the alert's version in its case and returns whether to notify: for
 * a case never seen, or a new version whose photo or area changed.
 */
async function recordAlert(
  cases: NotifiedCases,
  id: string,
  alert: AlertView,
  nowMs: number,
): Promise<boolean> {
  const version = await sha256Hex(alert.version);
  const significant = await sha256Hex(
    JSON.stringify([alert.photo?.url ?? "", alert.areaDesc]),
  );
  const record = cases[id];
  if (record === undefined) {
    cases[id] = { versions: [version], significant, seenMs: nowMs };
    return true;
  }
  record.seenMs = nowMs;
  if (record.versions.includes(version)) return false;
  record.versions.push(version);
  const changed = record.significant !== significant;
  record.significant = significant;
  return changed;
}

async function notify(
  id: string,
  alert: AlertView,
  settings: ExtensionSettings,
  now: Date,
): Promise<void> {
  const { strings } = interfaceStrings(settings);
  const kind =
    alert.kind === "abduction"
      ? strings.abduction
      : alert.kind === "missing"
        ? strings.missing
        : strings.alert;
  const title =
    alert.msgType === "Update" ? `${kind} · ${strings.update}` : kind;
  const area = alert.areaDesc ? `\n${strings.area}: ${alert.areaDesc}` : "";
  const options: NotificationOptions = {
    type: "basic",
    iconUrl: browser.runtime.getURL("icons/icon-128.png"),
    title,
    message: `${alert.headline}${area}`,
  };
  // Chrome plays no sound for a silent notification. Firefox has no such
  // option and rejects unknown ones, so it gets none.
  if (!isFirefox()) options.silent = inQuietHours(settings.quietHours, now);
  try {
    await browser.notifications.create(notificationIdFor(id), options);
  } catch (error) {
    console.error(
      `Child Alert: the notification for case ${id} failed: ${String(error)}`,
    );
  }
}

/** Chrome's notification options, which add `silent` to those of the polyfill's types. */
type NotificationOptions = Notifications.CreateNotificationOptions & {
  silent?: boolean;
};
