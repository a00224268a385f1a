/**
 * An `AlertStore` in IndexedDB, through the `idb` wrapper.
 *
 * Object stores (schema version 2):
 * - `alerts`: `StoredAlert` records, keyed by [sender, identifier];
 * - `tombstones`: `Tombstone` records, keyed by [sender, identifier], with
 *   the index `endedMs` (added in version 2) that pruning reads;
 * - `feeds`: `FeedRecord` records, keyed by feed URL.
 *
 * A change set is written in one readwrite transaction, so a crash leaves
 * either the old state or the new one. Transactions contain only store
 * requests: IndexedDB commits a transaction as soon as it has no pending
 * request, so awaiting a fetch or a timer inside one would end it early.
 *
 * Faults the store handles itself:
 * - another page opens a newer version (`versionchange`): the connection is
 *   closed at once so that page's upgrade is not blocked, and later calls
 *   reject with the kind "newer-version";
 * - this page's upgrade is blocked by an older connection elsewhere: `open`
 *   rejects with the kind "blocked" at once, instead of waiting;
 * - an object store or index of this version is missing: the database is
 *   deleted and created again, because it contains only a cache of public
 *   feeds that the next poll fills again;
 * - a record of the wrong shape: `load` leaves it out and deletes it.
 */
import {
  deleteDB,
  openDB,
  type DBSchema,
  type IDBPDatabase,
  type IDBPTransaction,
  type StoreNames,
} from "idb";
import { parseAlertKey } from "../lifecycle/alert-key.js";
import type {
  LifecycleChanges,
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
import { isFeedRecord, isStoredAlert, isTombstone } from "./record-shape.js";
import {
  AlertStoreError,
  describeStoreError,
  storeFailureKind,
} from "./store-failure.js";

/** Name of the database unless the caller gives another. */
export const DEFAULT_DATABASE_NAME = "child-alert";

/** The schema version this code writes. Raise it with a step in `upgradeSchema`. */
export const SCHEMA_VERSION = 2;

interface ChildAlertSchema extends DBSchema {
  alerts: { key: [string, string]; value: StoredAlert };
  tombstones: {
    key: [string, string];
    value: Tombstone;
    indexes: { endedMs: number };
  };
  feeds: { key: string; value: FeedRecord };
}

type Database = IDBPDatabase<ChildAlertSchema>;

/** Object stores and indexes this version needs, to detect a damaged database. */
const REQUIRED_SCHEMA: Record<StoreNames<ChildAlertSchema>, string[]> = {
  alerts: [],
  tombstones: ["endedMs"],
  feeds: [],
};

/**
 * Brings a database from `oldVersion` (0 when it is new) to
 * `SCHEMA_VERSION`. Each step runs when the database is older than the
 * version the step introduces, in order, so a database several versions
 * behind goes through each step. No step deletes the `alerts` store or its
 * records, so an upgrade loses no alert.
 */
function upgradeSchema(
  database: Database,
  oldVersion: number,
  transaction: IDBPTransaction<
    ChildAlertSchema,
    StoreNames<ChildAlertSchema>[],
    "versionchange"
  >,
): void {
  if (oldVersion < 1) {
    database.createObjectStore("alerts", {
      keyPath: ["sender", "identifier"],
    });
    database.createObjectStore("tombstones", {
      keyPath: ["sender", "identifier"],
    });
    database.createObjectStore("feeds", { keyPath: "url" });
  }
  if (oldVersion < 2 && database.objectStoreNames.contains("tombstones")) {
    // Version 2: an index on the time each tombstone was written, so
    // tombstones past their retention are deleted by a key range instead
    // of a scan. Creating an index keeps every record of the store. A
    // version 1 database without the store is repaired by `open`.
    transaction.objectStore("tombstones").createIndex("endedMs", "endedMs");
  }
}

/** Tells whether the database has every object store and index this version needs. */
function hasRequiredSchema(database: Database): boolean {
  for (const [storeName, indexes] of Object.entries(REQUIRED_SCHEMA)) {
    if (!database.objectStoreNames.contains(storeName as never)) return false;
    if (indexes.length === 0) continue;
    const transaction = database.transaction(
      storeName as StoreNames<ChildAlertSchema>,
    );
    const names = transaction.store.indexNames;
    const complete = indexes.every((index) => names.contains(index as never));
    transaction.abort();
    transaction.done.catch(() => {});
    if (!complete) return false;
  }
  return true;
}

/**
 * Open requests that IndexedDB reported blocked and that are still
 * pending, by database name. A later open of the same database would queue
 * behind such a request without a blocked event of its own, so it fails at
 * once with the same error instead.
 */
const blockedOpens = new Map<string, AlertStoreError>();

/** Callbacks for events on an open connection, set once the store exists. */
interface ConnectionEvents {
  onVersionChange?: () => void;
  onTerminated?: () => void;
}

/**
 * Opens the database at `SCHEMA_VERSION`. Rejects with the kind "blocked"
 * as soon as IndexedDB reports that an older connection elsewhere blocks
 * the upgrade. A connection that opens after that is closed.
 */
function openDatabase(
  name: string,
  events: ConnectionEvents,
): Promise<Database> {
  const stillBlocked = blockedOpens.get(name);
  if (stillBlocked !== undefined) return Promise.reject(stillBlocked);
  return new Promise((resolve, reject) => {
    let settled = false;
    const opening = openDB<ChildAlertSchema>(name, SCHEMA_VERSION, {
      upgrade: (database, oldVersion, _newVersion, transaction) =>
        upgradeSchema(database, oldVersion, transaction),
      blocked: (currentVersion) => {
        const error = new AlertStoreError(
          "blocked",
          `IndexedDB could not upgrade "${name}" from version ${currentVersion} to ${SCHEMA_VERSION}: another page keeps the older version open.`,
        );
        blockedOpens.set(name, error);
        if (settled) return;
        settled = true;
        reject(error);
      },
      blocking: () => events.onVersionChange?.(),
      terminated: () => events.onTerminated?.(),
    });
    const unblock = () => blockedOpens.delete(name);
    opening.then(unblock, unblock);
    opening.then(
      (database) => {
        if (settled) {
          database.close();
          return;
        }
        settled = true;
        resolve(database);
      },
      (error: unknown) => {
        if (settled) return;
        settled = true;
        const kind = storeFailureKind(error, "read");
        reject(
          new AlertStoreError(
            kind === "newer-version" ? kind : "open-failed",
            `IndexedDB failed to open "${name}": ${describeStoreError(error)}`,
            { cause: error },
          ),
        );
      },
    );
  });
}

/** Deletes a database, rejecting at once when another connection blocks the deletion. */
function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    deleteDB(name, {
      blocked: () => {
        if (settled) return;
        settled = true;
        reject(
          new AlertStoreError(
            "blocked",
            `IndexedDB could not delete "${name}": another page keeps it open.`,
          ),
        );
      },
    }).then(
      () => {
        if (!settled) resolve();
        settled = true;
      },
      (error: unknown) => {
        if (!settled) reject(error);
        settled = true;
      },
    );
  });
}

