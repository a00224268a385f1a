/**
 * Reads a CAP `alert` element into a draft. Child elements are matched by
 * local name, so `cap:identifier` and `identifier` read alike and elements
 * CAP does not define (signatures, XInclude, other namespaces) are skipped.
 */
import type { XmlElement } from "../xml/xml-element.js";
import { textContent } from "../xml/xml-element.js";
import {
  ALERT_SCALARS,
  AREA_SCALARS,
  INFO_LISTS,
  INFO_PAIRS,
  INFO_SCALARS,
  RESOURCE_SCALARS,
  type Draft,
} from "./alert-draft.js";

export function readCapXml(alert: XmlElement): Draft {
  const draft: Draft = { code: [], info: [] };
  for (const child of alert.children) {
    if (typeof child === "string") continue;
    const name = child.local;
    if (name === "code") (draft["code"] as string[]).push(textContent(child));
    else if (name === "info") (draft["info"] as Draft[]).push(readInfo(child));
    else if (isOneOf(ALERT_SCALARS, name))
      setOnce(draft, name, textContent(child));
  }
  return draft;
}

function readInfo(info: XmlElement): Draft {
  const draft: Draft = {
    category: [],
    responseType: [],
    eventCode: [],
    parameter: [],
    resource: [],
    area: [],
  };
  for (const child of info.children) {
    if (typeof child === "string") continue;
    const name = child.local;
    if (isOneOf(INFO_LISTS, name) || isOneOf(INFO_PAIRS, name)) {
      const value = isOneOf(INFO_PAIRS, name)
        ? readPair(child)
        : textContent(child);
      (draft[name] as unknown[]).push(value);
    } else if (name === "resource") {
      (draft["resource"] as Draft[]).push(readFields(child, RESOURCE_SCALARS));
    } else if (name === "area") {
      (draft["area"] as Draft[]).push(readArea(child));
    } else if (isOneOf(INFO_SCALARS, name)) {
      setOnce(draft, name, textContent(child));
    }
  }
  return draft;
}

function readArea(area: XmlElement): Draft {
  const draft: Draft = { polygon: [], circle: [], geocode: [] };
  for (const child of area.children) {
    if (typeof child === "string") continue;
    const name = child.local;
    if (name === "polygon" || name === "circle") {
      (draft[name] as string[]).push(textContent(child));
    } else if (name === "geocode") {
      (draft["geocode"] as Draft[]).push(readPair(child));
    } else if (isOneOf(AREA_SCALARS, name)) {
      setOnce(draft, name, textContent(child));
    }
  }
  return draft;
}

function readPair(element: XmlElement): Draft {
  return readFields(element, ["valueName", "value"]);
}

function readFields(element: XmlElement, names: readonly string[]): Draft {
  const draft: Draft = {};
  for (const child of element.children) {
    if (typeof child !== "string" && names.includes(child.local)) {
      setOnce(draft, child.local, textContent(child));
    }
  }
  return draft;
}

/** Keeps the first occurrence of a field that CAP allows once. */
function setOnce(draft: Draft, name: string, value: string): void {
  if (!(name in draft)) draft[name] = value;
}

function isOneOf<T extends string>(
  names: readonly T[],
  name: string,
): name is T {
  return (names as readonly string[]).includes(name);
}
