/**
 * The DOMParser route to the alert model, for the parse benchmark in
 * Chromium: `DOMParser` builds the document, a walk over its elements
 * builds the same drafts as `readCapXml`, and `validateAlert` turns them
 * into the same `CapAlert` objects that `parseFeed` returns. Only the XML
 * parser and the tree walk differ from our route, so the comparison measures
 * them. Unlike `parseFeed`, this route has no recovery from broken XML,
 * no duplicate removal and no format detection: it is a lower bound of what
 * a DOM-based client would cost.
 */
import {
  ALERT_SCALARS,
  AREA_SCALARS,
  INFO_LISTS,
  INFO_PAIRS,
  INFO_SCALARS,
  RESOURCE_SCALARS,
  type Draft,
} from "../../shared/formats/alert-draft.js";
import { isCapNamespace } from "../../shared/formats/cap-namespaces.js";
import { IssueList } from "../../shared/formats/issue-list.js";
import { validateAlert } from "../../shared/formats/validate-alert.js";
import type { CapAlert } from "../../shared/model/cap.js";

/** Parses a CAP document or container with DOMParser and returns its alerts. */
export function parseAlertsWithDom(text: string): CapAlert[] {
  const document = new DOMParser().parseFromString(text, "application/xml");
  if (document.getElementsByTagName("parsererror").length > 0) {
    throw new Error("DOMParser: the document is not well-formed XML");
  }
  const issues = new IssueList();
  const alerts: CapAlert[] = [];
  let position = 0;
  for (const element of Array.from(document.getElementsByTagName("*"))) {
    if (
      element.localName !== "alert" ||
      !isCapNamespace(element.namespaceURI ?? "")
    )
      continue;
    position += 1;
    const alert = validateAlert(readAlert(element), {
      issues,
      entry: `alert ${position}`,
    });
    if (alert !== null) alerts.push(alert);
  }
  return alerts;
}

function readAlert(alert: Element): Draft {
  const draft: Draft = { code: [], info: [] };
  for (
    let child = alert.firstElementChild;
    child;
    child = child.nextElementSibling
  ) {
    const name = child.localName;
    if (name === "code")
      (draft["code"] as string[]).push(child.textContent ?? "");
    else if (name === "info") (draft["info"] as Draft[]).push(readInfo(child));
    else if (isOneOf(ALERT_SCALARS, name)) setOnce(draft, name, child);
  }
  return draft;
}

function readInfo(info: Element): Draft {
  const draft: Draft = {
    category: [],
    responseType: [],
    eventCode: [],
    parameter: [],
    resource: [],
    area: [],
  };
  for (
    let child = info.firstElementChild;
    child;
    child = child.nextElementSibling
  ) {
    const name = child.localName;
    if (isOneOf(INFO_PAIRS, name)) {
      (draft[name] as Draft[]).push(readFields(child, ["valueName", "value"]));
    } else if (isOneOf(INFO_LISTS, name)) {
      (draft[name] as string[]).push(child.textContent ?? "");
    } else if (name === "resource") {
      (draft["resource"] as Draft[]).push(readFields(child, RESOURCE_SCALARS));
    } else if (name === "area") {
      (draft["area"] as Draft[]).push(readArea(child));
    } else if (isOneOf(INFO_SCALARS, name)) {
      setOnce(draft, name, child);
    }
  }
  return draft;
}

function readArea(area: Element): Draft {
  const draft: Draft = { polygon: [], circle: [], geocode: [] };
  for (
    let child = area.firstElementChild;
    child;
    child = child.nextElementSibling
  ) {
    const name = child.localName;
    if (name === "polygon" || name === "circle") {
      (draft[name] as string[]).push(child.textContent ?? "");
    } else if (name === "geocode") {
      (draft["geocode"] as Draft[]).push(
        readFields(child, ["valueName", "value"]),
      );
    } else if (isOneOf(AREA_SCALARS, name)) {
      setOnce(draft, name, child);
    }
  }
  return draft;
}

function readFields(element: Element, names: readonly string[]): Draft {
  const draft: Draft = {};
  for (
    let child = element.firstElementChild;
    child;
    child = child.nextElementSibling
  ) {
    if (names.includes(child.localName)) setOnce(draft, child.localName, child);
  }
  return draft;
}

function setOnce(draft: Draft, name: string, element: Element): void {
  if (!(name in draft)) draft[name] = element.textContent ?? "";
}

function isOneOf<T extends string>(
  names: readonly T[],
  name: string,
): name is T {
  return (names as readonly string[]).includes(name);
}
