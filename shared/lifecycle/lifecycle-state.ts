/**
 * The state the alert lifecycle keeps: the alerts in force, and a record of
 * every message that ended (a tombstone), so that an older version or a
 * message a Cancel named never comes back.
 */
import type { CapAlert } from "../model/cap.js";
import type { EndSource } from "./end-time.js";

/** Reason a message stopped being shown. */
export type EndReason = "cancelled" | "superseded" | "expired";

/** An alert in force, as the lifecycle stores it. */
export interface StoredAlert {
  /** `alertKey(sender, identifier)`. */
  key: string;
  sender: string;
  identifier: string;
  /** The instant of `alert.sent`, in milliseconds since the epoch. */
  sentMs: number;
  /**
   * Key of the first message of the chain of Updates this alert belongs to;
   * the alert's own key when it starts a chain.
   */
  caseKey: string;
  /**
   * Keys of the earlier messages of the chain: every message this one and
   * its predecessors referenced, whether the client saw them or not.
   */
  replaces: string[];
  /** URLs of the feeds that delivered this version. */
  feeds: string[];
  /** When the client first stored this version, in milliseconds since the epoch. */
  receivedMs: number;
  /** When the alert ends, in milliseconds since the epoch (see end-time.ts). */
  endMs: number;
  endSource: EndSource;
  /** The CAP message itself. */
  alert: CapAlert;
}

/**
 * A message that ended. It contains only what identifies the message, never its
 * text or photo: once a child is found, the alert's content is deleted.
 */
export interface Tombstone {
  key: string;
  sender: string;
  identifier: string;
  /**
   * The message's `sent` as written, or the `sent` of the reference that
   * named it; empty when only the key is known.
   */
  sent: string;
  reason: EndReason;
  /** When the tombstone was written, in milliseconds since the epoch. */
  endedMs: number;
}

/** Alerts in force and tombstones, each by key. Treated as immutable. */
export interface LifecycleState {
  alerts: ReadonlyMap<string, StoredAlert>;
  tombstones: ReadonlyMap<string, Tombstone>;
}

/**
 * Changes made by one call to `applyMessages` or `expire`: for a surface
 * (added, updated, removed) and for a store (the records to write and
 * delete).
 */
export interface LifecycleChanges {
  /** Alerts now in force that were not before and do not replace an earlier version. */
  added: StoredAlert[];
  /**
   * New versions of alerts that were in force: `previousKey` is the key of
   * the version replaced, which equals `alert.key` when the same message
   * was re-sent with a later `sent`.
   */
  updated: { alert: StoredAlert; previousKey: string }[];
  /** Alerts that were in force and ended without a version to replace them. */
  removed: { key: string; reason: EndReason }[];
  /** Alerts whose record changed without a new version, such as a second feed URL. */
  touched: StoredAlert[];
  /** Tombstones written. */
  tombstones: Tombstone[];
  /** Keys of tombstones deleted after their retention period. */
  prunedTombstones: string[];
}

/** Returns a state with no alerts and no tombstones. */
export function emptyLifecycleState(): LifecycleState {
  return { alerts: new Map(), tombstones: new Map() };
}

/** Returns true when a change set changes nothing. */
export function isEmptyChanges(changes: LifecycleChanges): boolean {
  return (
    changes.added.length === 0 &&
    changes.updated.length === 0 &&
    changes.removed.length === 0 &&
    changes.touched.length === 0 &&
    changes.tombstones.length === 0 &&
    changes.prunedTombstones.length === 0
  );
}
