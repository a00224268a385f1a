/**
 * Writes the alert model as CAP 1.2 XML, in the element order the CAP 1.2
 * schema requires. The same alert always gives the same text, so feed files
 * built from it are reproducible. Text is escaped, so no feed value can add
 * markup to the output.
 */
import type {
  CapAlert,
  CapArea,
  CapInfo,
  CapResource,
  CapValuePair,
} from "../model/cap.js";

export const CAP_1_2_NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";

/** Writes one alert as a standalone CAP 1.2 document, with an XML declaration. */
export function writeCapDocument(alert: CapAlert): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${writeCapAlert(alert)}\n`;
}

/** Writes one alert as an `alert` element that declares the CAP 1.2 namespace. */
export function writeCapAlert(alert: CapAlert, indent = ""): string {
  const lines: string[] = [`${indent}<alert xmlns="${CAP_1_2_NAMESPACE}">`];
  const inner = `${indent}  `;
  element(lines, inner, "identifier", alert.identifier);
  element(lines, inner, "sender", alert.sender);
  element(lines, inner, "sent", alert.sent);
  element(lines, inner, "status", alert.status);
  element(lines, inner, "msgType", alert.msgType);
  element(lines, inner, "source", alert.source);
  element(lines, inner, "scope", alert.scope);
  element(lines, inner, "restriction", alert.restriction);
  element(lines, inner, "addresses", alert.addresses);
  for (const code of alert.code) element(lines, inner, "code", code);
  element(lines, inner, "note", alert.note);
  if (alert.references.length > 0) {
    const triples = alert.references.map(
      (reference) =>
        `${reference.sender},${reference.identifier},${reference.sent}`,
    );
    element(lines, inner, "references", triples.join(" "));
  }
  if (alert.incidents.length > 0) {
    const names = alert.incidents.map((name) =>
      /\s/.test(name) ? `"${name}"` : name,
    );
    element(lines, inner, "incidents", names.join(" "));
  }
  for (const info of alert.info) writeInfo(lines, inner, info);
  lines.push(`${indent}</alert>`);
  return lines.join("\n");
}

function writeInfo(lines: string[], indent: string, info: CapInfo): void {
  const inner = `${indent}  `;
  lines.push(`${indent}<info>`);
  element(lines, inner, "language", info.language);
  for (const category of info.category)
    element(lines, inner, "category", category);
  element(lines, inner, "event", info.event);
  for (const response of info.responseType) {
    element(lines, inner, "responseType", response);
  }
  element(lines, inner, "urgency", info.urgency);
  element(lines, inner, "severity", info.severity);
  element(lines, inner, "certainty", info.certainty);
  element(lines, inner, "audience", info.audience);
  for (const pair of info.eventCode) valuePair(lines, inner, "eventCode", pair);
  element(lines, inner, "effective", info.effective);
  element(lines, inner, "onset", info.onset);
  element(lines, inner, "expires", info.expires);
  element(lines, inner, "senderName", info.senderName);
  element(lines, inner, "headline", info.headline);
  element(lines, inner, "description", info.description);
  element(lines, inner, "instruction", info.instruction);
  element(lines, inner, "web", info.web);
  element(lines, inner, "contact", info.contact);
  for (const pair of info.parameter) valuePair(lines, inner, "parameter", pair);
  for (const resource of info.resource) writeResource(lines, inner, resource);
  for (const area of info.area) writeArea(lines, inner, area);
  lines.push(`${indent}</info>`);
}

function writeResource(
  lines: string[],
  indent: string,
  resource: CapResource,
): void {
  const inner = `${indent}  `;
  lines.push(`${indent}<resource>`);
  element(lines, inner, "resourceDesc", resource.resourceDesc);
  element(lines, inner, "mimeType", resource.mimeType);
  element(lines, inner, "size", resource.size?.toString());
  element(lines, inner, "uri", resource.uri);
  element(lines, inner, "derefUri", resource.derefUri);
  element(lines, inner, "digest", resource.digest);
  lines.push(`${indent}</resource>`);
}

function writeArea(lines: string[], indent: string, area: CapArea): void {
  const inner = `${indent}  `;
  lines.push(`${indent}<area>`);
  element(lines, inner, "areaDesc", area.areaDesc);
  for (const polygon of area.polygon) {
    element(
      lines,
      inner,
      "polygon",
      polygon.map(([lat, lon]) => `${lat},${lon}`).join(" "),
    );
  }
  for (const circle of area.circle) {
    element(
      lines,
      inner,
      "circle",
      `${circle.lat},${circle.lon} ${circle.radius}`,
    );
  }
  for (const pair of area.geocode) valuePair(lines, inner, "geocode", pair);
  element(lines, inner, "altitude", area.altitude?.toString());
  element(lines, inner, "ceiling", area.ceiling?.toString());
  lines.push(`${indent}</area>`);
}

function valuePair(
  lines: string[],
  indent: string,
  name: string,
  pair: CapValuePair,
): void {
  lines.push(
    `${indent}<${name}><valueName>${escapeXml(pair.valueName)}</valueName>` +
      `<value>${escapeXml(pair.value)}</value></${name}>`,
  );
}

function element(
  lines: string[],
  indent: string,
  name: string,
  value: string | undefined,
): void {
  if (value === undefined) return;
  lines.push(`${indent}<${name}>${escapeXml(value)}</${name}>`);
}

/** Escapes text for use in XML content or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
