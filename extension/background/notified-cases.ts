/**
 * What the extension has notified, kept in `storage.local` under
 * `notified`, so that no version of an alert is notified twice, across
 * restarts. One record per case (an alert and its chain of Updates), keyed
 * by a hash of the case key, holding only hashes and times: never text.
 */
import browser from "../common/browser.js";

export const NOTIFIED_KEY = "notified";

/** How many version hashes a case keeps: enough for a long chain of Updates. */
const MAX_VERSIONS = 50;

/**
 * How long a case is remembered after it was last shown: 30 days, as long
 * as the client keeps the tombstone of an ended alert, so a message that
 * comes back within that time is not notified again.
 */
export const CASE_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

export interface NotifiedCase {
  /** Hashes of the versions seen, oldest first. */
  versions: string[];
  /** Hash of what makes a notification worth repeating: photo and area. */
  significant: string;
  /** When the case was last among the alerts shown, in milliseconds since the epoch. */
  seenMs: number;
}

export type NotifiedCases = Record<string, NotifiedCase>;

export async function readNotifiedCases(): Promise<NotifiedCases> {
  const stored = await browser.storage.local.get(NOTIFIED_KEY);
  const value = stored[NOTIFIED_KEY];
  return typeof value === "object" && value !== null
    ? (value as NotifiedCases)
    : {};
}

/** Writes the records, dropping cases not shown for CASE_RETENTION_MS. */
export async function writeNotifiedCases(
  cases: NotifiedCases,
  now: number,
): Promise<void> {
  const kept: NotifiedCases = {};
  for (const [id, record] of Object.entries(cases)) {
    if (now - record.seenMs > CASE_RETENTION_MS) continue;
    kept[id] = {
      ...record,
      versions: record.versions.slice(-MAX_VERSIONS),
    };
  }
  await browser.storage.local.set({ [NOTIFIED_KEY]: kept });
}
