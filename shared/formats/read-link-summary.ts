import type { CapMsgType, CapStatus } from "../model/cap.js";
import type { CapLink } from "../model/feed.js";
import type { XmlElement } from "../xml/xml-element.js";
import { textContent } from "../xml/xml-element.js";
import { isCapNamespace } from "./cap-namespaces.js";

type LinkSummary = Omit<CapLink, "url" | "entryId" | "updated">;

const STATUSES = new Set<string>([
  "Actual",
  "Exercise",
  "System",
  "Test",
  "Draft",
]);
const MSG_TYPES = new Set<string>([
  "Alert",
  "Update",
  "Cancel",
  "Ack",
  "Error",
]);

/**
 * Reads the `cap:` extension elements of an index entry (identifier,
 * sender, sent, status, msgType, expires). Meteoalarm writes `msgType` as
 * `message_type`. Values CAP does not define are left out, so the client
 * never skips a document on the strength of a bad summary.
 */
export function readLinkSummary(entry: XmlElement): LinkSummary {
  const summary: LinkSummary = {};
  for (const child of entry.children) {
    if (typeof child === "string" || !isCapNamespace(child.ns)) continue;
    const value = textContent(child).trim();
    if (value === "") continue;
    switch (child.local) {
      case "identifier":
      case "sender":
      case "sent":
      case "expires":
        summary[child.local] = value;
        break;
      case "status":
        if (STATUSES.has(value)) summary.status = value as CapStatus;
        break;
      case "msgType":
      case "message_type":
        if (MSG_TYPES.has(value)) summary.msgType = value as CapMsgType;
        break;
    }
  }
  return summary;
}
