/**
 * Writes alerts as an Atom feed whose entries embed the whole CAP alert,
 * the "fat" form that lets a client read every alert with one request.
 */
import type { CapAlert } from "../model/cap.js";
import { escapeXml, writeCapAlert } from "./write-cap-xml.js";

export interface AtomFeedOptions {
  /** The feed's permanent id, such as a tag: URI or its URL. */
  id: string;
  title: string;
  /** CAP dateTime of the last change, written as the feed's `updated`. */
  updated: string;
  /** The feed's own URL, written as `link rel="self"`. */
  selfUrl?: string;
}

/** Returns a stable Atom entry id for an alert, built from its sender and identifier. */
export function atomEntryId(alert: CapAlert): string {
  return `urn:child-alert:${encodeURIComponent(alert.sender)}:${encodeURIComponent(alert.identifier)}`;
}

export function writeAtomFeed(
  alerts: readonly CapAlert[],
  options: AtomFeedOptions,
): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeXml(options.id)}</id>`,
    `  <title>${escapeXml(options.title)}</title>`,
    `  <updated>${escapeXml(options.updated)}</updated>`,
  ];
  if (options.selfUrl !== undefined) {
    lines.push(`  <link rel="self" href="${escapeXml(options.selfUrl)}"/>`);
  }
  for (const alert of alerts) {
    const title =
      alert.info[0]?.headline ?? alert.info[0]?.event ?? alert.identifier;
    lines.push(
      "  <entry>",
      `    <id>${escapeXml(atomEntryId(alert))}</id>`,
      `    <title>${escapeXml(title)}</title>`,
      `    <updated>${escapeXml(alert.sent)}</updated>`,
      '    <content type="text/xml">',
      writeCapAlert(alert, "      "),
      "    </content>",
      "  </entry>",
    );
  }
  lines.push("</feed>", "");
  return lines.join("\n");
}
