/**
 * The toolbar popup: the alerts that concern the person, read from the
 * alerts kept on the device, so it works with no network. It says how old
 * the data is, and its refresh button asks the background to poll now.
 *
 * Opened in a tab as `popup.html?alert=ID` from a notification whose alert
 * has no web page, it shows that alert first.
 */
import type { AlertView } from "../../shared/view/alert-view.js";
import { AlertCardLayout } from "../../widget/layouts/alert-card.js";
import type { DismissDetail } from "../../widget/layouts/alert-layout-element.js";
import { interfaceStrings } from "../common/alert-language.js";
import browser from "../common/browser.js";
import { caseId, notificationIdFor } from "../common/notification-id.js";
import { localizePage, message } from "../common/page-i18n.js";
import { POLL_STATUS_KEY, readPollStatus } from "../common/poll-status.js";
import { readSettings, SETTINGS_KEY } from "../common/settings.js";
import { readShownAlerts, SHOWN_ALERTS_KEY } from "../common/shown-alerts.js";
import { dataAgeText } from "./data-age.js";
import { feedNoticeLines } from "./feed-notice.js";

if (!customElements.get("child-alert-card")) {
  customElements.define("child-alert-card", AlertCardLayout);
}

const alertsRegion = document.querySelector<HTMLElement>("#alerts")!;
const ageLine = document.querySelector<HTMLElement>("#age")!;
const notice = document.querySelector<HTMLElement>("#notice")!;
const refreshButton = document.querySelector<HTMLButtonElement>("#refresh")!;
const settingsButton = document.querySelector<HTMLButtonElement>("#settings")!;

const focusCase = new URL(location.href).searchParams.get("alert");
/** Versions the person dismissed while this page is open. */
const dismissed = new Set<string>();
async function render(): Promise<void> {
  const settings = await readSettings();
  const [alerts, status] = await Promise.all([
    readShownAlerts(),
    readPollStatus(),
  ]);
  const uiLanguage = browser.i18n.getUILanguage();
  ageLine.textContent = dataAgeText(status, uiLanguage);

  const lines = feedNoticeLines(settings.feeds, status);
  notice.hidden = lines.length === 0;
  notice.replaceChildren(
    ...lines.map((line) => {
      const paragraph = document.createElement("p");
      paragraph.textContent = line;
      return paragraph;
    }),
  );

  const shown = await ordered(
    alerts.filter((alert) => !dismissed.has(alert.version)),
  );
  renderAlerts(shown, settings.feeds.length > 0, interfaceStrings(settings));
}

/** Puts the alert named in `?alert=` first. */
async function ordered(alerts: AlertView[]): Promise<AlertView[]> {
  if (focusCase === null) return alerts;
  const first: AlertView[] = [];
  const rest: AlertView[] = [];
  for (const alert of alerts) {
    ((await caseId(alert.caseKey)) === focusCase ? first : rest).push(alert);
  }
  return [...first, ...rest];
}

function renderAlerts(
  alerts: AlertView[],
  hasFeeds: boolean,
  { language, strings }: ReturnType<typeof interfaceStrings>,
): void {
  if (alerts.length === 0) {
    const empty = document.createElement("p");
    empty.className = "empty";
    empty.textContent = hasFeeds ? message("popupNoAlerts") : "";
    alertsRegion.replaceChildren(empty);
    return;
  }
  let card = alertsRegion.querySelector("child-alert-card");
  if (card === null) {
    card = document.createElement("child-alert-card");
    card.addEventListener("child-alert-dismiss", (event) => {
      void dismiss((event as CustomEvent<DismissDetail>).detail.alert);
    });
    alertsRegion.replaceChildren(card);
  }
  card.alerts = alerts;
  card.strings = strings;
  card.language = language;
}

/** Hides the alert while the page is open and clears its notification. */
async function dismiss(alert: AlertView): Promise<void> {
  dismissed.add(alert.version);
  await browser.notifications.clear(
    notificationIdFor(await caseId(alert.caseKey)),
  );
  await render();
}

async function refresh(): Promise<void> {
  refreshButton.disabled = true;
  refreshButton.textContent = message("popupRefreshing");
  try {
    await browser.runtime.sendMessage({ type: "poll" });
  } catch (error) {
    console.error(`Child Alert: the refresh failed: ${String(error)}`);
  } finally {
    refreshButton.disabled = false;
    refreshButton.textContent = message("popupRefresh");
  }
  await render();
}

localizePage(document);
if (focusCase !== null) document.body.classList.add("tab");
refreshButton.addEventListener("click", () => void refresh());
settingsButton.addEventListener(
  "click",
  () => void browser.runtime.openOptionsPage(),
);
browser.storage.onChanged.addListener((changes, area) => {
  if (
    area === "local" &&
    (POLL_STATUS_KEY in changes ||
      SETTINGS_KEY in changes ||
      SHOWN_ALERTS_KEY in changes)
  ) {
    void render();
  }
});
void render().then(() => document.body.setAttribute("data-ready", ""));
