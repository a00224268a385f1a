/**
 * When the feeds were last polled and how that went, kept in
 * `storage.local` under `pollStatus`, so the popup can say how old its
 * data is and the background can catch up after the machine slept.
 * It holds times, feed URLs and error messages: no alert text.
 */
import browser from "./browser.js";

export const POLL_STATUS_KEY = "pollStatus";

export interface PollStatus {
  /** When the last poll ended, in milliseconds since the epoch. */
  lastPollMs: number;
  /**
   * The latest time any feed answered readably (or with 304), in
   * milliseconds since the epoch: the age of the data shown. Absent
   * before the first good answer.
   */
  lastGoodMs?: number;
  /** Feeds whose last request failed, with the error. */
  errors: FeedFailure[];
}

/** A feed whose last poll failed. */
export interface FeedFailure {
  url: string;
  /** The client's error message, in English. */
  message: string;
  /**
   * True when the feed was rejected because its signature file is missing
   * or does not verify with the publisher's key, rather than because it
   * could not be fetched or read.
   */
  unverified?: boolean;
}

export async function readPollStatus(): Promise<PollStatus | null> {
  const stored = await browser.storage.local.get(POLL_STATUS_KEY);
  const value = stored[POLL_STATUS_KEY] as PollStatus | undefined;
  return typeof value?.lastPollMs === "number" ? value : null;
}

export async function writePollStatus(status: PollStatus): Promise<void> {
  await browser.storage.local.set({ [POLL_STATUS_KEY]: status });
}
