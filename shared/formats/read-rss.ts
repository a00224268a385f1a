/**
 * RSS 2.0 and RSS 1.0 (RDF) indexes of CAP alerts. An item either embeds a
 * CAP alert or points to one with its `link`, an `enclosure` typed as CAP,
 * or a permalink `guid`.
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
import { readIndexEntry } from "./read-index-entry.js";
import type { FoundAlert, XmlReadContext } from "./xml-read-context.js";

/** The start of a CAP document that an item carries as escaped text in its description. */
const ESCAPED_CAP = /^<(\?xml[\s>]|([\w.-]+:)?alert[\s>])/;

export function readRss(
  root: XmlElement,
  context: XmlReadContext,
): { alerts: FoundAlert[]; links: CapLink[] } {
  const alerts: FoundAlert[] = [];
  const links: CapLink[] = [];
  const channel = firstChild(root, "channel");
  // RSS 2.0 nests items in the channel; RSS 1.0 puts them beside it.
  const items = [
    ...(channel === undefined ? [] : childElements(channel, "item")),
    ...childElements(root, "item"),
  ];

  items.forEach((item, index) => {
    // RSS 1.0 items name themselves with rdf:about instead of a guid.
    const id =
      childText(item, "guid") || item.attrs["rdf:about"]?.trim() || undefined;
    const label = id ? `item ${index + 1} (${id})` : `item ${index + 1}`;
    const embedded = findCapAlerts(item);
    const description = childText(item, "description");
    if (embedded.length === 0 && description && ESCAPED_CAP.test(description)) {
      const nested = context.parseNested(description, label);
      if (nested !== undefined) embedded.push(...findCapAlerts(nested));
    }
    readIndexEntry(
      {
        element: item,
        kind: "item",
        label,
        id,
        updated: childText(item, "pubDate") ?? childText(item, "date"),
        embedded,
        href: embedded.length > 0 ? undefined : capLinkOf(item),
      },
      context,
      { alerts, links },
    );
  });
  return { alerts, links };
}

function capLinkOf(item: XmlElement): string | undefined {
  const enclosure = childElements(item, "enclosure").find((element) =>
    (element.attrs["type"] ?? "").toLowerCase().includes("cap"),
  );
  if (enclosure?.attrs["url"]) return enclosure.attrs["url"].trim();
  const link = childText(item, "link");
  if (link) return link;
  const guid = firstChild(item, "guid");
  const permalink = guid?.attrs["isPermaLink"]?.toLowerCase() !== "false";
  const guidText = guid === undefined ? "" : textContent(guid).trim();
  if (permalink && /^https?:\/\//i.test(guidText)) return guidText;
  return item.attrs["rdf:about"]?.trim() || undefined;
}