export class IdbAlertStore implements AlertStore {
  readonly kind = "indexeddb";
  /** The error that closed the connection, once it closed: later calls reject with it. */
  private closedError: AlertStoreError | undefined;

  private constructor(
    private readonly database: Database,
    readonly databaseName: string,
  ) {}

  /**
   * Opens (and creates or upgrades) the database. Rejects with an
   * `AlertStoreError` when IndexedDB is missing ("unavailable"), an older
   * connection elsewhere blocks the upgrade ("blocked"), the stored
   * database has a newer schema version ("newer-version"), or the open
   * fails. A database that lacks an object store or index of this version
   * is deleted and created again. When that deletion is blocked, the open
   * rejects with the kind "corrupt".
   */
  static async open(name = DEFAULT_DATABASE_NAME): Promise<IdbAlertStore> {
    if (typeof indexedDB === "undefined") {
      throw new AlertStoreError(
        "unavailable",
        "IndexedDB is not available in this environment.",
      );
    }
    const events: ConnectionEvents = {};
    let database = await openDatabase(name, events);
    if (!hasRequiredSchema(database)) {
      database.close();
      try {
        await deleteDatabase(name);
      } catch (error) {
        throw new AlertStoreError(
          "corrupt",
          `The IndexedDB database "${name}" lacks an object store or index, and could not be deleted to create it again: ${describeStoreError(error)}`,
          { cause: error },
        );
      }
      database = await openDatabase(name, events);
    }
    const store = new IdbAlertStore(database, name);
    // Another page opens a newer schema or deletes the database: close at
    // once so its request is not blocked.
    events.onVersionChange = () =>
      store.closeWith(
        new AlertStoreError(
          "newer-version",
          `Another page upgraded or deleted the IndexedDB database "${name}", so this page closed its connection.`,
        ),
      );
    events.onTerminated = () =>
      store.closeWith(
        new AlertStoreError(
          "closed",
          `The browser closed the IndexedDB database "${name}" (storage cleared or failing).`,
        ),
      );
    return store;
  }

