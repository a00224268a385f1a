/**
 * The alert versions a reader dismissed, kept in localStorage under one key
 * as a JSON array of `AlertView.version` ids and nothing else. Dismissing
 * hides that version only: an Update has a new version and shows again.
 * Where localStorage is unavailable (storage blocked, sandboxed frames) the
 * set lives in memory for the page's lifetime.
 */

/** The localStorage key that contains the dismissed versions. */
export const DISMISSED_STORAGE_KEY = "child-alert:dismissed";

let memoryFallback: Set<string> | null = null;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Reads the dismissed versions. A missing or corrupt record reads as none. */
export function readDismissed(): Set<string> {
  if (memoryFallback !== null) return new Set(memoryFallback);
  const store = storage();
  if (store === null) return new Set();
  try {
    const value: unknown = JSON.parse(
      store.getItem(DISMISSED_STORAGE_KEY) ?? "[]",
    );
    if (!Array.isArray(value)) return new Set();
    return new Set(value.filter((id): id is string => typeof id === "string"));
  } catch {
    return new Set();
  }
}

function writeDismissed(versions: Set<string>): void {
  const store = storage();
  try {
    if (store === null) throw new Error("localStorage is unavailable");
    if (versions.size === 0) store.removeItem(DISMISSED_STORAGE_KEY);
    else store.setItem(DISMISSED_STORAGE_KEY, JSON.stringify([...versions]));
    memoryFallback = null;
  } catch {
    memoryFallback = new Set(versions);
  }
}

/** Records a dismissed version. */
export function addDismissed(version: string): void {
  const versions = readDismissed();
  versions.add(version);
  writeDismissed(versions);
}

/**
 * Forgets dismissed versions that are not in `activeVersions`, so the record
 * contains only alerts still in force.
 *
 * NOTE: two widgets on one origin with different filters share the record.
 * One of them can prune a version that the other still shows, and that
 * alert then reappears in the other widget.
 */
export function pruneDismissed(activeVersions: ReadonlySet<string>): void {
  const versions = readDismissed();
  const remaining = new Set(
    [...versions].filter((id) => activeVersions.has(id)),
  );
  if (remaining.size !== versions.size) writeDismissed(remaining);
}

/**
 * Forgets every dismissed version of the alerts with these keys
 * (`sender,identifier`), as the client's "forget" event lists them when
 * the alerts end, so nothing of an ended alert stays in localStorage. A
 * version is its key, a comma and its `sent` time, which has no comma.
 */
export function forgetDismissed(keys: Iterable<string>): void {
  const ended = new Set(keys);
  if (ended.size === 0) return;
  const versions = readDismissed();
  const remaining = new Set(
    [...versions].filter(
      (version) => !ended.has(version.slice(0, version.lastIndexOf(","))),
    ),
  );
  if (remaining.size !== versions.size) writeDismissed(remaining);
}
