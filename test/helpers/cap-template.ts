/**
 * Builds invented CAP 1.2 XML documents for the feed-parser tests, with any
 * element's text replaced and an optional namespace prefix on every
 * element.
 */

export const CAP12 = "urn:oasis:names:tc:emergency:cap:1.2";

/** Texts of the elements of an invented alert; each may be replaced. */
export interface CapTemplateFields {
  identifier: string;
  sender: string;
  sent: string;
  status: string;
  msgType: string;
  scope: string;
  references: string;
  incidents: string;
  code: string;
  language: string;
  category: string;
  event: string;
  urgency: string;
  severity: string;
  certainty: string;
  eventCodeName: string;
  eventCodeValue: string;
  effective: string;
  expires: string;
  headline: string;
  description: string;
  web: string;
  parameterName: string;
  parameterValue: string;
  resourceDesc: string;
  mimeType: string;
  uri: string;
  areaDesc: string;
  polygon: string;
  circle: string;
  geocodeName: string;
  geocodeValue: string;
}

const DEFAULTS: CapTemplateFields = {
  identifier: "TEST-XML-0001",
  sender: "alerts@state-police.example",
  sent: "2024-05-01T14:30:00-05:00",
  status: "Actual",
  msgType: "Alert",
  scope: "Public",
  references: "",
  incidents: "",
  code: "",
  language: "en-US",
  category: "Rescue",
  event: "Child Abduction Emergency",
  urgency: "Immediate",
  severity: "Severe",
  certainty: "Likely",
  eventCodeName: "SAME",
  eventCodeValue: "CAE",
  effective: "2024-05-01T14:30:00-05:00",
  expires: "2024-05-02T14:30:00-05:00",
  headline: "TEST AMBER Alert - invented data",
  description: "Invented test case.",
  web: "https://alerts.example/TEST-XML-0001",
  parameterName: "caseNumber",
  parameterValue: "TEST-CASE-1",
  resourceDesc: "photo (generated placeholder)",
  mimeType: "image/png",
  uri: "https://alerts.example/placeholder.png",
  areaDesc: "Example County",
  polygon: "45,-74 45,-73 46,-73 46,-74 45,-74",
  circle: "45.5,-73.5 10",
  geocodeName: "SAME",
  geocodeValue: "099001",
};

/** Options for `capTemplate`. */
export interface CapTemplateOptions {
  /** Namespace prefix for every element, such as "cap" for `<cap:alert>`. */
  prefix?: string;
  /** Namespace URI; CAP 1.2 by default. */
  namespace?: string;
  /** Written before `<alert>`: an XML declaration, a DOCTYPE, comments. */
  prolog?: string;
}

/**
 * Returns a complete CAP alert with one info block, one resource and one
 * area. Fields given as "" are written as empty elements; fields left out
 * take the invented defaults above.
 */
export function capTemplate(
  fields: Partial<CapTemplateFields> = {},
  options: CapTemplateOptions = {},
): string {
  const values = { ...DEFAULTS, ...fields };
  const prefix = options.prefix ? `${options.prefix}:` : "";
  const xmlns = options.prefix ? `xmlns:${options.prefix}` : "xmlns";
  const element = (name: string, content: string): string =>
    `<${prefix}${name}>${content}</${prefix}${name}>`;
  const text = (name: keyof CapTemplateFields): string =>
    element(name, values[name]);
  const pair = (name: string, valueName: string, value: string): string =>
    element(name, element("valueName", valueName) + element("value", value));

  const area = element(
    "area",
    text("areaDesc") +
      text("polygon") +
      text("circle") +
      pair("geocode", values.geocodeName, values.geocodeValue),
  );
  const resource = element(
    "resource",
    text("resourceDesc") + text("mimeType") + text("uri"),
  );
  const info = element(
    "info",
    text("language") +
      text("category") +
      text("event") +
      text("urgency") +
      text("severity") +
      text("certainty") +
      pair("eventCode", values.eventCodeName, values.eventCodeValue) +
      text("effective") +
      text("expires") +
      text("headline") +
      text("description") +
      text("web") +
      pair("parameter", values.parameterName, values.parameterValue) +
      resource +
      area,
  );
  const body =
    text("identifier") +
    text("sender") +
    text("sent") +
    text("status") +
    text("msgType") +
    text("scope") +
    text("code") +
    text("references") +
    text("incidents") +
    info;
  return `${options.prolog ?? ""}<${prefix}alert ${xmlns}="${options.namespace ?? CAP12}">${body}</${prefix}alert>`;
}
