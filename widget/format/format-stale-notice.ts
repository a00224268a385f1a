import { fillIn, type UiStrings } from "../i18n/ui-strings.js";
import { dateTimeFormat } from "./date-time-format.js";

const TIME_OF_DAY: Intl.DateTimeFormatOptions = { timeStyle: "short" };
const DAY_AND_TIME: Intl.DateTimeFormatOptions = {
  dateStyle: "medium",
  timeStyle: "short",
};
const CALENDAR_DAY: Intl.DateTimeFormatOptions = {
  year: "numeric",
  month: "numeric",
  day: "numeric",
};

/**
 * Returns the stale-data notice, such as "Data from 14:05, may be out of
 * date", in the interface language. `lastGoodFetchMs` is the client's
 * `lastGoodFetch` (milliseconds since the epoch); without it the notice
 * names no time. The time is shown in the reader's time zone (or
 * `timeZone`), with the day added when it is not the day of `nowMs`.
 */
export function formatStaleNotice(
  strings: UiStrings,
  language: string,
  lastGoodFetchMs: number | undefined,
  nowMs: number,
  timeZone?: string,
): string {
  if (lastGoodFetchMs === undefined || !Number.isFinite(lastGoodFetchMs)) {
    return strings.stale;
  }
  const day = dateTimeFormat(language, CALENDAR_DAY, timeZone);
  const sameDay = day.format(lastGoodFetchMs) === day.format(nowMs);
  const time = dateTimeFormat(
    language,
    sameDay ? TIME_OF_DAY : DAY_AND_TIME,
    timeZone,
  ).format(lastGoodFetchMs);
  return fillIn(strings.staleSince, { time });
}
