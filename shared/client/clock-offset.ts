/**
 * The reader's clock, checked against the feed servers' `Date` headers.
 *
 * A reader's clock can be hours wrong (a wrong time zone with the local
 * time set by hand shifts it by whole hours), and the client decides from
 * it whether an alert has ended. Each good response carries the server's
 * time in `Date`: RFC 9110 section 6.6.1 requires it of an origin server
 * with a clock in every 2xx, 3xx and 4xx response. So the client estimates
 * the offset between the two clocks, and judges end times by the corrected
 * clock: the reader's clock plus the offset.
 */

/**
 * Largest offset believed: 7 days either way. It covers every wrong time
 * zone (zones span 26 hours) and a date set a few days wrong. A larger
 * one is more likely a server with a wrong clock, or a `Date` a cache kept
 * for too long, than a reader's clock, and acting on it would hide every
 * live alert or show ended ones.
 */
export const MAX_CLOCK_OFFSET_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Earliest server time believed: 2024-01-01T00:00:00Z, before this code
 * was written, so a server whose clock reset to its epoch (1970, or 2000
 * on some devices) is never taken as the right time.
 */
export const EARLIEST_SERVER_TIME_MS = Date.UTC(2024, 0, 1);

/**
 * Offsets smaller than this count as zero: 2 seconds. `Date` has a
 * resolution of one second and the response took some time to arrive, so
 * a smaller difference is measurement noise, not a wrong clock.
 */
export const CLOCK_NOISE_MS = 2_000;

/**
 * Returns the server's clock minus the reader's, in milliseconds, from a
 * response's `Date` header (plus its `Age`, the seconds a cache held it),
 * read when the reader's clock showed `readerNowMs`. Returns undefined for
 * a missing or unreadable `Date`, a server time before
 * `EARLIEST_SERVER_TIME_MS`, or an offset larger than
 * `MAX_CLOCK_OFFSET_MS`. Returns 0 for an offset within `CLOCK_NOISE_MS`.
 */
export function serverClockOffset(
  date: string | undefined,
  age: string | undefined,
  readerNowMs: number,
): number | undefined {
  if (date === undefined) return undefined;
  const dateMs = Date.parse(date.trim());
  if (Number.isNaN(dateMs)) return undefined;
  const ageSeconds =
    age !== undefined && /^\d+$/.test(age.trim()) ? Number(age.trim()) : 0;
  const serverMs = dateMs + ageSeconds * 1000;
  if (serverMs < EARLIEST_SERVER_TIME_MS) return undefined;
  const offset = serverMs - readerNowMs;
  if (Math.abs(offset) > MAX_CLOCK_OFFSET_MS) return undefined;
  return Math.abs(offset) < CLOCK_NOISE_MS ? 0 : offset;
}

/**
 * Combines the offsets measured against several servers into one: their
 * median, so one server with a wrong clock does not move the result.
 * Returns 0 when there are none.
 */
export function combineClockOffsets(offsets: readonly number[]): number {
  if (offsets.length === 0) return 0;
  const sorted = [...offsets].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[middle]!
    : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
