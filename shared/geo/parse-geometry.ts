/**
 * Reading CAP `polygon` and `circle` values, as text from XML feeds and as
 * numbers from JSON feeds.
 *
 * CAP 1.2 writes a point as "latitude,longitude" in WGS 84 degrees, a polygon
 * as whitespace-separated points whose first and last are equal (at least
 * four points), and a circle as "latitude,longitude radius" with the radius
 * in kilometres. Publishers stray from this in harmless ways, which are
 * accepted: any whitespace between pairs, a leading "+", a stray comma after
 * a pair, integer coordinates and a ring left open. A value out of range is
 * an error and is never "repaired" by swapping latitude and longitude,
 * because a swapped polygon would silently cover the wrong part of the world.
 */
import type { CapCircle, CapPoint, CapPolygon } from "../model/cap.js";

/** A parsed value with the fixes applied to it, or an error sentence. */
export type GeometryResult<T> =
  { value: T; warnings: string[] } | { error: string };

/** A decimal number as publishers write it: optional sign, no exponent. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** Maximum length of feed text quoted in a message. */
const MAX_QUOTED_LENGTH = 60;

/**
 * Parses the text of a CAP `polygon` element.
 *
 * A ring left open is closed, with a warning. The result is an error when
 * the text is empty or a token is not a number. It is also an error when a
 * pair is incomplete or has more than two values, a coordinate is out of
 * range, or the ring has fewer than three distinct vertices.
 */
export function parsePolygon(text: string): GeometryResult<CapPolygon> {
  const wellFormed = readWellFormedPolygon(text);
  if (wellFormed !== null) return closeRing(wellFormed);

  const tokens = text.trim().split(/\s+/).filter(Boolean);
  if (tokens.length === 0) {
    return { error: "The polygon is empty: CAP requires at least 4 points." };
  }

  const points: CapPoint[] = [];
  // Half of a pair written with a space after its comma, as in "45.5, -73.5".
  let pendingLatitude: { value: number; token: string } | null = null;

  for (const token of tokens) {
    const parts = token.split(",").filter((part) => part !== "");
    const numbers: number[] = [];
    for (const part of parts) {
      const number = readDecimal(part);
      if (number === null) {
        return {
          error: `The polygon contains ${quote(part)}, which is not a number.`,
        };
      }
      numbers.push(number);
    }

    if (numbers.length > 2) {
      return {
        error: `The polygon point ${quote(token)} has ${numbers.length} values, but CAP writes each point as "latitude,longitude".`,
      };
    }
    if (numbers.length === 0) continue;

    if (pendingLatitude !== null) {
      if (numbers.length === 2) {
        return {
          error: `The polygon point ${quote(pendingLatitude.token)} has no longitude.`,
        };
      }
      const pairText = `${pendingLatitude.token} ${token}`;
      const checked = checkPoint(pendingLatitude.value, numbers[0]!, pairText);
      if (typeof checked === "string") return { error: checked };
      points.push(checked);
      pendingLatitude = null;
      continue;
    }

    if (numbers.length === 1) {
      pendingLatitude = { value: numbers[0]!, token };
      continue;
    }

    const checked = checkPoint(numbers[0]!, numbers[1]!, token);
    if (typeof checked === "string") return { error: checked };
    points.push(checked);
  }

  if (pendingLatitude !== null) {
    return {
      error: `The polygon point ${quote(pendingLatitude.token)} has no longitude.`,
    };
  }
  return closeRing(points);
}

/**
 * Reads the form publishers usually write, "lat,lon lat,lon ...": decimal
 * numbers, one comma inside each pair, ASCII whitespace between pairs,
 * every value in range. It scans the text once instead of splitting it into
 * strings: splitting made `parsePolygon` 160 of the 274 ms that validating
 * the 1,000 alerts of `npm run bench`'s feed took in Node 20. Returns null
 * for any other text, which `parsePolygon` then reads token by token, so
 * the fixes, warnings and errors stay those of that general path.
 */
