/**
 * Writes alerts as an Atom feed of "thin" entries: each entry links to its
 * alert's CAP document and summarises it with `cap:` elements, so a client
 * fetches only the documents it does not have yet.
 */
import type { CapAlert } from "../../shared/model/cap.js";
import { atomEntryId } from "../../shared/formats/write-atom-feed.js";
import {
  CAP_1_2_NAMESPACE,
  escapeXml,
} from "../../shared/formats/write-cap-xml.js";

export interface LinkAtomOptions {
  /** The feed's permanent id and URL, written as `id` and `link rel="self"`. */
  url: string;
  title: string;
  /** CAP dateTime of the last change, written as the feed's `updated`. */
  updated: string;
  /** Returns the absolute URL of an alert's CAP document. */
  documentUrl: (alert: CapAlert) => string;
}

export function writeLinkAtomFeed(
  alerts: readonly CapAlert[],
  options: LinkAtomOptions,
): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:cap="${CAP_1_2_NAMESPACE}">`,
    `  <id>${escapeXml(options.url)}</id>`,
    `  <title>${escapeXml(options.title)}</title>`,
    `  <updated>${escapeXml(options.updated)}</updated>`,
    `  <link rel="self" href="${escapeXml(options.url)}"/>`,
  ];
  for (const alert of alerts) {
    const title =
      alert.info[0]?.headline ?? alert.info[0]?.event ?? alert.identifier;
    lines.push(
      "  <entry>",
      `    <id>${escapeXml(atomEntryId(alert))}</id>`,
      `    <title>${escapeXml(title)}</title>`,
      `    <updated>${escapeXml(alert.sent)}</updated>`,
      `    <link rel="alternate" type="application/cap+xml" href="${escapeXml(options.documentUrl(alert))}"/>`,
      `    <cap:identifier>${escapeXml(alert.identifier)}</cap:identifier>`,
      `    <cap:sender>${escapeXml(alert.sender)}</cap:sender>`,
      `    <cap:sent>${escapeXml(alert.sent)}</cap:sent>`,
      `    <cap:status>${escapeXml(alert.status)}</cap:status>`,
      `    <cap:msgType>${escapeXml(alert.msgType)}</cap:msgType>`,
      "  </entry>",
    );
  }
  lines.push("</feed>", "");
  return lines.join("\n");
}
