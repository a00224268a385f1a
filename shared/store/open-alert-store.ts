import type { AlertStore, AlertStoreKind } from "./alert-store.js";
import { DEFAULT_DATABASE_NAME, IdbAlertStore } from "./idb-alert-store.js";
import { MemoryAlertStore } from "./memory-alert-store.js";
import {
  AlertStoreError,
  describeStoreError,
  storeFailureKind,
  type StoreFailureKind,
} from "./store-failure.js";

/** Options for `openAlertStore`. */
export interface OpenAlertStoreOptions {
  /** IndexedDB database name. Default "child-alert". */
  name?: string;
  /**
   * How long to wait for IndexedDB before falling back to memory, in
   * milliseconds. Default 10 000. A blocked upgrade falls back at once,
   * without waiting for this.
   */
  timeoutMs?: number;
}

/** The store `openAlertStore` opened, and why it is not IndexedDB when it is not. */
export interface OpenedAlertStore {
  store: AlertStore;
  kind: AlertStoreKind;
  /** The error that kept IndexedDB from being used; absent when it is used. */
  fallbackReason?: string;
  /** The kind of that error; absent when IndexedDB is used. */
  fallbackKind?: StoreFailureKind;
}

/**
 * Opens the IndexedDB store, or a memory store when IndexedDB is missing,
 * fails to open (as in some private windows), is blocked by another page
 * that keeps an older version open, or does not open in time. The result
 * names the store opened, once, so the caller can tell the reader that
 * alerts will not be kept between visits.
 */
export async function openAlertStore(
  options: OpenAlertStoreOptions = {},
): Promise<OpenedAlertStore> {
  const name = options.name ?? DEFAULT_DATABASE_NAME;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const opening = IdbAlertStore.open(name);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new AlertStoreError(
            "timeout",
            `IndexedDB did not open "${name}" within ${timeoutMs} ms.`,
          ),
        ),
      timeoutMs,
    );
  });
  try {
    const store = await Promise.race([opening, timeout]);
    return { store, kind: store.kind };
  } catch (error) {
    // Close a connection that opens after the timeout, because no caller holds it.
    opening.then((store) => store.close()).catch(() => {});
    return {
      store: new MemoryAlertStore(),
      kind: "memory",
      fallbackReason: describeStoreError(error),
      fallbackKind:
        error instanceof AlertStoreError
          ? error.kind
          : storeFailureKind(error, "read"),
    };
  } finally {
    clearTimeout(timer);
  }
}
