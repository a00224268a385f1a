/**
 * CAP dateTime values, read exactly.
 *
 * CAP 1.2 writes times as "2002-05-24T16:49:00-07:00": an XML Schema
 * dateTime whose offset is required ("-00:00" means UTC). The instant is
 * computed from the written fields and offset alone, never through the
 * reader's local time zone, so the result is the same on every device.
 */

/** The parts of a CAP dateTime as written. */
export interface CapTimeFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Offset east of UTC in minutes; null when the value has none (invalid CAP). */
  offsetMinutes: number | null;
}

const CAP_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})?$/;

const MAX_OFFSET_MINUTES = 14 * 60;
const DAY_MS = 86_400_000;

/**
 * Reads the fields of a CAP dateTime. Returns null when the text is not a
 * dateTime or names an impossible date or time (a 31st of April, hour 25).
 * A "Z" suffix is accepted as UTC, although CAP 1.2 requires "-00:00".
 */
export function readCapTimeFields(text: string): CapTimeFields | null {
  const match = CAP_TIME.exec(text.trim());
  if (match === null) return null;
  const [, y, mo, d, h, mi, s, fraction, zone] = match;
  const fields: CapTimeFields = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: Number(s),
    millisecond: fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0,
    offsetMinutes: zone === undefined ? null : readOffset(zone),
  };
  if (fields.month < 1 || fields.month > 12) return null;
  if (fields.day < 1 || fields.day > daysInMonth(fields.year, fields.month)) {
    return null;
  }
  if (fields.hour > 23 || fields.minute > 59 || fields.second > 60) return null;
  if (
    fields.offsetMinutes !== null &&
    Math.abs(fields.offsetMinutes) > MAX_OFFSET_MINUTES
  ) {
    return null;
  }
  return fields;
}

/**
 * Returns the instant of a CAP dateTime in milliseconds since the epoch, or
 * null when the value is invalid or has no offset. A leap second (":60")
 * is read as the last millisecond of that minute.
 */
export function capTimeToEpochMs(text: string): number | null {
  const fields = readCapTimeFields(text);
  if (fields === null || fields.offsetMinutes === null) return null;
  return fieldsToEpochMs(fields, fields.offsetMinutes);
}

/** Computes the instant of `fields` read at the given offset east of UTC. */
export function fieldsToEpochMs(
  fields: CapTimeFields,
  offsetMinutes: number,
): number {
  const leapSecond = fields.second === 60;
  const date = new Date(0);
  date.setUTCFullYear(fields.year, fields.month - 1, fields.day);
  date.setUTCHours(
    fields.hour,
    fields.minute,
    leapSecond ? 59 : fields.second,
    leapSecond ? 999 : fields.millisecond,
  );
  return date.getTime() - offsetMinutes * 60_000;
}

/**
 * Writes an instant as a CAP dateTime at the given offset, such as
 * "2024-05-01T14:30:00-05:00". Milliseconds are written only when not zero.
 * Offset zero is written "+00:00".
 */
export function formatCapTime(epochMs: number, offsetMinutes: number): string {
  const local = new Date(epochMs + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const absolute = Math.abs(offsetMinutes);
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-` +
    `${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:` +
    `${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    (local.getUTCMilliseconds()
      ? `.${pad(local.getUTCMilliseconds(), 3)}`
      : "") +
    `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`
  );
}

/**
 * Reads a dateTime that lacks its offset as wall-clock time in an IANA time
 * zone, and returns it as a CAP dateTime with the zone's offset at that
 * moment. Returns null when the zone is unknown or the value invalid. In the
 * hour skipped by a daylight-saving change, the offset before the change is
 * used. In the hour that repeats, the earlier of the two instants is used.
 */
export function resolveInTimeZone(
  text: string,
  timeZone: string,
): string | null {
  const fields = readCapTimeFields(text);
  if (fields === null) return null;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = zoneFormatter(timeZone);
  } catch {
    return null;
  }
  const wallClock = fieldsToEpochMs(fields, 0);
  // A day either side of the reading, the zone shows the offsets before and
  // after any daylight-saving change near it. The larger offset gives the
  // earlier instant, so it is tried first.
  const before = zoneOffsetMinutes(formatter, wallClock - DAY_MS);
  const after = zoneOffsetMinutes(formatter, wallClock + DAY_MS);
  for (const offset of [Math.max(before, after), Math.min(before, after)]) {
    const instant = wallClock - offset * 60_000;
    if (zoneOffsetMinutes(formatter, instant) === offset) {
      return formatCapTime(instant, offset);
    }
  }
  return formatCapTime(wallClock - before * 60_000, before);
}

/**
 * Returns the offset of an IANA time zone at an instant, in minutes east of
 * UTC, such as 120 for Europe/Athens in winter. Throws RangeError for an
 * unknown zone.
 */
export function timeZoneOffsetMinutes(
  timeZone: string,
  epochMs: number,
): number {
  return zoneOffsetMinutes(zoneFormatter(timeZone), epochMs);
}

function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
}

/** Returns the offset of the formatter's zone at an instant, in minutes east of UTC. */
function zoneOffsetMinutes(
  formatter: Intl.DateTimeFormat,
  epochMs: number,
): number {
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(epochMs))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    parts["year"]!,
    parts["month"]! - 1,
    parts["day"]!,
    parts["hour"]!,
    parts["minute"]!,
    parts["second"]!,
  );
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  return Math.round((asUtc - wholeSecond) / 60_000);
}

function readOffset(zone: string): number {
  if (zone === "Z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, "0");
}
