/**
 * "Updated 5 minutes ago": how old the alerts shown are, from the last
 * time a feed answered, in the page's language.
 */
import type { PollStatus } from "../common/poll-status.js";
import { message } from "../common/page-i18n.js";

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** Returns the text for the data's age, or the text for never updated. */
export function dataAgeText(
  status: PollStatus | null,
  locale: string,
  now = Date.now(),
): string {
  if (status?.lastGoodMs === undefined) return message("popupNeverUpdated");
  const elapsed = Math.max(0, now - status.lastGoodMs);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  for (const [unit, size] of UNITS) {
    if (elapsed >= size) {
      return message("popupUpdated", [
        format.format(-Math.floor(elapsed / size), unit),
      ]);
    }
  }
  return message("popupUpdatedNow");
}
