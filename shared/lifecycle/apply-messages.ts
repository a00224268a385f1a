/**
 * The alert lifecycle: how a batch of CAP messages changes the alerts in
 * force. Pure: the caller passes the state and the clock, and stores the
 * result.
 *
 * Rules, for messages keyed by sender and identifier (alert-key.ts):
 * - Messages are applied in order of `sent`, so the order within a feed does
 *   not matter. A message whose `sent` cannot be read cannot be ordered
 *   against its other versions and is ignored. Ack and Error are ignored.
 * - A message whose key has a tombstone is ignored: an ended or replaced
 *   message never comes back.
 * - The same key again: a later `sent` (compared as instants) replaces the
 *   stored version. An equal one is the same message, seen twice or from a
 *   second feed, so it only adds that feed's URL. An older one is ignored.
 *   Distinct keys are never merged, even with the same text.
 * - Alert: stored, unless a stored message of its chain already replaces it.
 * - Update: replaces every stored message its references name, directly or
 *   as an earlier member of the stored message's chain, and takes over the
 *   chain's `caseKey`. References to messages never seen are ignored, and
 *   the Update is stored even when it names nothing known. An Update older
 *   than the stored version of its chain, or naming a cancelled message, is
 *   ignored.
 * - Cancel: ends every stored message its references name, directly or
 *   through the chain, so a Cancel that lists only older versions still
 *   ends the current one. The Cancel itself is never stored.
 * - References act only on messages with the same `status`, so a Test or
 *   Exercise message cannot end an Actual alert. The keys that an Actual
 *   Update or Cancel names but the client never saw get tombstones, so those
 *   versions are ignored if they arrive later.
 * - Alerts whose end (end-time.ts) is not after `now` end with the reason
 *   "expired", and tombstones older than the retention period are deleted.
 */
import type { CapAlert } from "../model/cap.js";
import { capTimeToEpochMs } from "../time/cap-time.js";
import { alertKey, parseAlertKey } from "./alert-key.js";
import { alertEnd } from "./end-time.js";
import type {
  LifecycleChanges,
  LifecycleState,
  StoredAlert,
} from "./lifecycle-state.js";
import { referenceMatches } from "./reference-match.js";
import { TOMBSTONE_RETENTION_MS, Transition } from "./transition.js";

/** Context and settings for one call to `applyMessages`. */
export interface ApplyOptions {
  /** The current time, in milliseconds since the epoch. */
  now: number;
  /** URL of the feed the messages came from. */
  feedUrl: string;
  /** Lifetime of an alert with no end time. Default 24 hours. */
  defaultLifetimeMs?: number;
  /** How long tombstones are kept after they were written. Default 30 days. */
  tombstoneRetentionMs?: number;
}

/** Applies a batch of messages from one feed, by the rules above. */
export function applyMessages(
  state: LifecycleState,
  messages: readonly CapAlert[],
  options: ApplyOptions,
): { state: LifecycleState; changes: LifecycleChanges } {
  const transition = new Transition(state, options.now);
  const ordered = messages
    .map((alert) => ({ alert, sentMs: capTimeToEpochMs(alert.sent) }))
    .filter(
      (entry): entry is { alert: CapAlert; sentMs: number } =>
        entry.sentMs !== null,
    )
    .sort((a, b) => a.sentMs - b.sentMs);
  for (const { alert, sentMs } of ordered) {
    applyMessage(transition, alert, sentMs, options);
  }
  transition.expireEnded();
  const pruned = transition.pruneTombstones(
    options.tombstoneRetentionMs ?? TOMBSTONE_RETENTION_MS,
  );
  return transition.finish(pruned);
}

