import { capTimeToEpochMs } from "../../shared/time/cap-time.js";
import { dateTimeFormat } from "./date-time-format.js";

const ALERT_TIME: Intl.DateTimeFormatOptions = {
  weekday: "short",
  day: "numeric",
  month: "short",
  hour: "numeric",
  minute: "2-digit",
  timeZoneName: "short",
};

/**
 * Formats a CAP dateTime for the reader: their locale, their time zone (or
 * `timeZone` when given), with the zone's short name shown. Returns
 * undefined for a value that is not a valid CAP dateTime.
 */
export function formatAlertTime(
  capTime: string | undefined,
  locale: string,
  timeZone?: string,
): string | undefined {
  if (capTime === undefined) return undefined;
  const epochMs = capTimeToEpochMs(capTime);
  if (epochMs === null) return undefined;
  return dateTimeFormat(locale, ALERT_TIME, timeZone).format(epochMs);
}
