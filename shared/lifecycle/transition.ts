/**
 * A working copy of the lifecycle state for one call to `applyMessages` or
 * `expire`: the rules change it in place, and `finish` compares it with the
 * state it started from to produce the change set.
 */
import type {
  EndReason,
  LifecycleChanges,
  LifecycleState,
  StoredAlert,
  Tombstone,
} from "./lifecycle-state.js";

/** How long a tombstone is kept after it was written: 30 days. */
export const TOMBSTONE_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

export class Transition {
  readonly alerts: Map<string, StoredAlert>;
  readonly tombstones: Map<string, Tombstone>;
  private readonly written = new Map<string, Tombstone>();
  /** Key of a replaced message to the key of the message that replaced it. */
  private readonly successors = new Map<string, string>();

  constructor(
    private readonly before: LifecycleState,
    readonly now: number,
  ) {
    this.alerts = new Map(before.alerts);
    this.tombstones = new Map(before.tombstones);
  }

  /** Ends a message: deletes its alert, if held, and writes its tombstone. */
  end(
    message: { key: string; sender: string; identifier: string; sent: string },
    reason: EndReason,
  ): void {
    this.alerts.delete(message.key);
    const tombstone: Tombstone = {
      key: message.key,
      sender: message.sender,
      identifier: message.identifier,
      sent: message.sent,
      reason,
      endedMs: this.now,
    };
    this.tombstones.set(message.key, tombstone);
    this.written.set(message.key, tombstone);
  }

  /** Ends `replaced` because the message with key `successorKey` replaces it. */
  supersede(replaced: StoredAlert, successorKey: string): void {
    this.end(messageOf(replaced), "superseded");
    this.successors.set(replaced.key, successorKey);
  }

  /** Ends every alert whose end time has passed, with the reason "expired". */
  expireEnded(): void {
    for (const alert of [...this.alerts.values()]) {
      if (alert.endMs <= this.now) this.end(messageOf(alert), "expired");
    }
  }

  /** Deletes tombstones written more than `retentionMs` ago. */
  pruneTombstones(retentionMs: number): string[] {
    const pruned: string[] = [];
    for (const [key, tombstone] of this.tombstones) {
      if (tombstone.endedMs + retentionMs <= this.now) {
        this.tombstones.delete(key);
        pruned.push(key);
      }
    }
    return pruned;
  }

  /**
   * Returns the new state and what changed since the state this transition
   * started from. An alert replaced by a new version is reported once, as
   * updated, even when the new version has a new key. An alert added and
   * ended within the same call is not reported at all.
   */
  finish(prunedTombstones: string[]): {
    state: LifecycleState;
    changes: LifecycleChanges;
  } {
    const changes: LifecycleChanges = {
      added: [],
      updated: [],
      removed: [],
      touched: [],
      tombstones: [...this.written.values()].filter(
        (tombstone) => this.tombstones.get(tombstone.key) === tombstone,
      ),
      prunedTombstones,
    };
    const gone = [...this.before.alerts.values()]
      .filter((alert) => !this.alerts.has(alert.key))
      .sort((a, b) => a.sentMs - b.sentMs);
    const reported = new Set<string>();

    for (const [key, alert] of this.alerts) {
      const previous = this.before.alerts.get(key);
      if (previous !== undefined) {
        if (previous.sentMs !== alert.sentMs) {
          changes.updated.push({ alert, previousKey: key });
        } else if (previous !== alert) {
          changes.touched.push(alert);
        }
        continue;
      }
      const predecessor = gone.find(
        (old) => !reported.has(old.key) && this.finalKey(old.key) === key,
      );
      if (predecessor === undefined) {
        changes.added.push(alert);
      } else {
        reported.add(predecessor.key);
        changes.updated.push({ alert, previousKey: predecessor.key });
      }
    }

    for (const old of gone) {
      if (reported.has(old.key)) continue;
      const last = this.finalKey(old.key);
      const reason = this.alerts.has(last)
        ? "superseded"
        : (this.written.get(last)?.reason ?? "expired");
      changes.removed.push({ key: old.key, reason });
    }

    return {
      state: { alerts: this.alerts, tombstones: this.tombstones },
      changes,
    };
  }

  /** Follows the chain of replacements from `key` to the latest version. */
  private finalKey(key: string): string {
    const seen = new Set<string>([key]);
    let current = key;
    for (;;) {
      const next = this.successors.get(current);
      if (next === undefined || seen.has(next)) return current;
      seen.add(next);
      current = next;
    }
  }
}

function messageOf(alert: StoredAlert) {
  return {
    key: alert.key,
    sender: alert.sender,
    identifier: alert.identifier,
    sent: alert.alert.sent,
  };
}
