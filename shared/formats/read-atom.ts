/**
 * Atom feeds of CAP alerts, in both forms publishers use:
 * - "fat" entries that embed the whole alert in `content` (as XML, or as
 *   escaped XML text), or place an `alert` element directly in the entry;
 * - "thin" index entries that link to the CAP document, often with `cap:`
 *   extension elements (status, msgType, expires...) that summarise it.
 */
import type { CapLink } from "../model/feed.js";
import type { XmlElement } from "../xml/xml-element.js";
import {
  childElements,
  childText,
  firstChild,
  textContent,
} from "../xml/xml-element.js";
import { findCapAlerts } from "./find-cap-alerts.js";
import type { FoundAlert, XmlReadContext } from "./xml-read-context.js";
import { readIndexEntry } from "./read-index-entry.js";

const CAP_MEDIA_TYPES = new Set([
  "application/cap+xml",
  "application/common-alerting-protocol+xml",
]);

export function readAtom(
  feed: XmlElement,
  context: XmlReadContext,
): { alerts: FoundAlert[]; links: CapLink[] } {
  const alerts: FoundAlert[] = [];
  const links: CapLink[] = [];
  childElements(feed, "entry").forEach((entry, index) => {
    const id = childText(entry, "id");
    const label = id ? `entry ${index + 1} (${id})` : `entry ${index + 1}`;
    const embedded = embeddedAlerts(entry, context, label);
    readIndexEntry(
      {
        element: entry,
        kind: "entry",
        label,
        id,
        updated: childText(entry, "updated"),
        embedded,
        href: embedded.length > 0 ? undefined : capLinkOf(entry),
      },
      context,
      { alerts, links },
    );
  });
  return { alerts, links };
}

/** CAP alerts inside `content` (as elements or escaped text) or directly in the entry. */
function embeddedAlerts(
  entry: XmlElement,
  context: XmlReadContext,
  label: string,
): XmlElement[] {
  const content = firstChild(entry, "content");
  if (content !== undefined) {
    const inContent = findCapAlerts(content);
    if (inContent.length > 0) return inContent;
    const text = textContent(content).trim();
    if (text.startsWith("<")) {
      const nested = context.parseNested(text, label);
      if (nested !== undefined) return findCapAlerts(nested);
    }
  }
  const direct: XmlElement[] = [];
  for (const child of childElements(entry)) {
    if (child !== content) direct.push(...findCapAlerts(child));
  }
  return direct;
}

/**
 * Returns the entry's link to its CAP document: `content src` first (Atom's
 * out-of-line content), then a link typed as CAP, then an XML-typed or
 * untyped alternate link. Links typed as HTML, and links with other
 * relations (self, related, hub), are not CAP documents.
 */
function capLinkOf(entry: XmlElement): string | undefined {
  const source = firstChild(entry, "content")?.attrs["src"]?.trim();
  if (source) return source;
  const candidates = childElements(entry, "link").filter(
    (link) => (link.attrs["href"] ?? "").trim() !== "",
  );
  const typed = candidates.find((link) =>
    CAP_MEDIA_TYPES.has((link.attrs["type"] ?? "").trim().toLowerCase()),
  );
  if (typed !== undefined) return typed.attrs["href"]!.trim();
  const alternate = candidates.find((link) => {
    const rel = (link.attrs["rel"] ?? "alternate").trim().toLowerCase();
    const type = (link.attrs["type"] ?? "").trim().toLowerCase();
    return rel === "alternate" && (type === "" || type.includes("xml"));
  });
  return alternate?.attrs["href"]?.trim();
}
