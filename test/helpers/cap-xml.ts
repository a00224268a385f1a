/**
 * Writes invented CAP messages as CAP 1.2 XML, so tests can serve real
 * documents from the feed server and read them with the real parser.
 */
import type {
  CapAlert,
  CapArea,
  CapInfo,
  CapResource,
  CapValuePair,
} from "../../shared/model/cap.js";

const CAP_NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";

/** Returns one CAP alert document. */
export function capXml(alert: CapAlert): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${alertElement(alert, true)}`;
}

/** Returns several CAP alerts in one container element, as IPAWS feeds send them. */
export function capContainerXml(alerts: readonly CapAlert[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<alerts xmlns:x="urn:example:container">` +
    alerts.map((alert) => alertElement(alert, true)).join("") +
    `</alerts>`
  );
}

/** One entry of an Atom index that links to a CAP document. */
export interface IndexEntry {
  url: string;
  id: string;
  updated: string;
  /** Summary fields written as `cap:` elements, as NWS and Google indexes do. */
  alert?: Pick<
    CapAlert,
    "sender" | "identifier" | "sent" | "status" | "msgType"
  >;
}

/** Returns an Atom feed whose entries link to CAP documents instead of embedding them. */
export function atomIndexXml(entries: readonly IndexEntry[]): string {
  const body = entries
    .map((entry) => {
      const summary =
        entry.alert === undefined
          ? ""
          : element("cap:sender", entry.alert.sender) +
            element("cap:identifier", entry.alert.identifier) +
            element("cap:sent", entry.alert.sent) +
            element("cap:status", entry.alert.status) +
            element("cap:msgType", entry.alert.msgType);
      return (
        `<entry>${element("id", entry.id)}${element("title", "TEST entry")}` +
        `${element("updated", entry.updated)}` +
        `<link rel="alternate" type="application/cap+xml" href="${escapeXml(entry.url)}"/>` +
        `${summary}</entry>`
      );
    })
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:cap="${CAP_NAMESPACE}">` +
    `${element("id", "urn:example:index")}${element("title", "TEST index (invented)")}` +
    `${element("updated", "2024-05-01T15:00:00-05:00")}${body}</feed>`
  );
}

function alertElement(alert: CapAlert, withNamespace: boolean): string {
  const references = alert.references
    .map((reference) =>
      [reference.sender, reference.identifier, reference.sent].join(","),
    )
    .join(" ");
  return (
    `<alert${withNamespace ? ` xmlns="${CAP_NAMESPACE}"` : ""}>` +
    element("identifier", alert.identifier) +
    element("sender", alert.sender) +
    element("sent", alert.sent) +
    element("status", alert.status) +
    element("msgType", alert.msgType) +
    optional("source", alert.source) +
    element("scope", alert.scope) +
    alert.code.map((code) => element("code", code)).join("") +
    optional("note", alert.note) +
    (references === "" ? "" : element("references", references)) +
    (alert.incidents.length === 0
      ? ""
      : element("incidents", alert.incidents.join(" "))) +
    alert.info.map(infoElement).join("") +
    `</alert>`
  );
}

function infoElement(info: CapInfo): string {
  return (
    `<info>` +
    element("language", info.language) +
    info.category.map((category) => element("category", category)).join("") +
    element("event", info.event) +
    info.responseType.map((type) => element("responseType", type)).join("") +
    element("urgency", info.urgency) +
    element("severity", info.severity) +
    element("certainty", info.certainty) +
    optional("audience", info.audience) +
    info.eventCode.map((pair) => pairElement("eventCode", pair)).join("") +
    optional("effective", info.effective) +
    optional("onset", info.onset) +
    optional("expires", info.expires) +
    optional("senderName", info.senderName) +
    optional("headline", info.headline) +
    optional("description", info.description) +
    optional("instruction", info.instruction) +
    optional("web", info.web) +
    optional("contact", info.contact) +
    info.parameter.map((pair) => pairElement("parameter", pair)).join("") +
    info.resource.map(resourceElement).join("") +
    info.area.map(areaElement).join("") +
    `</info>`
  );
}

function resourceElement(resource: CapResource): string {
  return (
    `<resource>` +
    element("resourceDesc", resource.resourceDesc) +
    element("mimeType", resource.mimeType) +
    optional("size", resource.size?.toString()) +
    optional("uri", resource.uri) +
    optional("derefUri", resource.derefUri) +
    optional("digest", resource.digest) +
    `</resource>`
  );
}

function areaElement(area: CapArea): string {
  return (
    `<area>` +
    element("areaDesc", area.areaDesc) +
    area.polygon
      .map((polygon) =>
        element(
          "polygon",
          polygon.map(([lat, lon]) => `${lat},${lon}`).join(" "),
        ),
      )
      .join("") +
    area.circle
      .map((circle) =>
        element("circle", `${circle.lat},${circle.lon} ${circle.radius}`),
      )
      .join("") +
    area.geocode.map((pair) => pairElement("geocode", pair)).join("") +
    `</area>`
  );
}

function pairElement(name: string, pair: CapValuePair): string {
  return `<${name}>${element("valueName", pair.valueName)}${element("value", pair.value)}</${name}>`;
}

function optional(name: string, value: string | undefined): string {
  return value === undefined ? "" : element(name, value);
}

function element(name: string, value: string): string {
  return `<${name}>${escapeXml(value)}</${name}>`;
}

function escapeXml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}
