/**
 * Storage of alerts between visits: the lifecycle state and,
 * per feed, the HTTP validators and fetch status. Two implementations:
 * `IdbAlertStore` (IndexedDB) and `MemoryAlertStore` (for Node, and for
 * browsers where IndexedDB is missing or fails, such as some private
 * windows).
 */
import type {
  LifecycleChanges,
  LifecycleState,
} from "../lifecycle/lifecycle-state.js";

/** The implementation behind a store. */
export type AlertStoreKind = "indexeddb" | "memory";

/** The client's record of one feed. */
export interface FeedRecord {
  /** Absolute URL of the feed. */
  url: string;
  /** `ETag` of the last good response, sent back as `If-None-Match`. */
  etag?: string;
  /** `Last-Modified` of the last good response, sent back as `If-Modified-Since`. */
  lastModified?: string;
  /** Time of the last readable response or 304, in milliseconds since the epoch, by the client's `now` clock. */
  lastGoodFetchMs?: number;
  /** When the last fetch or parse failed, in milliseconds since the epoch, by the client's `now` clock. */
  lastErrorMs?: number;
  /** The error, as a sentence for a log or status line. */
  lastError?: string;
  /**
   * When the last request of a poll was made, by the reader's real clock
   * (`Date.now`), in milliseconds since the epoch. Another tab that takes
   * over polling waits one interval from it.
   */
  lastRequestMs?: number;
  /**
   * Real-clock time (`Date.now`) before which the server asked not to be
   * polled, from `Retry-After`, in milliseconds since the epoch.
   */
  retryAfterUntilMs?: number;
  /**
   * The server's clock minus the reader's, from the `Date` header of the
   * last good response, in milliseconds. Absent when the server sent no
   * usable `Date`.
   */
  clockOffsetMs?: number;
  /** Real-clock time (`Date.now`) of the good response the clock was last checked against. */
  clockCheckedMs?: number;
}

/** The lifecycle state as `AlertStore.load` returns it. */
export interface LoadedState extends LifecycleState {
  /**
   * How many records were not of the expected shape (a damaged or foreign
   * database). They are left out of the state and deleted from the store.
   */
  invalidRecords?: number;
}

/**
 * Persistent storage for the lifecycle state and feed records. Every
 * method is asynchronous, and `saveChanges` writes a change set atomically:
 * all of it or none.
 */
export interface AlertStore {
  readonly kind: AlertStoreKind;
  /**
   * Name of the IndexedDB database, for a store that the origin's other
   * tabs share; undefined for a store in memory.
   */
  readonly databaseName?: string;
  /** Reads the alerts and tombstones stored. */
  load(): Promise<LoadedState>;
  /**
   * Writes a change set from `applyMessages` or `expire`: stores added,
   * updated and touched alerts, deletes replaced and removed ones, writes
   * tombstones and deletes pruned tombstones.
   */
  saveChanges(changes: LifecycleChanges): Promise<void>;
  /** Reads the record of a feed, or undefined when there is none. */
  getFeed(url: string): Promise<FeedRecord | undefined>;
  /** Writes the record of a feed, replacing any earlier one. */
  putFeed(record: FeedRecord): Promise<void>;
  /**
   * Deletes the tombstones written before `endedBeforeMs` and returns how
   * many. Optional: the lifecycle prunes tombstones too; a store that
   * implements this lets the client prune before it loads the state.
   */
  pruneTombstones?(endedBeforeMs: number): Promise<number>;
  /** Releases the store. Later calls fail. */
  close(): void;
}

/** Lists the keys of alert records a change set deletes. */
export function deletedAlertKeys(changes: LifecycleChanges): string[] {
  const keys = changes.removed.map((removed) => removed.key);
  for (const { alert, previousKey } of changes.updated) {
    if (previousKey !== alert.key) keys.push(previousKey);
  }
  return keys;
}

/** Lists the alert records a change set writes. */
export function writtenAlerts(changes: LifecycleChanges) {
  return [
    ...changes.added,
    ...changes.updated.map((update) => update.alert),
    ...changes.touched,
  ];
}
