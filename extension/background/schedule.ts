/**
 * The poll schedule. A service worker's timers die when the browser stops
 * it, so polls are driven by a `browser.alarms` alarm, which the browser
 * keeps. The alarm is checked on install, on browser start and whenever
 * the worker wakes; a poll is due at once when the last one is older than
 * the interval, as after the machine slept.
 */
import browser from "../common/browser.js";
import { readPollStatus } from "../common/poll-status.js";
import { readSettings } from "../common/settings.js";

export const POLL_ALARM = "poll";

/**
 * Creates the poll alarm, or re-creates it when its period differs from
 * the setting. An alarm that is already right is left alone, because
 * re-creating it would push its next run back.
 */
export async function ensurePollAlarm(): Promise<void> {
  const { intervalMinutes } = await readSettings();
  const alarm = await browser.alarms.get(POLL_ALARM);
  if (alarm?.periodInMinutes === intervalMinutes) return;
  await browser.alarms.create(POLL_ALARM, {
    delayInMinutes: intervalMinutes,
    periodInMinutes: intervalMinutes,
  });
}

/** Tells whether a poll is due now: never polled, or the last poll is older than the interval. */
export async function pollIsOverdue(now = Date.now()): Promise<boolean> {
  const [settings, status] = await Promise.all([
    readSettings(),
    readPollStatus(),
  ]);
  if (settings.feeds.length === 0) return false;
  if (status === null) return true;
  return now - status.lastPollMs >= settings.intervalMinutes * 60_000;
}
