/**
 * Validation of CAP `info`, `resource` and `area` drafts. A faulty part is
 * dropped with an error naming its path and value; the rest of the info
 * block is kept.
 */
import type { CapArea, CapInfo, CapResource } from "../model/cap.js";
import {
  parseCircle,
  parsePolygon,
  validateCircle,
  validatePolygon,
} from "../geo/parse-geometry.js";
import type { GeometryResult } from "../geo/parse-geometry.js";
import { INFO_LISTS, type Draft } from "./alert-draft.js";
import {
  readDrafts,
  readFreeText,
  readNumber,
  readPairs,
  readStringList,
  readTime,
  readToken,
  readUrl,
} from "./read-values.js";
import type { ValidationContext } from "./validation-context.js";

/** CAP's default when an info block has no `language`. */
const DEFAULT_LANGUAGE = "en-US";

export function validateInfo(
  draft: Draft,
  path: string,
  context: ValidationContext,
): CapInfo | null {
  const where = { entry: context.entry, path: path.slice(0, -1) };
  const event = readFreeText(draft, "event", context);
  if (event === undefined) {
    context.issues.warning(
      "missing-element",
      "The info block has no event",
      where,
    );
  }

  const info: CapInfo = {
    language: readToken(draft, "language") ?? DEFAULT_LANGUAGE,
    category: [],
    event: event ?? "",
    responseType: [],
    urgency: readToken(draft, "urgency") ?? "",
    severity: readToken(draft, "severity") ?? "",
    certainty: readToken(draft, "certainty") ?? "",
    eventCode: readPairs(draft["eventCode"], `${path}eventCode`, context),
    parameter: readPairs(draft["parameter"], `${path}parameter`, context, true),
    resource: [],
    area: [],
  };
  for (const name of INFO_LISTS) info[name] = readStringList(draft[name]);

  for (const name of ["effective", "onset", "expires"] as const) {
    const time = readTime(draft, name, path, context);
    if (time !== undefined) info[name] = time;
  }
  const audience = readFreeText(draft, "audience", context);
  if (audience !== undefined) info.audience = audience;
  for (const name of [
    "senderName",
    "headline",
    "description",
    "instruction",
    "contact",
  ] as const) {
    const text = readFreeText(draft, name, context);
    if (text !== undefined) info[name] = text;
  }
  const web = readUrl(draft, "web", path, context);
  if (web !== undefined) info.web = web;

  readDrafts(draft["resource"], `${path}resource`, context).forEach(
    (resourceDraft, index) => {
      info.resource.push(
        validateResource(resourceDraft, `${path}resource[${index}].`, context),
      );
    },
  );
  readDrafts(draft["area"], `${path}area`, context).forEach(
    (areaDraft, index) => {
      info.area.push(
        validateArea(areaDraft, `${path}area[${index}].`, context),
      );
    },
  );
  return info;
}

function validateResource(
  draft: Draft,
  path: string,
  context: ValidationContext,
): CapResource {
  const resource: CapResource = {
    resourceDesc: readFreeText(draft, "resourceDesc", context) ?? "",
    mimeType: readToken(draft, "mimeType") ?? "",
  };
  const size = readNumber(draft, "size", path, context);
  if (size !== undefined && size >= 0) resource.size = size;
  const uri = readUrl(draft, "uri", path, context);
  if (uri !== undefined) resource.uri = uri;
  const derefUri = readToken(draft, "derefUri");
  if (derefUri !== undefined) resource.derefUri = derefUri.replace(/\s+/g, "");
  const digest = readToken(draft, "digest");
  if (digest !== undefined) resource.digest = digest;
  return resource;
}

function validateArea(
  draft: Draft,
  path: string,
  context: ValidationContext,
): CapArea {
  const area: CapArea = {
    areaDesc: readFreeText(draft, "areaDesc", context) ?? "",
    polygon: [],
    circle: [],
    geocode: readPairs(draft["geocode"], `${path}geocode`, context),
  };
  forEachGeometry(draft["polygon"], `${path}polygon`, context, (item) =>
    typeof item === "string" ? parsePolygon(item) : validatePolygon(item),
  ).forEach((polygon) => area.polygon.push(polygon));
  forEachGeometry(draft["circle"], `${path}circle`, context, (item) =>
    typeof item === "string" ? parseCircle(item) : validateCircle(item),
  ).forEach((circle) => area.circle.push(circle));

  for (const name of ["altitude", "ceiling"] as const) {
    const value = readNumber(draft, name, path, context);
    if (value !== undefined) area[name] = value;
  }
  return area;
}

/**
 * Reads every polygon or circle of an area. An empty element (`<circle/>`,
 * as some producers emit) is skipped with a warning; a faulty one is an
 * error for that element. Coordinates are never swapped or fixed silently.
 */
function forEachGeometry<T>(
  value: unknown,
  path: string,
  context: ValidationContext,
  read: (item: unknown) => GeometryResult<T>,
): T[] {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  const results: T[] = [];
  items.forEach((item, index) => {
    const where = { entry: context.entry, path: `${path}[${index}]` };
    if (typeof item === "string" && item.trim() === "") {
      context.issues.warning(
        "invalid-geometry",
        "An empty element was skipped",
        where,
      );
      return;
    }
    const result = read(item);
    if ("error" in result) {
      context.issues.error("invalid-geometry", result.error, where, item);
      return;
    }
    for (const warning of result.warnings) {
      context.issues.warning("invalid-geometry", warning, where, item);
    }
    results.push(result.value);
  });
  return results;
}
