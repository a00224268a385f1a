import type {
  LifecycleChanges,
  LifecycleState,
  StoredAlert,
  Tombstone,
} from "../lifecycle/lifecycle-state.js";
import {
  deletedAlertKeys,
  writtenAlerts,
  type AlertStore,
  type FeedRecord,
  type LoadedState,
} from "./alert-store.js";
import { mergeStoredAlert } from "./merge-stored-alert.js";

/**
 * An `AlertStore` in memory, lost when the page, worker or process ends.
 * Records are copied in and out with `structuredClone`, as IndexedDB does,
 * so a caller that changes a returned object does not change the store.
 */
export class MemoryAlertStore implements AlertStore {
  readonly kind = "memory";
  private readonly alerts = new Map<string, StoredAlert>();
  private readonly tombstones = new Map<string, Tombstone>();
  private readonly feeds = new Map<string, FeedRecord>();
  private closed = false;

  /**
   * Creates an empty store, or one that starts with a copy of `initial`:
   * the client passes its state when it falls back from IndexedDB.
   */
  constructor(
    initial: { state?: LifecycleState; feeds?: Iterable<FeedRecord> } = {},
  ) {
    for (const alert of initial.state?.alerts.values() ?? []) {
      this.alerts.set(alert.key, structuredClone(alert));
    }
    for (const tombstone of initial.state?.tombstones.values() ?? []) {
      this.tombstones.set(tombstone.key, structuredClone(tombstone));
    }
    for (const record of initial.feeds ?? []) {
      this.feeds.set(record.url, structuredClone(record));
    }
  }

  async load(): Promise<LoadedState> {
    this.checkOpen();
    return {
      alerts: new Map(structuredClone([...this.alerts])),
      tombstones: new Map(structuredClone([...this.tombstones])),
    };
  }

  async saveChanges(changes: LifecycleChanges): Promise<void> {
    this.checkOpen();
    for (const key of deletedAlertKeys(changes)) this.alerts.delete(key);
    for (const alert of writtenAlerts(changes)) {
      const merged = mergeStoredAlert(
        alert,
        this.alerts.get(alert.key),
        this.tombstones.has(alert.key),
      );
      if (merged !== null) this.alerts.set(alert.key, structuredClone(merged));
    }
    for (const tombstone of changes.tombstones) {
      this.tombstones.set(tombstone.key, structuredClone(tombstone));
    }
    for (const key of changes.prunedTombstones) this.tombstones.delete(key);
  }

  async getFeed(url: string): Promise<FeedRecord | undefined> {
    this.checkOpen();
    const record = this.feeds.get(url);
    return record === undefined ? undefined : structuredClone(record);
  }

  async putFeed(record: FeedRecord): Promise<void> {
    this.checkOpen();
    this.feeds.set(record.url, structuredClone(record));
  }

  async pruneTombstones(endedBeforeMs: number): Promise<number> {
    this.checkOpen();
    let pruned = 0;
    for (const [key, tombstone] of this.tombstones) {
      if (tombstone.endedMs < endedBeforeMs) {
        this.tombstones.delete(key);
        pruned += 1;
      }
    }
    return pruned;
  }

  close(): void {
    this.closed = true;
  }

  private checkOpen(): void {
    if (this.closed) throw new Error("The memory alert store is closed.");
  }
}
