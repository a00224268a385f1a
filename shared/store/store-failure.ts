/**
 * Kinds of alert store failure that a surface can act on, and the error the
 * stores throw.
 */

/**
 * Kind of store failure:
 * - "unavailable": there is no IndexedDB (Node, some private windows);
 * - "open-failed": IndexedDB refused to open the database;
 * - "blocked": another page keeps an older version of the database open,
 *   so the upgrade this code needs cannot run;
 * - "timeout": the database did not open in time;
 * - "newer-version": the database was written by a newer version of this
 *   code, or another page upgraded it while this one had it open;
 * - "closed": the browser closed the connection (storage cleared, or the
 *   database deleted);
 * - "quota": a write exceeded the storage quota;
 * - "corrupt": an object store is missing or records have the wrong shape;
 * - "read-failed", "write-failed": any other failed read or write.
 */
export type StoreFailureKind =
  | "unavailable"
  | "open-failed"
  | "blocked"
  | "timeout"
  | "newer-version"
  | "closed"
  | "quota"
  | "corrupt"
  | "read-failed"
  | "write-failed";

/** An error of an alert store, with its kind. */
export class AlertStoreError extends Error {
  override readonly name = "AlertStoreError";

  constructor(
    readonly kind: StoreFailureKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Returns the kind of a failure from the error a store operation threw:
 * the `kind` of an `AlertStoreError`, else one read from the DOMException
 * name IndexedDB uses, else the operation's generic kind.
 */
export function storeFailureKind(
  error: unknown,
  operation: "read" | "write",
): StoreFailureKind {
  if (error instanceof AlertStoreError) return error.kind;
  const name =
    typeof error === "object" && error !== null && "name" in error
      ? String(error.name)
      : "";
  switch (name) {
    case "QuotaExceededError":
      return "quota";
    case "VersionError":
      return "newer-version";
    case "NotFoundError":
    case "DataError":
    case "DataCloneError":
      return "corrupt";
    case "InvalidStateError":
      return "closed";
    default:
      return operation === "read" ? "read-failed" : "write-failed";
  }
}

/** Returns an error as one line: its name and message. */
export function describeStoreError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
