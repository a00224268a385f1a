/**
 * The extension's background: a module service worker in Chrome, an event
 * page in Firefox. Every listener is registered synchronously at the top
 * level, because the browser wakes the worker for an event and delivers it
 * only to listeners added during that first run.
 */
import type { Runtime } from "webextension-polyfill";
import browser from "../common/browser.js";
import { SETTINGS_KEY } from "../common/settings.js";
import { openNotifiedAlert } from "./open-alert.js";
import { applyPresetSettings } from "./preset-settings.js";
import { TaskQueue } from "./poll-queue.js";
import { pollFeeds, type PollReport } from "./run-poll.js";
import { ensurePollAlarm, POLL_ALARM, pollIsOverdue } from "./schedule.js";

const tasks = new TaskQueue();

function poll(reason: string): Promise<PollReport> {
  return tasks.run("poll", async () => {
    const report = await pollFeeds();
    logReport(reason, report);
    return report;
  });
}

/**
 * Re-creates the alarm if it is missing and polls at once if a poll is
 * overdue. It runs in the queue, so the checks made by onInstalled and by
 * the worker's first run, which come together, poll once.
 */
function catchUp(reason: string): Promise<void> {
  return tasks.run("catch-up", async () => {
    await ensurePollAlarm();
    if (await pollIsOverdue()) logReport(reason, await pollFeeds());
  });
}

function logReport(reason: string, report: PollReport): void {
  console.info(
    `Child Alert: polled (${reason}): ${report.alerts} alerts, ${report.notified} notified, ${report.cleared} cleared, ${report.status.errors.length} feed errors.`,
  );
}

function logFailure(what: string) {
  return (error: unknown) =>
    console.error(`Child Alert: ${what} failed: ${String(error)}`);
}

browser.runtime.onInstalled.addListener((details) => {
  // A preset, when the build has one, is stored first, so the first poll
  // already uses it.
  void applyPresetSettings()
    .then(() => catchUp("installed"))
    .catch(logFailure("setting up after install"));
  if (details.reason === "install") {
    void browser.runtime
      .openOptionsPage()
      .catch(logFailure("opening the options page"));
  }
});

browser.runtime.onStartup.addListener(() => {
  void catchUp("browser start").catch(logFailure("catching up on start"));
});

browser.alarms.onAlarm.addListener((alarm) => {
  // An alarm that fires late, after the machine slept, polls at once too.
  if (alarm.name === POLL_ALARM) {
    void poll("alarm").catch(logFailure("the scheduled poll"));
  }
});

browser.storage.onChanged.addListener((changes, area) => {
  if (area !== "local" || !(SETTINGS_KEY in changes)) return;
  // A poll re-filters too: the client filters the alerts it keeps by the
  // new settings even when a feed cannot be reached.
  void ensurePollAlarm()
    .then(() => poll("settings changed"))
    .catch(logFailure("applying the new settings"));
});

browser.notifications.onClicked.addListener((notificationId) => {
  void openNotifiedAlert(notificationId).catch(logFailure("opening the alert"));
});

browser.runtime.onMessage.addListener(
  (message: unknown, sender: Runtime.MessageSender) => {
    // Only the extension's own pages may ask; content scripts and web pages
    // have no way to send here, but the check keeps it so.
    if (sender.id !== browser.runtime.id) return undefined;
    if (isPollRequest(message)) return poll("requested");
    return undefined;
  },
);

function isPollRequest(message: unknown): boolean {
  return (
    typeof message === "object" &&
    message !== null &&
    (message as { type?: unknown }).type === "poll"
  );
}

// The worker also wakes for events above; this checks the schedule each time.
void catchUp("worker woke").catch(logFailure("catching up"));