  /** Deletes a database and everything in it. */
  static async deleteDatabase(name = DEFAULT_DATABASE_NAME): Promise<void> {
    await deleteDB(name);
  }

  async load(): Promise<LoadedState> {
    const database = this.openDatabase();
    const transaction = database.transaction(
      ["alerts", "tombstones"],
      "readonly",
    );
    const alertStore = transaction.objectStore("alerts");
    const tombstoneStore = transaction.objectStore("tombstones");
    const [alertKeys, alerts, tombstoneKeys, tombstones] = await this.request(
      "read",
      Promise.all([
        alertStore.getAllKeys(),
        alertStore.getAll() as Promise<unknown[]>,
        tombstoneStore.getAllKeys(),
        tombstoneStore.getAll() as Promise<unknown[]>,
        transaction.done,
      ]),
    );

    const validAlerts = new Map<string, StoredAlert>();
    const validTombstones = new Map<string, Tombstone>();
    const invalidAlerts: [string, string][] = [];
    const invalidTombstones: [string, string][] = [];
    // getAll and getAllKeys of one store in one transaction list the same
    // records in the same (key) order.
    alerts.forEach((value, index) => {
      if (isStoredAlert(value)) validAlerts.set(value.key, value);
      else invalidAlerts.push(alertKeys[index]!);
    });
    tombstones.forEach((value, index) => {
      if (isTombstone(value)) validTombstones.set(value.key, value);
      else invalidTombstones.push(tombstoneKeys[index]!);
    });

    const state: LoadedState = {
      alerts: validAlerts,
      tombstones: validTombstones,
    };
    const invalid = invalidAlerts.length + invalidTombstones.length;
    if (invalid > 0) {
      state.invalidRecords = invalid;
      // The state read is usable without the deletion; a deletion that
      // fails is tried again by the next load.
      await this.deleteRecords(invalidAlerts, invalidTombstones).catch(
        () => {},
      );
    }
    return state;
  }

  async saveChanges(changes: LifecycleChanges): Promise<void> {
    const transaction = this.openDatabase().transaction(
      ["alerts", "tombstones"],
      "readwrite",
    );
    await this.request(
      "write",
      Promise.all([writeChanges(transaction, changes), transaction.done]),
      transaction,
    );
  }

  async getFeed(url: string): Promise<FeedRecord | undefined> {
    const record: unknown = await this.request(
      "read",
      this.openDatabase().get("feeds", url),
    );
    return isFeedRecord(record) ? record : undefined;
  }

  async putFeed(record: FeedRecord): Promise<void> {
    await this.request("write", this.openDatabase().put("feeds", record));
  }

  /** Deletes the tombstones written before `endedBeforeMs`, through the `endedMs` index. */
  async pruneTombstones(endedBeforeMs: number): Promise<number> {
    const transaction = this.openDatabase().transaction(
      "tombstones",
      "readwrite",
    );
    const index = transaction.store.index("endedMs");
    const keys = await this.request(
      "read",
      index.getAllKeys(IDBKeyRange.upperBound(endedBeforeMs, true)),
      transaction,
    );
    await this.request(
      "write",
      Promise.all([
        ...keys.map((key) => transaction.store.delete(key)),
        transaction.done,
      ]),
      transaction,
    );
    return keys.length;
  }

  close(): void {
    this.closeWith(
      new AlertStoreError(
        "closed",
        `The IndexedDB database "${this.databaseName}" was closed.`,
      ),
    );
  }

  private closeWith(error: AlertStoreError): void {
    this.closedError ??= error;
    this.database.close();
  }

