/**
 * Shape checks for records read from IndexedDB. A database can hold records
 * this code did not write as it expects: damaged by a crash or a disk
 * error, written by an older or newer version, or by another script of the
 * same origin. The store checks every record it reads and leaves out
 * those that fail, so the client is not handed a record it would throw on.
 *
 * The checks cover the fields the lifecycle, the filters and the view
 * read, down to the arrays of each info block and area, but not the type
 * of every value in them.
 */
import { alertKey } from "../lifecycle/alert-key.js";
import type { StoredAlert, Tombstone } from "../lifecycle/lifecycle-state.js";
import type { FeedRecord } from "./alert-store.js";

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function isString(value: unknown): value is string {
  return typeof value === "string";
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(isString);
}

function isOptional(
  value: unknown,
  check: (value: unknown) => boolean,
): boolean {
  return value === undefined || check(value);
}

/** Tells whether `key` is the key that `sender` and `identifier` make. */
function hasKeyFields(value: Record<string, unknown>): boolean {
  const { key, sender, identifier } = value;
  return (
    isString(key) &&
    isString(sender) &&
    isString(identifier) &&
    key === alertKey(sender, identifier)
  );
}

/** Tells whether a record read from the `alerts` store has the shape of a `StoredAlert`. */
export function isStoredAlert(value: unknown): value is StoredAlert {
  if (!isObject(value)) return false;
  const alert = value["alert"];
  return (
    hasKeyFields(value) &&
    isFiniteNumber(value["sentMs"]) &&
    isString(value["caseKey"]) &&
    isStringArray(value["replaces"]) &&
    isStringArray(value["feeds"]) &&
    isFiniteNumber(value["receivedMs"]) &&
    isFiniteNumber(value["endMs"]) &&
    isString(value["endSource"]) &&
    isObject(alert) &&
    alert["sender"] === value["sender"] &&
    alert["identifier"] === value["identifier"] &&
    isString(alert["sent"]) &&
    isString(alert["status"]) &&
    isString(alert["msgType"]) &&
    Array.isArray(alert["code"]) &&
    Array.isArray(alert["references"]) &&
    Array.isArray(alert["incidents"]) &&
    Array.isArray(alert["info"]) &&
    alert["info"].every(isCapInfo)
  );
}

/** Tells whether a value has the fields of a CAP info block that the client reads. */
function isCapInfo(value: unknown): boolean {
  return (
    isObject(value) &&
    isString(value["language"]) &&
    isString(value["event"]) &&
    isStringArray(value["category"]) &&
    isStringArray(value["responseType"]) &&
    Array.isArray(value["eventCode"]) &&
    value["eventCode"].every(isValuePair) &&
    Array.isArray(value["parameter"]) &&
    value["parameter"].every(isValuePair) &&
    Array.isArray(value["resource"]) &&
    value["resource"].every(isObject) &&
    Array.isArray(value["area"]) &&
    value["area"].every(isCapArea)
  );
}

function isCapArea(value: unknown): boolean {
  return (
    isObject(value) &&
    isString(value["areaDesc"]) &&
    Array.isArray(value["polygon"]) &&
    value["polygon"].every(Array.isArray) &&
    Array.isArray(value["circle"]) &&
    value["circle"].every(isObject) &&
    Array.isArray(value["geocode"]) &&
    value["geocode"].every(isValuePair)
  );
}

function isValuePair(value: unknown): boolean {
  return (
    isObject(value) && isString(value["valueName"]) && isString(value["value"])
  );
}

/** Tells whether a record read from the `tombstones` store has the shape of a `Tombstone`. */
export function isTombstone(value: unknown): value is Tombstone {
  return (
    isObject(value) &&
    hasKeyFields(value) &&
    isString(value["sent"]) &&
    isString(value["reason"]) &&
    isFiniteNumber(value["endedMs"])
  );
}

/** Tells whether a record read from the `feeds` store has the shape of a `FeedRecord`. */
export function isFeedRecord(value: unknown): value is FeedRecord {
  return (
    isObject(value) &&
    isString(value["url"]) &&
    isOptional(value["etag"], isString) &&
    isOptional(value["lastModified"], isString) &&
    isOptional(value["lastGoodFetchMs"], isFiniteNumber) &&
    isOptional(value["lastErrorMs"], isFiniteNumber) &&
    isOptional(value["lastError"], isString) &&
    isOptional(value["lastRequestMs"], isFiniteNumber) &&
    isOptional(value["retryAfterUntilMs"], isFiniteNumber) &&
    isOptional(value["clockOffsetMs"], isFiniteNumber) &&
    isOptional(value["clockCheckedMs"], isFiniteNumber)
  );
}
