/**
 * The rule a store follows to write an alert record that other clients
 * share. Several widgets on one page, or tabs of one site, each with their
 * own feeds, keep their alerts in one database. Each writes from its own
 * copy of the state, which may be older than what the store holds.
 */
import type { StoredAlert } from "../lifecycle/lifecycle-state.js";

/**
 * Returns the record to write for `incoming`, given what the store already
 * has under its key, or null to leave the store as it is:
 * - a tombstone for the key wins, so an alert another client ended never
 *   comes back from a client that had not heard of the end yet;
 * - a newer version in the store wins over an older incoming one;
 * - the same version from another client keeps the feeds of both, so each
 *   client still finds the alert among its own feeds' alerts;
 * - a newer incoming version replaces the stored one.
 */
export function mergeStoredAlert(
  incoming: StoredAlert,
  stored: StoredAlert | undefined,
  tombstoned: boolean,
): StoredAlert | null {
  if (tombstoned) return null;
  if (stored === undefined || incoming.sentMs > stored.sentMs) return incoming;
  if (incoming.sentMs < stored.sentMs) return null;
  const feeds = [...new Set([...stored.feeds, ...incoming.feeds])];
  return {
    ...incoming,
    feeds,
    receivedMs: Math.min(incoming.receivedMs, stored.receivedMs),
  };
}