  /** Returns the connection, or throws why it was closed. */
  private openDatabase(): Database {
    if (this.closedError !== undefined) throw this.closedError;
    return this.database;
  }

  /**
   * Awaits a request, turning its failure into an `AlertStoreError` whose
   * kind names the cause (for a closed connection, the cause of the close).
   * A failed request aborts its transaction, so nothing of a change set is
   * written.
   */
  private async request<T>(
    operation: "read" | "write",
    pending: Promise<T>,
    transaction?: { abort(): void; done: Promise<void> },
  ): Promise<T> {
    try {
      return await pending;
    } catch (error) {
      if (transaction !== undefined) {
        transaction.done.catch(() => {});
        try {
          transaction.abort();
        } catch {
          // The transaction already ended.
        }
      }
      if (this.closedError !== undefined) throw this.closedError;
      throw new AlertStoreError(
        storeFailureKind(error, operation),
        `IndexedDB failed to ${operation} "${this.databaseName}": ${describeStoreError(error)}`,
        { cause: error },
      );
    }
  }

  private async deleteRecords(
    alertKeys: [string, string][],
    tombstoneKeys: [string, string][],
  ): Promise<void> {
    const transaction = this.openDatabase().transaction(
      ["alerts", "tombstones"],
      "readwrite",
    );
    const alerts = transaction.objectStore("alerts");
    const tombstones = transaction.objectStore("tombstones");
    await this.request(
      "write",
      Promise.all([
        ...alertKeys.map((key) => alerts.delete(key)),
        ...tombstoneKeys.map((key) => tombstones.delete(key)),
        transaction.done,
      ]),
      transaction,
    );
  }
}

/**
 * Written alerts merged per slice of requests: 100. Each alert costs a
 * `get`, a `getKey` and a `put`, and issuing the 2,000 reads of 1,000
 * alerts at once took about 40 ms of one task in headless Chromium 156 (the
 * host-page benchmark of docs/benchmarks.md, 2-core virtual machine).
 */
const MERGE_SLICE = 100;

/**
 * Issues the requests of a change set in `transaction`: the deletions, the
 * written alerts merged with the stored ones, then the tombstones. The
 * merges go MERGE_SLICE alerts at a time, each slice issued once the reads
 * of the one before have succeeded, so a large change set is written over
 * several tasks and other work of the page runs between them. Only this
 * transaction's own requests are awaited, and each slice is issued from
 * their success events, while the transaction is active, so it stays one
 * transaction: a failed request aborts all of it.
 */
async function writeChanges(
  transaction: IDBPTransaction<
    ChildAlertSchema,
    ("alerts" | "tombstones")[],
    "readwrite"
  >,
  changes: LifecycleChanges,
): Promise<void> {
  const alerts = transaction.objectStore("alerts");
  const tombstones = transaction.objectStore("tombstones");
  const deletions = Promise.all(
    deletedAlertKeys(changes).map((key) => alerts.delete(storeKey(key))),
  );
  // A failure ends the transaction, which `saveChanges` reports; this keeps
  // the rejection of requests never awaited below from going unhandled.
  deletions.catch(() => {});
  const written = writtenAlerts(changes);
  for (let start = 0; start < written.length; start += MERGE_SLICE) {
    // Other clients may have written these keys since this client loaded
    // its state, so each record is merged with what is stored, in this
    // transaction.
    await Promise.all(
      written.slice(start, start + MERGE_SLICE).map(async (alert) => {
        const key = storeKey(alert.key);
        const [stored, tombstoneKey] = await Promise.all([
          alerts.get(key),
          tombstones.getKey(key),
        ]);
        const merged = mergeStoredAlert(
          alert,
          isStoredAlert(stored) ? stored : undefined,
          tombstoneKey !== undefined,
        );
        if (merged !== null) await alerts.put(merged);
      }),
    );
  }
  await Promise.all([
    deletions,
    ...changes.tombstones.map((tombstone) => tombstones.put(tombstone)),
    ...changes.prunedTombstones.map((key) => tombstones.delete(storeKey(key))),
  ]);
}

function storeKey(key: string): [string, string] {
  const { sender, identifier } = parseAlertKey(key);
  return [sender, identifier];
}
