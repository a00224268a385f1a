/**
 * Cached `Intl.DateTimeFormat`s that never throw: an invalid locale (from
 * an attribute) falls back to English, then an invalid time zone to the
 * reader's own, so a bad value cannot break rendering.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Returns a formatter for `locale` and `options`, in `timeZone` or the reader's zone. */
export function dateTimeFormat(
  locale: string,
  options: Intl.DateTimeFormatOptions,
  timeZone?: string,
): Intl.DateTimeFormat {
  const cacheKey = `${locale}|${timeZone ?? ""}|${JSON.stringify(options)}`;
  let formatter = formatters.get(cacheKey);
  if (formatter === undefined) {
    const zoned: Intl.DateTimeFormatOptions = timeZone
      ? { ...options, timeZone }
      : options;
    formatter =
      createFormatter(locale, zoned) ??
      createFormatter("en", zoned) ??
      createFormatter("en", options)!;
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
