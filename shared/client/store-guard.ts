/**
 * The client's access to its alert store, with the fallback to memory.
 *
 * IndexedDB can fail: missing, blocked, over quota, closed by another
 * page's upgrade, damaged. The client then keeps working from the state it
 * has in memory. The guard replaces the store with a `MemoryAlertStore`
 * that starts with that state, and reports the failure once per kind, not
 * once per write. Before it gives up on a failed write, it tries to delete
 * the records of the alerts the write was ending, so an ended alert's text
 * does not stay behind in IndexedDB.
 */
import type {
  LifecycleChanges,
  LifecycleState,
} from "../lifecycle/lifecycle-state.js";
import type {
  AlertStore,
  AlertStoreKind,
  FeedRecord,
} from "../store/alert-store.js";
import { deletedAlertKeys } from "../store/alert-store.js";
import { MemoryAlertStore } from "../store/memory-alert-store.js";
import {
  describeStoreError,
  storeFailureKind,
  type StoreFailureKind,
} from "../store/store-failure.js";
import type { StoreErrorDetail } from "./client-events.js";

/** Callbacks from the guard into the client. */
export interface StoreGuardHandlers {
  /** Returns the client's current state and feed records, to start a memory store with. */
  snapshot(): { state: LifecycleState; feeds: FeedRecord[] };
  /** Dispatches a "store-error" event. */
  report(detail: StoreErrorDetail): void;
  /** Called once the guard has replaced a failed store with memory. */
  fellBack(): void;
}

export class StoreGuard {
  private current: AlertStore | undefined;
  private readonly reported = new Set<StoreFailureKind>();
  private reason: string | undefined;

  constructor(private readonly handlers: StoreGuardHandlers) {}

  /** The store in use; undefined before `use`. */
  get store(): AlertStore | undefined {
    return this.current;
  }

  get kind(): AlertStoreKind | undefined {
    return this.current?.kind;
  }

  /** The error that made the client use memory instead of IndexedDB; undefined while it does not. */
  get fallbackReason(): string | undefined {
    return this.reason;
  }

  /** Starts using `store`. */
  use(store: AlertStore): void {
    this.current = store;
  }

  /**
   * Records that IndexedDB could not be opened and memory is used, and
   * reports it once.
   */
  openedInMemory(kind: StoreFailureKind, reason: string): void {
    this.reason = reason;
    this.report(kind, reason, true);
  }

  /** Reports records of the wrong shape that the store left out and deleted. */
  reportInvalidRecords(count: number): void {
    this.report(
      "corrupt",
      `The alert store contained ${count} record${count === 1 ? "" : "s"} of the wrong shape; they were deleted.`,
      false,
    );
  }

  /** Runs a read; on failure, falls back to memory and returns undefined. */
  async read<T>(
    action: (store: AlertStore) => Promise<T>,
  ): Promise<T | undefined> {
    const store = this.current;
    if (store === undefined) return undefined;
    try {
      return await action(store);
    } catch (error) {
      this.fail(store, "read", error);
      return undefined;
    }
  }

  /**
   * Runs a write; on failure, falls back to memory. The memory store starts
   * from the client's state, which already contains the change written.
   */
  async write(
    action: (store: AlertStore) => Promise<void>,
    changes?: LifecycleChanges,
  ): Promise<void> {
    const store = this.current;
    if (store === undefined) return;
    try {
      await action(store);
    } catch (error) {
      if (changes !== undefined) await deleteEnded(store, changes);
      this.fail(store, "write", error);
    }
  }

  private fail(
    store: AlertStore,
    operation: "read" | "write",
    error: unknown,
  ): void {
    const kind = storeFailureKind(error, operation);
    const message = `The alert store (${store.kind}) failed to ${operation}: ${describeStoreError(error)}`;
    if (store !== this.current) return;
    if (store.kind === "memory") {
      this.report(kind, message, false);
      return;
    }
    const { state, feeds } = this.handlers.snapshot();
    this.current = new MemoryAlertStore({ state, feeds });
    this.reason = message;
    try {
      store.close();
    } catch {
      // Closing a failed connection can throw; it is dropped either way.
    }
    this.report(kind, message, true);
    this.handlers.fellBack();
  }

  private report(
    kind: StoreFailureKind,
    message: string,
    fallback: boolean,
  ): void {
    if (this.reported.has(kind)) return;
    this.reported.add(kind);
    this.handlers.report({ message, kind, fallback });
  }
}

/**
 * Deletes, in a transaction of their own, the records of the alerts a
 * failed change set was ending, so their text does not outlive them.
 * Another failure is ignored: the store is being dropped.
 */
async function deleteEnded(
  store: AlertStore,
  changes: LifecycleChanges,
): Promise<void> {
  const keys = deletedAlertKeys(changes);
  if (keys.length === 0) return;
  try {
    await store.saveChanges({
      added: [],
      updated: [],
      removed: keys.map((key) => ({ key, reason: "expired" })),
      touched: [],
      tombstones: [],
      prunedTombstones: [],
    });
  } catch {
    // Nothing more can be done with this store.
  }
}
