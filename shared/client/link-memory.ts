/**
 * The choice of the CAP documents an index links to that a poll fetches,
 * and the memory of those already read, so a poll fetches only new or
 * changed documents.
 */
import { statusShown } from "../filter/events.js";
import { alertKey } from "../lifecycle/alert-key.js";
import type { LifecycleState } from "../lifecycle/lifecycle-state.js";
import type { CapAlert } from "../model/cap.js";
import type { CapLink } from "../model/feed.js";
import { capTimeToEpochMs } from "../time/cap-time.js";

export class LinkMemory {
  /** Linked documents read: their entry's `updated` and the keys they contained. */
  private readonly read = new Map<
    string,
    { updated: string | undefined; keys: string[] }
  >();

  /** Remembers that a linked document was read, with the alerts it contained. */
  remember(link: CapLink, alerts: readonly CapAlert[]): void {
    this.read.set(link.url, {
      updated: link.updated,
      keys: alerts.map((alert) => alertKey(alert.sender, alert.identifier)),
    });
  }

  /**
   * Tells whether a linked CAP document must be fetched. It is skipped when
   * the index's summary shows it is an Ack or Error, has a status not shown,
   * is already stored at the same or a later `sent`, or has ended (a
   * tombstone). Without a summary, a document already read is skipped while
   * its entry's `updated` is unchanged and its alerts are still stored or
   * ended.
   */
  shouldFetch(
    link: CapLink,
    state: LifecycleState,
    includeTest: boolean,
  ): boolean {
    if (link.msgType === "Ack" || link.msgType === "Error") return false;
    if (link.status !== undefined && !statusShown(link.status, includeTest)) {
      return false;
    }
    if (link.sender !== undefined && link.identifier !== undefined) {
      const key = alertKey(link.sender, link.identifier);
      if (state.tombstones.has(key)) return false;
      const stored = state.alerts.get(key);
      if (stored === undefined) return true;
      const sentMs =
        link.sent === undefined ? null : capTimeToEpochMs(link.sent);
      return sentMs !== null && sentMs > stored.sentMs;
    }
    const read = this.read.get(link.url);
    if (read === undefined || read.updated !== link.updated) return true;
    return !read.keys.every(
      (key) => state.alerts.has(key) || state.tombstones.has(key),
    );
  }

  /**
   * Drops the memory of linked documents whose alerts are neither stored
   * nor have a tombstone any more, so the map does not grow without bound.
   */
  forgetEnded(state: LifecycleState): void {
    for (const [url, read] of this.read) {
      const known = read.keys.some(
        (key) => state.alerts.has(key) || state.tombstones.has(key),
      );
      if (!known) this.read.delete(url);
    }
  }
}
