/**
 * The part that Atom entries and RSS items share: an entry either embeds
 * CAP alerts or links to one CAP document, which becomes a `CapLink` with
 * the entry's id, date and `cap:` summary.
 */
import type { CapLink } from "../model/feed.js";
import type { XmlElement } from "../xml/xml-element.js";
import { readLinkSummary } from "./read-link-summary.js";
import type { FoundAlert, XmlReadContext } from "./xml-read-context.js";

/** What a reader found in one Atom entry or RSS item. */
export interface IndexEntry {
  /** The `entry` or `item` element, whose `cap:` elements summarise the linked alert. */
  element: XmlElement;
  /** "entry" or "item", for messages. */
  kind: string;
  /** Label for messages, such as "entry 2 (urn:x)". */
  label: string;
  /** Atom `id` or RSS `guid`. */
  id: string | undefined;
  /** Atom `updated` or RSS `pubDate`, as written. */
  updated: string | undefined;
  /** CAP alerts the entry carries. */
  embedded: XmlElement[];
  /** The entry's link to its CAP document, as written, when it embeds none. */
  href: string | undefined;
}

/** Adds the entry's embedded alerts, or its link, to the results, reporting what is missing. */
export function readIndexEntry(
  entry: IndexEntry,
  context: XmlReadContext,
  results: { alerts: FoundAlert[]; links: CapLink[] },
): void {
  if (entry.embedded.length > 0) {
    for (const element of entry.embedded) {
      results.alerts.push({ element, entry: entry.label });
    }
    return;
  }
  if (entry.href === undefined) {
    context.issues.warning(
      "no-alert",
      `The ${entry.kind} neither embeds a CAP alert nor links to one; it was skipped`,
      { entry: entry.label },
    );
    return;
  }
  const url = context.resolveUrl(entry.href);
  if (url === undefined) {
    context.issues.error(
      "invalid-value",
      `The ${entry.kind}'s link is not a valid URL`,
      { entry: entry.label, path: "link" },
      entry.href,
    );
    return;
  }
  const link: CapLink = { url, ...readLinkSummary(entry.element) };
  if (entry.id) link.entryId = entry.id;
  if (entry.updated) link.updated = entry.updated;
  results.links.push(link);
}