function applyMessage(
  transition: Transition,
  alert: CapAlert,
  sentMs: number,
  options: ApplyOptions,
): void {
  const key = alertKey(alert.sender, alert.identifier);
  if (alert.msgType === "Ack" || alert.msgType === "Error") return;
  if (transition.tombstones.has(key)) return;
  if (alert.msgType === "Cancel") {
    applyCancel(transition, alert, key);
    return;
  }

  const stored = transition.alerts.get(key);
  if (stored !== undefined) {
    if (sentMs < stored.sentMs) return;
    if (sentMs === stored.sentMs) {
      if (!stored.feeds.includes(options.feedUrl)) {
        transition.alerts.set(key, {
          ...stored,
          feeds: [...stored.feeds, options.feedUrl],
        });
      }
      return;
    }
  } else if (replacedByStored(transition, key)) {
    transition.end(messageOf(alert, key), "superseded");
    return;
  }

  const isUpdate = alert.msgType === "Update";
  const members = isUpdate
    ? chainMembers(transition, alert).filter((member) => member.key !== key)
    : [];
  if (members.some((member) => member.sentMs > sentMs)) {
    // A newer version of the chain is stored: this one arrived late.
    if (stored === undefined) {
      transition.end(messageOf(alert, key), "superseded");
    }
    return;
  }
  if (isUpdate && stored === undefined && namesCancelled(transition, alert)) {
    transition.end(messageOf(alert, key), "cancelled");
    return;
  }

  const end = alertEnd(alert, options);
  if (end === null) return;
  const referenced = isUpdate ? referencedKeys(alert) : [];
  const oldest = [...members].sort((a, b) => a.sentMs - b.sentMs)[0];
  const record: StoredAlert = {
    key,
    sender: alert.sender,
    identifier: alert.identifier,
    sentMs,
    caseKey: stored?.caseKey ?? oldest?.caseKey ?? referenced[0] ?? key,
    replaces: unique([
      ...(stored?.replaces ?? []),
      ...referenced,
      ...members.flatMap((member) => [member.key, ...member.replaces]),
    ]).filter((replacedKey) => replacedKey !== key),
    feeds: [options.feedUrl],
    receivedMs: options.now,
    endMs: end.endMs,
    endSource: end.source,
    alert,
  };
  for (const member of members) transition.supersede(member, key);
  if (isUpdate) buryUnseenReferences(transition, alert, "superseded");
  transition.alerts.set(key, record);
}

function applyCancel(
  transition: Transition,
  cancel: CapAlert,
  key: string,
): void {
  for (const member of chainMembers(transition, cancel)) {
    transition.end(messageOfStored(member), "cancelled");
    for (const replacedKey of member.replaces) {
      if (!transition.tombstones.has(replacedKey)) {
        const { sender, identifier } = parseAlertKey(replacedKey);
        transition.end(
          { key: replacedKey, sender, identifier, sent: "" },
          "cancelled",
        );
      }
    }
  }
  buryUnseenReferences(transition, cancel, "cancelled");
  transition.end(messageOf(cancel, key), "cancelled");
}

/**
 * Returns the stored alerts that the message's references name: directly
 * (same key and the same `sent` instant), or because the stored alert's chain
 * contains the named key. Only alerts with the message's status count.
 */
function chainMembers(
  transition: Transition,
  message: CapAlert,
): StoredAlert[] {
  const members: StoredAlert[] = [];
  for (const stored of transition.alerts.values()) {
    if (stored.alert.status !== message.status) continue;
    const named = message.references.some(
      (reference) =>
        referenceMatches(reference, stored) ||
        stored.replaces.includes(
          alertKey(reference.sender, reference.identifier),
        ),
    );
    if (named) members.push(stored);
  }
  return members;
}

/** Tells whether a stored alert's chain already contains this key. */
function replacedByStored(transition: Transition, key: string): boolean {
  for (const stored of transition.alerts.values()) {
    if (stored.replaces.includes(key)) return true;
  }
  return false;
}

function namesCancelled(transition: Transition, message: CapAlert): boolean {
  return referencedKeys(message).some(
    (key) => transition.tombstones.get(key)?.reason === "cancelled",
  );
}

/**
 * Writes tombstones for the keys an Actual message names that the client
 * neither stores nor has ended, so those versions are ignored if they arrive
 * later.
 */
function buryUnseenReferences(
  transition: Transition,
  message: CapAlert,
  reason: "superseded" | "cancelled",
): void {
  if (message.status !== "Actual") return;
  for (const reference of message.references) {
    const key = alertKey(reference.sender, reference.identifier);
    if (transition.alerts.has(key) || transition.tombstones.has(key)) continue;
    transition.end({ key, ...reference }, reason);
  }
}

function referencedKeys(message: CapAlert): string[] {
  return unique(
    message.references.map((reference) =>
      alertKey(reference.sender, reference.identifier),
    ),
  );
}

function messageOf(alert: CapAlert, key: string) {
  return {
    key,
    sender: alert.sender,
    identifier: alert.identifier,
    sent: alert.sent,
  };
}

function messageOfStored(alert: StoredAlert) {
  return messageOf(alert.alert, alert.key);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