function readWellFormedPolygon(text: string): CapPoint[] | null {
  const points: CapPoint[] = [];
  const length = text.length;
  let cursor = skipAsciiSpace(text, 0);
  while (cursor < length) {
    const latEnd = scanDecimal(text, cursor);
    if (latEnd === -1 || text.charCodeAt(latEnd) !== 44 /* , */) return null;
    const lat = scannedValue;
    const lonEnd = scanDecimal(text, latEnd + 1);
    if (lonEnd === -1) return null;
    if (lonEnd < length && !isAsciiSpace(text.charCodeAt(lonEnd))) return null;
    const lon = scannedValue;

    if (lat < -90 || lat > 90 || lon < -180 || lon > 180) return null;
    points.push([lat, lon]);
    cursor = skipAsciiSpace(text, lonEnd);
  }
  return points.length > 0 ? points : null;
}

/** Powers of ten that a double represents exactly: 10^0 to 10^22. */
const EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, power) =>
  Number(`1e${power}`),
);

/** The value of the number that the last successful `scanDecimal` read. */
let scannedValue = 0;

/**
 * Reads the decimal number (DECIMAL: optional sign, digits with an optional
 * fraction, or a fraction alone) that starts at `start` into
 * `scannedValue`, and returns the offset just past it, or -1 when none
 * starts there. The value equals `Number()` of the same text. With at most
 * 15 digits, the digits form an exact integer, so its division by an exact
 * power of ten rounds once and correctly (IEEE 754). Longer numbers go
 * through `Number()`.
 */
function scanDecimal(text: string, start: number): number {
  let cursor = start;
  const sign = text.charCodeAt(cursor);
  if (sign === 43 /* + */ || sign === 45 /* - */) cursor += 1;
  let digits = 0;
  let mantissa = 0;
  let fractionDigits = 0;

  const integerStart = cursor;
  for (let code = text.charCodeAt(cursor); isDigit(code);) {
    mantissa = mantissa * 10 + (code - 48);
    digits += 1;
    cursor += 1;
    code = text.charCodeAt(cursor);
  }
  const hasInteger = cursor > integerStart;
  if (text.charCodeAt(cursor) === 46 /* . */) {
    cursor += 1;
    for (let code = text.charCodeAt(cursor); isDigit(code);) {
      mantissa = mantissa * 10 + (code - 48);
      digits += 1;
      fractionDigits += 1;
      cursor += 1;
      code = text.charCodeAt(cursor);
    }
    // "1." is a number; "." and "-." are not.
    if (!hasInteger && fractionDigits === 0) return -1;
  } else if (!hasInteger) {
    return -1;
  }

  if (digits <= 15) {
    const magnitude = mantissa / EXACT_POWERS_OF_TEN[fractionDigits]!;
    scannedValue = sign === 45 ? -magnitude : magnitude;
  } else {
    scannedValue = Number(text.slice(start, cursor));
  }
  return cursor;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Space, tab, line feed, vertical tab, form feed or carriage return: all matched by `\s`. */
function isAsciiSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

function skipAsciiSpace(text: string, start: number): number {
  let cursor = start;
  while (cursor < text.length && isAsciiSpace(text.charCodeAt(cursor))) {
    cursor += 1;
  }
  return cursor;
}

/**
 * Parses the text of a CAP `circle` element: "latitude,longitude radius",
 * with the radius in kilometres. A radius of 0 is a single point.
 */
export function parseCircle(text: string): GeometryResult<CapCircle> {
  const trimmed = text.trim();
  if (trimmed === "") {
    return {
      error:
        'The circle is empty: CAP writes a circle as "latitude,longitude radius".',
    };
  }

  const parts = trimmed.split(/[\s,]+/).filter(Boolean);
  const numbers: number[] = [];
  for (const part of parts) {
    const number = readDecimal(part);
    if (number === null) {
      return {
        error: `The circle contains ${quote(part)}, which is not a number.`,
      };
    }
    numbers.push(number);
  }
  if (numbers.length !== 3) {
    return {
      error: `The circle ${quote(trimmed)} has ${numbers.length} values, but CAP writes a circle as "latitude,longitude radius" with the radius in kilometres.`,
    };
  }
  return checkCircle(numbers[0]!, numbers[1]!, numbers[2]!);
}

/**
 * Checks a polygon given as numbers, such as `[[lat, lon], ...]` from a JSON
 * feed, and returns a copy. The input is untrusted and may have any shape.
 * The same rules as for `parsePolygon` apply, including closing an open ring.
 */
export function validatePolygon(points: unknown): GeometryResult<CapPolygon> {
  if (!Array.isArray(points)) {
    return {
      error: `The polygon is not a list of [latitude, longitude] pairs but ${describe(points)}.`,
    };
  }
  if (points.length === 0) {
    return { error: "The polygon is empty: CAP requires at least 4 points." };
  }

  const copy: CapPoint[] = [];
  for (const [index, point] of points.entries()) {
    if (!Array.isArray(point) || point.length !== 2) {
      return {
        error: `Polygon point ${index + 1} is not a [latitude, longitude] pair but ${describe(point)}.`,
      };
    }
    const [lat, lon] = point as unknown[];
    if (!isFiniteNumber(lat) || !isFiniteNumber(lon)) {
      return {
        error: `Polygon point ${index + 1} is not a pair of finite numbers but ${describe(point)}.`,
      };
    }
    const checked = checkPoint(lat, lon, `${lat},${lon}`);
    if (typeof checked === "string") return { error: checked };
    copy.push(checked);
  }
  return closeRing(copy);
}

/**
 * Checks a circle given as numbers, `{ lat, lon, radius }` with the radius in
 * kilometres, such as from a JSON feed, and returns a copy. The input is
 * untrusted and may have any shape.
 */
export function validateCircle(value: unknown): GeometryResult<CapCircle> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return {
      error: `The circle is not an object { lat, lon, radius } but ${describe(value)}.`,
    };
  }
  const { lat, lon, radius } = value as Record<string, unknown>;
  for (const [name, field] of [
    ["lat", lat],
    ["lon", lon],
    ["radius", radius],
  ] as const) {
    if (!isFiniteNumber(field)) {
      return {
        error: `The circle's ${name} is not a finite number but ${describe(field)}.`,
      };
    }
  }
  return checkCircle(lat as number, lon as number, radius as number);
}

