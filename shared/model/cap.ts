/**
 * The alert model. Field names are the element names of OASIS CAP 1.2
 * (https://docs.oasis-open.org/emergency/cap/v1.2/CAP-v1.2-os.html), so a
 * reader who knows CAP can read every record the library stores or emits.
 *
 * Every format the library reads (CAP, Atom, RSS, EDXL-DE, the NWS GeoJSON
 * API and the project's own JSON feed) is mapped into these types. Values are
 * plain data, so a record survives structured cloning (IndexedDB,
 * postMessage) and JSON unchanged.
 */

/** CAP `status`: only `Actual` alerts are shown unless test alerts are requested. */
export type CapStatus = "Actual" | "Exercise" | "System" | "Test" | "Draft";

/** CAP `msgType`. */
export type CapMsgType = "Alert" | "Update" | "Cancel" | "Ack" | "Error";

/** CAP `scope`. */
export type CapScope = "Public" | "Restricted" | "Private";

/** A CAP `valueName`/`value` pair, used by `eventCode`, `parameter` and `geocode`. */
export interface CapValuePair {
  valueName: string;
  value: string;
}

/**
 * One entry of CAP `references`: the earlier message that an Update, Cancel,
 * Ack or Error refers to. CAP writes each entry as "sender,identifier,sent".
 */
export interface CapReference {
  sender: string;
  identifier: string;
  /** CAP dateTime with its offset, as written by the publisher. */
  sent: string;
}

/** CAP `resource`: a photo, map or document attached to an info block. */
export interface CapResource {
  resourceDesc: string;
  mimeType: string;
  /** Size in bytes, as declared by the publisher. */
  size?: number;
  /** Absolute URL of the resource. */
  uri?: string;
  /** The resource itself, base64-encoded, when the publisher embedded it. */
  derefUri?: string;
  /** SHA-1 of the resource, hex, as CAP 1.2 defines it. */
  digest?: string;
}

/** A point written as CAP writes it: latitude first, then longitude, in WGS 84 degrees. */
export type CapPoint = [lat: number, lon: number];

/** A closed ring of CAP points; the first and last points are equal. */
export type CapPolygon = CapPoint[];

/** CAP `circle`: a centre point and a radius in kilometres. */
export interface CapCircle {
  lat: number;
  lon: number;
  /** Radius in kilometres. Zero marks a single point. */
  radius: number;
}

/** CAP `area`. */
export interface CapArea {
  areaDesc: string;
  polygon: CapPolygon[];
  circle: CapCircle[];
  geocode: CapValuePair[];
  /** Altitude in feet above mean sea level. */
  altitude?: number;
  /** Ceiling in feet above mean sea level. */
  ceiling?: number;
}

/** CAP `info`: one language's version of the alert. */
export interface CapInfo {
  /** RFC 3066 / BCP 47 tag. CAP's default, `en-US`, is filled in when the element is absent. */
  language: string;
  category: string[];
  event: string;
  responseType: string[];
  urgency: string;
  severity: string;
  certainty: string;
  audience?: string;
  eventCode: CapValuePair[];
  /** CAP dateTime with its offset. */
  effective?: string;
  /** CAP dateTime with its offset. */
  onset?: string;
  /** CAP dateTime with its offset. */
  expires?: string;
  senderName?: string;
  headline?: string;
  description?: string;
  instruction?: string;
  /** Absolute URL of the authority's page about the alert. */
  web?: string;
  contact?: string;
  parameter: CapValuePair[];
  resource: CapResource[];
  area: CapArea[];
}

/** CAP `alert`: one message. */
export interface CapAlert {
  identifier: string;
  sender: string;
  /** CAP dateTime with its offset, as written by the publisher. */
  sent: string;
  status: CapStatus;
  msgType: CapMsgType;
  source?: string;
  scope: CapScope;
  restriction?: string;
  addresses?: string;
  code: string[];
  note?: string;
  references: CapReference[];
  incidents: string[];
  info: CapInfo[];
}
