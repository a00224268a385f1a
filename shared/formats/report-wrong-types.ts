/**
 * Reports the fields of a JSON alert draft whose JSON type CAP cannot have,
 * such as `"status": ["Actual"]` or `"headline": {}`. The readers in
 * read-values.ts treat such a value as absent, so without this report a
 * wrong type would vanish without a trace. Each report names the path and
 * the value. Fields the readers already report (info, resource and area
 * items that are not objects, broken references, geometry, numbers) are
 * left to them. XML drafts hold only strings and arrays, so nothing in
 * them is reported.
 */
import {
  ALERT_SCALARS,
  INFO_LISTS,
  INFO_PAIRS,
  INFO_SCALARS,
  RESOURCE_SCALARS,
  type Draft,
} from "./alert-draft.js";
import { isDraft } from "./read-values.js";
import type { ValidationContext } from "./validation-context.js";

export function reportWrongTypes(
  draft: Draft,
  context: ValidationContext,
): void {
  const scalars = ALERT_SCALARS.filter(
    (name) => name !== "references" && name !== "incidents",
  );
  checkText(draft, scalars, "", context);
  checkLists(draft, ["code", "incidents"], "", context);
  const references = draft["references"];
  if (
    !isAbsent(references) &&
    !isText(references) &&
    !Array.isArray(references)
  ) {
    reportWrongType(references, "references", "text or a list", context);
  }

  objectsIn(draft["info"]).forEach(([info, index]) => {
    const path = `info${index}.`;
    checkText(info, INFO_SCALARS, path, context);
    checkLists(info, INFO_LISTS, path, context);
    for (const name of INFO_PAIRS) checkPairs(info, name, path, context);
    objectsIn(info["resource"]).forEach(([resource, item]) => {
      const names = RESOURCE_SCALARS.filter((name) => name !== "size");
      checkText(resource, names, `${path}resource${item}.`, context);
    });
    objectsIn(info["area"]).forEach(([area, item]) => {
      const areaPath = `${path}area${item}.`;
      checkText(area, ["areaDesc"], areaPath, context);
      checkPairs(area, "geocode", areaPath, context);
    });
  });
}

/** The object items of a field given as one object or a list, with their index written as "[n]". */
function objectsIn(value: unknown): [Draft, string][] {
  const items = Array.isArray(value) ? value : [value];
  const objects: [Draft, string][] = [];
  items.forEach((item, index) => {
    if (isDraft(item)) objects.push([item, `[${index}]`]);
  });
  return objects;
}

function checkText(
  draft: Draft,
  names: readonly string[],
  path: string,
  context: ValidationContext,
): void {
  for (const name of names) {
    const value = draft[name];
    if (!isAbsent(value) && !isText(value)) {
      reportWrongType(value, `${path}${name}`, "text", context);
    }
  }
}

/** Fields that CAP allows many times: one text, or a list of texts. */
function checkLists(
  draft: Draft,
  names: readonly string[],
  path: string,
  context: ValidationContext,
): void {
  for (const name of names) {
    const value = draft[name];
    if (isAbsent(value) || isText(value)) continue;
    if (!Array.isArray(value)) {
      reportWrongType(value, `${path}${name}`, "a list of texts", context);
      continue;
    }
    value.forEach((item, index) => {
      if (!isText(item)) {
        reportWrongType(item, `${path}${name}[${index}]`, "text", context);
      }
    });
  }
}

function checkPairs(
  draft: Draft,
  name: string,
  path: string,
  context: ValidationContext,
): void {
  objectsIn(draft[name]).forEach(([pair, item]) => {
    checkText(pair, ["valueName", "value"], `${path}${name}${item}.`, context);
  });
}

function reportWrongType(
  value: unknown,
  path: string,
  expected: string,
  context: ValidationContext,
): void {
  context.issues.error(
    "invalid-value",
    `${path} is ${describeType(value)}, not ${expected}; it was ignored`,
    { entry: context.entry, path },
    value,
  );
}

/** Null stands for an absent field in JSON, as in the NWS API's `"instruction": null`. */
function isAbsent(value: unknown): boolean {
  return value === undefined || value === null;
}

/** Text as the readers accept it: a string, or a finite number read as its decimal text. */
function isText(value: unknown): boolean {
  return (
    typeof value === "string" ||
    (typeof value === "number" && Number.isFinite(value))
  );
}

function describeType(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}
