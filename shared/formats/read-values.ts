/**
 * Readers for the kinds of value a CAP draft holds: tokens, free text,
 * times, URLs and valueName/value pairs. Each checks the value, reports what
 * is wrong with the path and the offending value, and returns undefined for
 * a value that must be dropped.
 */
import type { CapValuePair } from "../model/cap.js";
import {
  fieldsToEpochMs,
  formatCapTime,
  readCapTimeFields,
  resolveInTimeZone,
} from "../time/cap-time.js";
import type { Draft } from "./alert-draft.js";
import { cleanFreeText } from "./free-text.js";
import type { ValidationContext } from "./validation-context.js";

/** Reads a value as trimmed text; numbers are accepted as their decimal text. */
export function readString(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Reads a single-token field such as `identifier`, trimmed; empty counts as absent. */
export function readToken(draft: Draft, name: string): string | undefined {
  const text = readString(draft[name]);
  return text === undefined || text === "" ? undefined : text;
}

/**
 * Reads a human-readable field, trimmed, with one level of double escaping
 * undone unless the context says the text was written clean.
 */
export function readFreeText(
  draft: Draft,
  name: string,
  context: ValidationContext,
): string | undefined {
  const text = readString(draft[name]);
  if (text === undefined || text === "") return undefined;
  return context.textIsClean ? text : cleanFreeText(text);
}

/** Reads the non-empty strings of an array of strings. */
export function readStringList(value: unknown): string[] {
  if (!Array.isArray(value)) {
    const single = readString(value);
    return single ? [single] : [];
  }
  const list: string[] = [];
  for (const item of value) {
    const text = readString(item);
    if (text) list.push(text);
  }
  return list;
}

/**
 * Reads a CAP dateTime and returns it as written when valid. A time without an offset
 * is invalid CAP: it is read in the context's time zone (with a warning) or
 * rejected (an error), so the result never depends on the reader's zone.
 */
export function readTime(
  draft: Draft,
  name: string,
  path: string,
  context: ValidationContext,
): string | undefined {
  const text = readToken(draft, name);
  if (text === undefined) return undefined;
  const where = { entry: context.entry, path: `${path}${name}` };
  const fields = readCapTimeFields(text);
  if (fields === null) {
    context.issues.error(
      "invalid-time",
      `${name} is not a valid CAP dateTime such as 2024-05-01T14:30:00-05:00`,
      where,
      text,
    );
    return undefined;
  }
  if (fields.offsetMinutes !== null) {
    return text.endsWith("Z")
      ? formatCapTime(fieldsToEpochMs(fields, 0), 0)
      : text;
  }
  if (context.timeZone !== undefined) {
    const resolved = resolveInTimeZone(text, context.timeZone);
    if (resolved !== null) {
      context.issues.warning(
        "time-without-offset",
        `${name} has no time-zone offset, which CAP requires; it was read in the feed's configured zone ${context.timeZone} as ${resolved}`,
        where,
        text,
      );
      return resolved;
    }
  }
  context.issues.error(
    "time-without-offset",
    `${name} has no time-zone offset, which CAP requires, and no time zone is configured for this feed; the value was rejected`,
    where,
    text,
  );
  return undefined;
}

/**
 * Reads an absolute URL, resolved against the document's URL when relative.
 * Returns undefined, with a warning, for text that is not a URL. Which
 * schemes may be shown or fetched is decided where the URL is used.
 */
export function readUrl(
  draft: Draft,
  name: string,
  path: string,
  context: ValidationContext,
): string | undefined {
  const text = readToken(draft, name);
  if (text === undefined) return undefined;
  try {
    return new URL(text, context.baseUrl).href;
  } catch {
    context.issues.warning(
      "invalid-value",
      `${name} is not a valid URL and was dropped`,
      { entry: context.entry, path: `${path}${name}` },
      text,
    );
    return undefined;
  }
}

/** Reads a number such as `size` or `altitude`; undefined, with a warning, when not numeric. */
export function readNumber(
  draft: Draft,
  name: string,
  path: string,
  context: ValidationContext,
): number | undefined {
  const raw = draft[name];
  if (raw === undefined || raw === null || raw === "") return undefined;
  const number = typeof raw === "number" ? raw : Number(readString(raw));
  if (readString(raw) === "" || !Number.isFinite(number)) {
    context.issues.warning(
      "invalid-value",
      `${name} is not a number and was dropped`,
      { entry: context.entry, path: `${path}${name}` },
      raw,
    );
    return undefined;
  }
  return number;
}

/**
 * Reads a list of `valueName`/`value` pairs. Both parts are trimmed; a pair with
 * no valueName is dropped with a warning. `freeTextValues` cleans values as
 * human-readable text (parameters) rather than codes (geocodes).
 */
export function readPairs(
  value: unknown,
  path: string,
  context: ValidationContext,
  freeTextValues = false,
): CapValuePair[] {
  if (value === undefined) return [];
  const items = Array.isArray(value) ? value : [value];
  const pairs: CapValuePair[] = [];
  items.forEach((item, index) => {
    const pair = isDraft(item) ? item : {};
    const valueName = readToken(pair, "valueName");
    const text = freeTextValues
      ? readFreeText(pair, "value", context)
      : readToken(pair, "value");
    if (valueName === undefined) {
      context.issues.warning(
        "missing-element",
        "A valueName/value pair has no valueName and was dropped",
        { entry: context.entry, path: `${path}[${index}]` },
        item,
      );
      return;
    }
    pairs.push({ valueName, value: text ?? "" });
  });
  return pairs;
}

/** Matches a value against an enumeration, ignoring case; undefined when absent or unknown. */
export function readEnum<T extends string>(
  draft: Draft,
  name: string,
  allowed: readonly T[],
): { value: T; exact: boolean } | { raw: string } | undefined {
  const text = readToken(draft, name);
  if (text === undefined) return undefined;
  const exact = allowed.find((option) => option === text);
  if (exact !== undefined) return { value: exact, exact: true };
  const lower = text.toLowerCase();
  const loose = allowed.find((option) => option.toLowerCase() === lower);
  return loose !== undefined ? { value: loose, exact: false } : { raw: text };
}

export function isDraft(value: unknown): value is Draft {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Returns the drafts in a list field; anything that is not an object is reported and skipped. */
export function readDrafts(
  value: unknown,
  path: string,
  context: ValidationContext,
): Draft[] {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  const drafts: Draft[] = [];
  items.forEach((item, index) => {
    if (isDraft(item)) drafts.push(item);
    else {
      context.issues.error(
        "invalid-value",
        `${path}[${index}] is not an object and was dropped`,
        { entry: context.entry, path: `${path}[${index}]` },
        item,
      );
    }
  });
  return drafts;
}
