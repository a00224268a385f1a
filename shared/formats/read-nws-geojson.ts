/**
 * The US National Weather Service API's alerts (api.weather.gov, media
 * type application/geo+json, or application/ld+json with `@graph`), which
 * carry Child Abduction Emergencies among other events. Each feature's
 * properties are CAP fields under slightly different names; this maps them
 * to a CAP draft.
 *
 * - `messageType` is CAP `msgType`; `response` is `responseType`.
 * - `ends` is the event's end, which NWS separates from `expires` (when the
 *   message should be refreshed). It becomes the `eventEndingTime`
 *   parameter, the name NWS uses for the same value in its CAP XML, unless
 *   that parameter is already present.
 * - `geocode` is an object of arrays (`{ SAME: [...], UGC: [...] }`).
 * - `geometry` is GeoJSON, with positions written longitude first; it is
 *   turned into CAP's latitude-first polygons. Holes are dropped, as CAP
 *   has no way to write them. Many features have a null geometry and are
 *   placed only by their geocodes.
 * - The API has no `scope`; alerts it publishes are public.
 */
import type { Draft } from "./alert-draft.js";
import { isDraft } from "./read-values.js";

const FIELD_NAMES: Record<string, string> = {
  sender: "sender",
  sent: "sent",
  status: "status",
  messageType: "msgType",
  effective: "effective",
  onset: "onset",
  expires: "expires",
  severity: "severity",
  certainty: "certainty",
  urgency: "urgency",
  event: "event",
  senderName: "senderName",
  headline: "headline",
  description: "description",
  instruction: "instruction",
  web: "web",
  contact: "contact",
};

/** Checks whether parsed JSON has the shape of an NWS alerts response. */
export function isNwsGeoJson(json: unknown): boolean {
  if (!isDraft(json)) return false;
  return (
    (json["type"] === "FeatureCollection" && Array.isArray(json["features"])) ||
    (json["type"] === "Feature" && isDraft(json["properties"])) ||
    Array.isArray(json["@graph"])
  );
}

/** Maps every feature to a draft, each with a label for error messages. */
export function readNwsGeoJson(
  json: Draft,
): { draft: unknown; entry: string }[] {
  let features: unknown[];
  if (Array.isArray(json["features"])) features = json["features"];
  else if (Array.isArray(json["@graph"])) features = json["@graph"];
  else features = [json];

  return features.map((feature, index) => {
    // JSON-LD `@graph` items are the properties themselves.
    const properties = isDraft(feature)
      ? isDraft(feature["properties"])
        ? feature["properties"]
        : feature
      : undefined;
    const id = properties
      ? firstString(properties["id"], properties["identifier"])
      : undefined;
    const entry = id ? `feature ${index + 1} (${id})` : `feature ${index + 1}`;
    if (properties === undefined || !isDraft(feature)) {
      return { draft: feature, entry };
    }
    return { draft: toDraft(feature, properties, id), entry };
  });
}

function toDraft(
  feature: Draft,
  properties: Draft,
  id: string | undefined,
): Draft {
  const info: Draft = {
    language: "en-US",
    category: properties["category"],
    responseType: properties["response"],
    eventCode: pairsFromObject(properties["eventCode"]),
    parameter: pairsFromObject(properties["parameters"]),
    area: [
      {
        areaDesc: properties["areaDesc"],
        geocode: pairsFromObject(properties["geocode"]),
        polygon: polygonsOf(feature["geometry"] ?? properties["geometry"]),
      },
    ],
  };
  for (const [from, to] of Object.entries(FIELD_NAMES)) {
    if (from in properties && properties[from] !== null)
      info[to] = properties[from];
  }

  const ends = properties["ends"];
  const parameters = info["parameter"] as Draft[];
  if (
    typeof ends === "string" &&
    !parameters.some((pair) => pair["valueName"] === "eventEndingTime")
  ) {
    parameters.push({ valueName: "eventEndingTime", value: ends });
  }

  return {
    identifier: id,
    sender: properties["sender"],
    sent: properties["sent"],
    status: properties["status"],
    msgType: properties["messageType"],
    scope: "Public",
    code: [],
    references: Array.isArray(properties["references"])
      ? properties["references"]
      : [],
    info: [info],
  };
}

/** `{ SAME: ["006037"], UGC: ["CAC037"] }` as valueName/value pairs. */
function pairsFromObject(value: unknown): Draft[] {
  if (!isDraft(value)) return [];
  const pairs: Draft[] = [];
  for (const [valueName, values] of Object.entries(value)) {
    for (const item of Array.isArray(values) ? values : [values]) {
      if (typeof item === "string" || typeof item === "number") {
        pairs.push({ valueName, value: String(item) });
      }
    }
  }
  return pairs;
}

/**
 * GeoJSON Polygon, MultiPolygon or GeometryCollection as CAP polygons
 * (arrays of [lat, lon]); outer rings only. Anything else yields none.
 */
function polygonsOf(geometry: unknown): unknown[] {
  if (!isDraft(geometry)) return [];
  const coordinates = geometry["coordinates"];
  switch (geometry["type"]) {
    case "Polygon":
      return Array.isArray(coordinates) ? [swapRing(coordinates[0])] : [];
    case "MultiPolygon":
      return Array.isArray(coordinates)
        ? coordinates.map((polygon) =>
            swapRing(Array.isArray(polygon) ? polygon[0] : undefined),
          )
        : [];
    case "GeometryCollection": {
      const members = geometry["geometries"];
      return Array.isArray(members) ? members.flatMap(polygonsOf) : [];
    }
    default:
      return [];
  }
}

/** Turns a GeoJSON ring of [lon, lat] positions into CAP [lat, lon] points; validation checks the shape later. */
function swapRing(ring: unknown): unknown {
  if (!Array.isArray(ring)) return ring;
  return ring.map((position) =>
    Array.isArray(position) ? [position[1], position[0]] : position,
  );
}

function firstString(...values: unknown[]): string | undefined {
  for (const value of values) {
    if (typeof value === "string" && value.trim() !== "") return value.trim();
  }
  return undefined;
}
