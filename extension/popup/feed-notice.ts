/**
 * The popup's notice under the data's age: no feeds chosen, a feed rejected
 * because its signature did not verify, or feeds that could not be reached.
 */
import { KNOWN_FEEDS } from "../common/known-feeds.js";
import { message } from "../common/page-i18n.js";
import type { PollStatus } from "../common/poll-status.js";

/** Returns the paragraphs of the notice in the page's language, or none when every feed was read. */
export function feedNoticeLines(
  feeds: readonly string[],
  status: PollStatus | null,
): string[] {
  if (feeds.length === 0) return [message("popupNoFeeds")];
  const errors = status?.errors ?? [];
  const lines = errors
    .filter((error) => error.unverified === true)
    .map((error) => message("popupUnverified", [feedName(error.url)]));
  if (errors.some((error) => error.unverified !== true)) {
    lines.push(message("popupOffline"));
  }
  return lines;
}

/** Returns the name of a built-in feed in the page's language, else the URL. */
function feedName(url: string): string {
  const known = KNOWN_FEEDS.find((feed) => feed.url === url);
  return known === undefined ? url : message(known.nameKey);
}
