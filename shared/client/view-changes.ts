import type { AlertView } from "../view/alert-view.js";
import type { RemovalReason } from "./client-events.js";

/**
 * Compares the alerts shown before and after a change. A shown alert whose
 * new version has another key (an Update with a new identifier) counts as
 * updated, not as removed and added, so a surface notifies once. The new
 * version is matched through `previousKeys` (new key to the key it
 * replaced, from the lifecycle), else through the same `caseKey`.
 */
export function diffViews(
  before: readonly AlertView[],
  after: readonly AlertView[],
  previousKeys: ReadonlyMap<string, string>,
  removalReason: (key: string) => RemovalReason,
): {
  added: AlertView[];
  updated: AlertView[];
  removed: { key: string; reason: RemovalReason }[];
} {
  const unmatched = new Map(before.map((view) => [view.key, view]));
  const added: AlertView[] = [];
  const updated: AlertView[] = [];
  const newKeys: AlertView[] = [];

  for (const view of after) {
    const previous = unmatched.get(view.key);
    if (previous === undefined) {
      newKeys.push(view);
      continue;
    }
    unmatched.delete(view.key);
    if (previous.version !== view.version) updated.push(view);
  }

  for (const view of newKeys) {
    const previousKey = previousKeys.get(view.key);
    const previous =
      (previousKey === undefined ? undefined : unmatched.get(previousKey)) ??
      [...unmatched.values()].find((old) => old.caseKey === view.caseKey);
    if (previous === undefined) {
      added.push(view);
    } else {
      unmatched.delete(previous.key);
      updated.push(view);
    }
  }

  const removed = [...unmatched.keys()].map((key) => ({
    key,
    reason: removalReason(key),
  }));
  return { added, updated, removed };
}
