/**
 * An `AlertStore` in IndexedDB, through the `idb` wrapper.
 *
 * Object stores (schema version 1):
 * - `alerts`: `StoredAlert` records, keyed by [sender, identifier];
 * - `tombstones`: `Tombstone` records, keyed by [sender, identifier];
 * - `feeds`: `FeedRecord` records, keyed by feed URL.
 *
 * A change set is written in one readwrite transaction, so a crash leaves
 * either the old state or the new one. Transactions contain only store
 * requests: IndexedDB commits a transaction as soon as it has no pending
 * request, so awaiting a fetch or a timer inside one would end it early.
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
  LifecycleState,
  StoredAlert,
  Tombstone,
} from "../lifecycle/lifecycle-state.js";
import {
  deletedAlertKeys,
  writtenAlerts,
  type AlertStore,
  type FeedRecord,
} from "./alert-store.js";

/** Name of the database unless the caller gives another. */
export const DEFAULT_DATABASE_NAME = "child-alert";

/** The schema version this code writes. Raise it with a step in `upgradeSchema`. */
export const SCHEMA_VERSION = 1;

interface ChildAlertSchema extends DBSchema {
  alerts: { key: [string, string]; value: StoredAlert };
  tombstones: { key: [string, string]; value: Tombstone };
  feeds: { key: string; value: FeedRecord };
}

type Database = IDBPDatabase<ChildAlertSchema>;

/**
 * Brings a database from `oldVersion` (0 when it is new) to
 * `SCHEMA_VERSION`. Each step runs when the database is older than the
 * version the step introduces, in order, so a database several versions
 * behind goes through each step. A later version adds a step such as
 * `if (oldVersion < 2) { ... }` that changes records in place through
 * `transaction` and never deletes the `alerts` store, so no alert is lost.
 */
function upgradeSchema(
  database: Database,
  oldVersion: number,
  _transaction: IDBPTransaction<
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
}

export class IdbAlertStore implements AlertStore {
  readonly kind = "indexeddb";

  private constructor(private readonly database: Database) {}

  /**
   * Opens (and creates or upgrades) the database. Rejects when IndexedDB is
   * missing or the open fails, for example because the stored database has
   * a newer schema version than `SCHEMA_VERSION`.
   */
  static async open(name = DEFAULT_DATABASE_NAME): Promise<IdbAlertStore> {
    if (typeof indexedDB === "undefined") {
      throw new Error("IndexedDB is not available in this environment.");
    }
    let store: IdbAlertStore | undefined;
    const database = await openDB<ChildAlertSchema>(name, SCHEMA_VERSION, {
      upgrade: (db, oldVersion, _newVersion, transaction) =>
        upgradeSchema(db, oldVersion, transaction),
      // Another page opens a newer schema: close so its upgrade can run.
      blocking: () => store?.close(),
    });
    store = new IdbAlertStore(database);
    return store;
  }

  /** Deletes a database and everything in it. */
  static async deleteDatabase(name = DEFAULT_DATABASE_NAME): Promise<void> {
    await deleteDB(name);
  }

  async load(): Promise<LifecycleState> {
    const transaction = this.database.transaction(
      ["alerts", "tombstones"],
      "readonly",
    );
    const [alerts, tombstones] = await Promise.all([
      transaction.objectStore("alerts").getAll(),
      transaction.objectStore("tombstones").getAll(),
      transaction.done,
    ]);
    return {
      alerts: new Map(alerts.map((alert) => [alert.key, alert])),
      tombstones: new Map(
        tombstones.map((tombstone) => [tombstone.key, tombstone]),
      ),
    };
  }

  async saveChanges(changes: LifecycleChanges): Promise<void> {
    const transaction = this.database.transaction(
      ["alerts", "tombstones"],
      "readwrite",
    );
    const alerts = transaction.objectStore("alerts");
    const tombstones = transaction.objectStore("tombstones");
    const requests: Promise<unknown>[] = [];
    for (const key of deletedAlertKeys(changes)) {
      requests.push(alerts.delete(storeKey(key)));
    }
    for (const alert of writtenAlerts(changes))
      requests.push(alerts.put(alert));
    for (const tombstone of changes.tombstones) {
      requests.push(tombstones.put(tombstone));
    }
    for (const key of changes.prunedTombstones) {
      requests.push(tombstones.delete(storeKey(key)));
    }
    await Promise.all([...requests, transaction.done]);
  }

  async getFeed(url: string): Promise<FeedRecord | undefined> {
    return this.database.get("feeds", url);
  }

  async putFeed(record: FeedRecord): Promise<void> {
    await this.database.put("feeds", record);
  }

  close(): void {
    this.database.close();
  }
}

function storeKey(key: string): [string, string] {
  const { sender, identifier } = parseAlertKey(key);
  return [sender, identifier];
}