function checkCircle(
  lat: number,
  lon: number,
  radius: number,
): GeometryResult<CapCircle> {
  const centre = checkPoint(lat, lon, `${lat},${lon}`);
  if (typeof centre === "string") return { error: centre };
  if (radius < 0) {
    return {
      error: `The circle radius ${radius} is negative: it must be 0 or more kilometres.`,
    };
  }
  return { value: { lat, lon, radius }, warnings: [] };
}

/** Returns the point, or an error sentence naming the value out of range. */
function checkPoint(
  lat: number,
  lon: number,
  source: string,
): CapPoint | string {
  if (lat < -90 || lat > 90) {
    return `The latitude ${lat} in ${quote(source)} is outside -90 to 90. CAP writes each point as "latitude,longitude".`;
  }
  if (lon < -180 || lon > 180) {
    return `The longitude ${lon} in ${quote(source)} is outside -180 to 180.`;
  }
  return [lat, lon];
}

function closeRing(points: CapPoint[]): GeometryResult<CapPolygon> {
  const warnings: string[] = [];
  const first = points[0]!;
  const last = points[points.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) {
    points.push([first[0], first[1]]);
    warnings.push(
      `The polygon ring was not closed: its first point ${first[0]},${first[1]} was repeated at the end.`,
    );
  }

  const distinct = countDistinctPoints(points, 3);
  if (points.length < 4 || distinct < 3) {
    return {
      error: `The polygon has ${distinct} distinct ${distinct === 1 ? "point" : "points"}, but a ring needs at least 3 (4 points with the closing one).`,
    };
  }
  return { value: points, warnings };
}

/**
 * Counts the distinct points of a ring, stopping at `limit`, so a large
 * ring costs a few comparisons instead of a string per point. Points are
 * compared by value, and -0 equals 0.
 */
function countDistinctPoints(points: CapPoint[], limit: number): number {
  const distinct: CapPoint[] = [];
  for (const [lat, lon] of points) {
    if (distinct.some((point) => point[0] === lat && point[1] === lon)) {
      continue;
    }
    distinct.push([lat, lon]);
    if (distinct.length === limit) break;
  }
  return distinct.length;
}

function readDecimal(text: string): number | null {
  return DECIMAL.test(text) ? Number(text) : null;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function quote(text: string): string {
  const short =
    text.length > MAX_QUOTED_LENGTH
      ? `${text.slice(0, MAX_QUOTED_LENGTH)}…`
      : text;
  return `"${short}"`;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `a list of ${value.length} items`;
  if (typeof value === "string") return `the text ${quote(value)}`;
  if (typeof value === "number") return String(value);
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
