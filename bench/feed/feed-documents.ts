/**
 * The same alerts as the two documents the parse benchmark reads: a CAP
 * container (an `alerts` element holding CAP 1.2 `alert` elements, as
 * IPAWS-style feeds send them) and the project's JSON feed.
 */
import { writeJsonFeed } from "../../shared/formats/json-feed.js";
import { writeCapAlert } from "../../shared/formats/write-cap-xml.js";
import type { CapAlert } from "../../shared/model/cap.js";

/** Writes the alerts as one CAP container document. */
export function capContainerDocument(alerts: readonly CapAlert[]): string {
  const parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<alerts>\n'];
  for (const alert of alerts) parts.push(writeCapAlert(alert, "  "), "\n");
  parts.push("</alerts>\n");
  return parts.join("");
}

/** Writes the alerts as the project's JSON feed, generated at `now`. */
export function jsonFeedDocument(
  alerts: readonly CapAlert[],
  generated: string,
): string {
  return writeJsonFeed(alerts, generated);
}
