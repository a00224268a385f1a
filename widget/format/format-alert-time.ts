import { capTimeToEpochMs } from "../../shared/time/cap-time.js";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(locale: string, timeZone?: string): Intl.DateTimeFormat {
  const cacheKey = `${locale}|${timeZone ?? ""}`;
  let formatter = formatters.get(cacheKey);
  if (formatter === undefined) {
    const options: Intl.DateTimeFormatOptions = {
      weekday: "short",
      day: "numeric",
      month: "short",
      hour: "numeric",
      minute: "2-digit",
      timeZoneName: "short",
    };
    if (timeZone) options.timeZone = timeZone;
    // An invalid tag or zone from an attribute must not break rendering:
    // an invalid locale falls back to English, then an invalid zone to the
    // reader's own.
    formatter =
      createFormatter(locale, options) ??
      createFormatter("en", options) ??
      createFormatter("en", { ...options, timeZone: undefined })!;
    formatters.set(cacheKey, formatter);
  }
  return formatter;
}

function createFormatter(
  locale: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat | undefined {
  try {
    return new Intl.DateTimeFormat(locale, options);
  } catch {
    return undefined;
  }
}

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
  return formatterFor(locale, timeZone).format(epochMs);
}
