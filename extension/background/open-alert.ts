/**
 * The target of a click on a notification: the authority's page for the alert
 * when it has a safe one (`https:`, or `http:` on localhost), else the
 * alert in the popup's page, opened in a tab.
 */
import { safeWebUrl } from "../../shared/view/safe-url.js";
import browser from "../common/browser.js";
import { caseId, caseIdOfNotification } from "../common/notification-id.js";
import { readShownAlerts } from "../common/shown-alerts.js";

export async function openNotifiedAlert(notificationId: string): Promise<void> {
  const id = caseIdOfNotification(notificationId);
  if (id === null) return;
  await browser.notifications.clear(notificationId);
  const alerts = await readShownAlerts();
  let web: string | undefined;
  for (const alert of alerts) {
    if ((await caseId(alert.caseKey)) === id) {
      web = safeWebUrl(alert.web);
      break;
    }
  }
  const url =
    web ?? browser.runtime.getURL(`popup.html?alert=${encodeURIComponent(id)}`);
  await browser.tabs.create({ url });
}
