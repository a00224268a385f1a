/**
 * An alert as read from a document, before validation: an object with CAP's
 * element names whose values are not yet checked. The XML reader fills it
 * with strings and arrays; JSON feeds are drafts as they are parsed. Only
 * `validateAlert` turns a draft into a `CapAlert`.
 */
export type Draft = Record<string, unknown>;

/** Fields of `alert` that CAP allows once, read as text. */
export const ALERT_SCALARS = [
  "identifier",
  "sender",
  "sent",
  "status",
  "msgType",
  "source",
  "scope",
  "restriction",
  "addresses",
  "note",
  "references",
  "incidents",
] as const;

/** Fields of `info` that CAP allows once, read as text. */
export const INFO_SCALARS = [
  "language",
  "event",
  "urgency",
  "severity",
  "certainty",
  "audience",
  "effective",
  "onset",
  "expires",
  "senderName",
  "headline",
  "description",
  "instruction",
  "web",
  "contact",
] as const;

/** Fields of `info` that CAP allows many times, read as text. */
export const INFO_LISTS = ["category", "responseType"] as const;

/** Fields of `info` that hold `valueName`/`value` pairs. */
export const INFO_PAIRS = ["eventCode", "parameter"] as const;

export const RESOURCE_SCALARS = [
  "resourceDesc",
  "mimeType",
  "size",
  "uri",
  "derefUri",
  "digest",
] as const;

export const AREA_SCALARS = ["areaDesc", "altitude", "ceiling"] as const;
